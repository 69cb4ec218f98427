package batou.model;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The version of batou and the commit it was built from.
 * <p>
 * Both come from the manifest of the jar (or class folder) this class was loaded from, so the answer is the
 * same inside OSGi, in a plain {@code java -jar} agent and in tests. Builds outside Maven report
 * {@link #UNKNOWN}.
 */
public final class BatouVersion {

    /** The value used for a part that the build did not record. */
    public static final String UNKNOWN = "unknown";

    public static final String COMMIT_HEADER = "Batou-Commit";

    private static final BatouVersion CURRENT = readFrom(BatouVersion.class);

    private final String version;
    private final String commit;

    public BatouVersion(String version, String commit) {
        this.version = blankToUnknown(version);
        this.commit = blankToUnknown(commit);
    }

    /** The version of the running batou. */
    public static BatouVersion current() {
        return CURRENT;
    }

    /** Reads the version of the code base (jar or class folder) that contains {@code type}. */
    public static BatouVersion readFrom(Class<?> type) {
        Manifest manifest = manifestOf(type);
        if (manifest == null) {
            return new BatouVersion(UNKNOWN, UNKNOWN);
        }
        Attributes main = manifest.getMainAttributes();
        return fromManifest(main);
    }

    /** Builds the version from manifest headers: {@code Bundle-Version} and {@code Batou-Commit}. */
    public static BatouVersion fromManifest(Attributes main) {
        String version = main.getValue("Bundle-Version");
        if (version == null) {
            version = main.getValue(Attributes.Name.IMPLEMENTATION_VERSION);
        }
        return new BatouVersion(version, main.getValue(COMMIT_HEADER));
    }

    private static Manifest manifestOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return null;
        }
        try {
            Path location = Path.of(source.getLocation().toURI());
            if (Files.isDirectory(location)) {
                return manifestInFolder(location);
            }
            try (JarFile jar = new JarFile(location.toFile())) {
                return jar.getManifest();
            }
        } catch (IOException | URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    private static Manifest manifestInFolder(Path folder) throws IOException {
        // A class folder in a development build: target/classes beside META-INF/ of the bundle.
        for (Path candidate = folder; candidate != null; candidate = candidate.getParent()) {
            Path file = candidate.resolve("META-INF/MANIFEST.MF");
            if (Files.isRegularFile(file)) {
                try (InputStream in = Files.newInputStream(file)) {
                    return new Manifest(in);
                }
            }
            if (Files.exists(candidate.resolve("pom.xml"))) {
                break;
            }
        }
        return null;
    }

    private static String blankToUnknown(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? UNKNOWN : value.trim();
    }

    /** The bundle version, e.g. {@code 0.1.0.v20261124-2010}. */
    public String version() {
        return version;
    }

    /** The abbreviated commit id the build came from, or {@link #UNKNOWN}. */
    public String commit() {
        return commit;
    }

    /** One line for people: {@code batou 0.1.0.v20261124-2010 (commit 1a2b3c4)}. */
    @Override
    public String toString() {
        return "batou " + version + " (commit " + commit + ")";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BatouVersion that && version.equals(that.version) && commit.equals(that.commit);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, commit);
    }
}
