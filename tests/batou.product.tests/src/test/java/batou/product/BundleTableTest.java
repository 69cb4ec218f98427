package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The bundle tables of README.md and docs/architecture.md name, for each batou bundle, the batou bundles it depends
 * on: exactly those its manifest imports packages of or requires (the tables had drifted from the manifests).
 */
class BundleTableTest {

    /** A table row: the bundle in backquotes first, the dependencies in the last column. */
    private static final Pattern ROW = Pattern.compile("^\\| `(batou\\.[a-z]+)` \\|.*\\| ([^|]*) \\|$");

    @Test
    void theReadmeNamesTheDependenciesOfTheManifests() throws IOException {
        assertEquals(manifests(), documented(Product.checkout().resolve("README.md")));
    }

    @Test
    void theArchitectureNamesTheDependenciesOfTheManifests() throws IOException {
        assertEquals(manifests(), documented(Product.checkout().resolve("docs/architecture.md")));
    }

    /** Each bundle's documented batou dependencies (short names such as {@code model}), other names left out. */
    private static Map<String, Set<String>> documented(Path file) throws IOException {
        Set<String> bundles = manifests().keySet();
        Map<String, Set<String>> documented = new TreeMap<>();
        for (String line : Files.readAllLines(file)) {
            Matcher row = ROW.matcher(line);
            if (row.matches() && bundles.contains(row.group(1))) {
                Set<String> dependencies = new TreeSet<>();
                for (String name : row.group(2).split(",")) {
                    String bundle = "batou." + name.strip();
                    if (bundles.contains(bundle)) {
                        dependencies.add(bundle);
                    }
                }
                documented.put(row.group(1), dependencies);
            }
        }
        return documented;
    }

    /** Each bundle's batou dependencies: the owners of the packages it imports, and the bundles it requires. */
    private static Map<String, Set<String>> manifests() throws IOException {
        Map<String, Manifest> manifests = new TreeMap<>();
        try (Stream<Path> bundles = Files.list(Product.checkout().resolve("bundles"))) {
            for (Path bundle : bundles.sorted().toList()) {
                Path file = bundle.resolve("META-INF/MANIFEST.MF");
                if (Files.isRegularFile(file)) {
                    try (InputStream in = Files.newInputStream(file)) {
                        Manifest manifest = new Manifest(in);
                        manifests.put(names(manifest, "Bundle-SymbolicName").get(0), manifest);
                    }
                }
            }
        }
        Map<String, String> owners = new HashMap<>();
        manifests.forEach((bundle, manifest) -> names(manifest, "Export-Package").forEach(p -> owners.put(p, bundle)));
        Map<String, Set<String>> dependencies = new TreeMap<>();
        manifests.forEach((bundle, manifest) -> {
            Set<String> used = new TreeSet<>();
            names(manifest, "Import-Package").stream().map(owners::get).filter(o -> o != null).forEach(used::add);
            names(manifest, "Require-Bundle").stream().filter(manifests::containsKey).forEach(used::add);
            used.remove(bundle);
            dependencies.put(bundle, used);
        });
        return dependencies;
    }

    /** The names of a manifest header's clauses, without their attributes and directives. */
    private static List<String> names(Manifest manifest, String header) {
        String value = manifest.getMainAttributes().getValue(header);
        List<String> names = new ArrayList<>();
        if (value == null) {
            return names;
        }
        StringBuilder clause = new StringBuilder();
        boolean quoted = false;
        for (char c : (value + ",").toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                names.add(clause.toString().split(";")[0].strip());
                clause.setLength(0);
            } else {
                clause.append(c);
            }
        }
        return names;
    }
}
