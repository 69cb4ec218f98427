package batou.agent.controller;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleWiring;

import batou.agent.protocol.ContentHash;
import batou.model.BatouVersion;

/**
 * The agent as one self-contained, reproducible jar: the classes of the engine, the component library, the model,
 * the templates and the libraries they use, gathered from the running batou (OSGi bundles, or a plain class path)
 * with fixed entry times and order, so the same batou build always gives the same bytes and the same SHA-256. The
 * hash names the jar on the targets ({@code agent-<sha256>.jar}): a target that has it already gets nothing.
 */
public final class AgentJar {

    /** The class that runs on the target. */
    public static final String MAIN_CLASS = "batou.agent.remote.AgentMain";

    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2020, 1, 1, 0, 0);
    private static final String[] ANCHORS = { "batou.agent.remote.AgentMain", "batou.engine.RootDeployer",
            "batou.lib.LibraryPartTypes", "batou.model.plan.HostPlan", "batou.template.Template",
            "org.eclipse.jgit.api.Git", "com.googlecode.javaewah.EWAHCompressedBitmap", "org.slf4j.LoggerFactory",
            "org.yaml.snakeyaml.Yaml", "org.apache.commons.codec.digest.DigestUtils" };
    /** Top-level names of a bundle's project folder, seen when running from a workspace or a Tycho test. */
    private static final java.util.Set<String> DEVELOPMENT_FILES = java.util.Set.of("src/", "target/", "bin/",
            ".settings/", "pom.xml", "build.properties", ".project", ".classpath");
    private static AgentJar built;

    private final String sha256;
    private final Path cached;
    private byte[] bytes;

    private AgentJar(byte[] bytes) {
        this.bytes = bytes;
        this.sha256 = ContentHash.sha256(bytes);
        this.cached = null;
    }

    private AgentJar(String sha256, Path cached) {
        this.sha256 = sha256;
        this.cached = cached;
    }

    /**
     * The agent of this batou, built on first use. A built agent is kept in the user's cache folder
     * ({@code ~/.cache/batou/agents/}), named after what it was built from (each bundle's name, version and time, or
     * each jar's path, size and time) and its SHA-256, so later runs of the same batou neither build nor hash it, and
     * read it only to upload it (checked against its hash then).
     */
    public static synchronized AgentJar current() throws IOException {
        if (built == null) {
            String fingerprint = fingerprint();
            Path found = cachedAgent(fingerprint);
            if (found != null) {
                String name = found.getFileName().toString();
                built = new AgentJar(name.substring(name.lastIndexOf('-') + 1, name.length() - ".jar".length()),
                        found);
            } else {
                built = new AgentJar(build());
                store(cacheFolder().resolve(fingerprint + "-agent-" + built.sha256 + ".jar"), built.bytes);
            }
        }
        return built;
    }

    /** The cached agent built from {@code fingerprint}, or null. */
    private static Path cachedAgent(String fingerprint) {
        Path folder = cacheFolder();
        if (!Files.isDirectory(folder)) {
            return null;
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches(fingerprint + "-agent-[0-9a-f]{64}\\.jar"))
                    .findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    public synchronized byte[] bytes() throws IOException {
        if (bytes == null) {
            byte[] read = Files.readAllBytes(cached);
            if (!ContentHash.sha256(read).equals(sha256)) {
                Files.deleteIfExists(cached);
                throw new IOException("the cached agent " + cached + " is damaged (its SHA-256 differs from its name);"
                        + " it was removed: deploy again to rebuild it");
            }
            bytes = read;
        }
        return bytes.clone();
    }

    public int size() throws IOException {
        return bytes == null ? (int) Files.size(cached) : bytes.length;
    }

    public String sha256() {
        return sha256;
    }

    /** {@code agent-<sha256>.jar}. */
    public String fileName() {
        return "agent-" + sha256 + ".jar";
    }

    private static Path cacheFolder() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("batou").resolve("agents");
    }

    /** Best effort: a cache that cannot be written only costs time. */
    private static void store(Path cached, byte[] bytes) {
        try {
            Files.createDirectories(cached.getParent());
            Path temporary = Files.createTempFile(cached.getParent(), "building-", ".tmp");
            try {
                Files.write(temporary, bytes);
                Files.move(temporary, cached, java.nio.file.StandardCopyOption.ATOMIC_MOVE,
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
            try (Stream<Path> old = Files.list(cached.getParent())) {
                for (Path other : old.filter(f -> !f.equals(cached)).toList()) {
                    Files.deleteIfExists(other); // agents of other builds
                }
            }
        } catch (IOException ignored) {
            // no cache this time
        }
    }

    /** What the agent is made of: a SHA-256 over each anchor's bundle (name, version, time) or jar (path, size, time). */
    private static String fingerprint() throws IOException {
        StringBuilder inputs = new StringBuilder();
        for (String anchor : ANCHORS) {
            Class<?> type;
            try {
                type = Class.forName(anchor, false, AgentJar.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError optional) {
                inputs.append(anchor).append(" absent\n");
                continue;
            }
            Bundle bundle = bundleOf(type);
            if (bundle != null) {
                inputs.append(bundle.getSymbolicName()).append(' ').append(bundle.getVersion()).append(' ')
                        .append(bundle.getLastModified()).append(' ').append(bundle.getLocation()).append('\n');
                continue;
            }
            CodeSource source = type.getProtectionDomain().getCodeSource();
            try {
                Path location = Path.of(source.getLocation().toURI());
                inputs.append(location).append(' ').append(Files.size(location)).append(' ')
                        .append(Files.getLastModifiedTime(location).toMillis()).append('\n');
            } catch (URISyntaxException | RuntimeException e) {
                inputs.append(anchor).append(" unknown ").append(System.nanoTime()).append('\n'); // never cached
            }
        }
        return ContentHash.sha256(inputs.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] build() throws IOException {
        Map<String, byte[]> entries = new TreeMap<>();
        Map<String, StringBuilder> services = new TreeMap<>();
        for (String anchor : ANCHORS) {
            Class<?> type;
            try {
                type = Class.forName(anchor, false, AgentJar.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError optional) {
                continue; // a library this batou does not have (commons-codec is optional for JGit)
            }
            for (Map.Entry<String, byte[]> resource : resourcesBeside(type).entrySet()) {
                String name = resource.getKey();
                if (skipped(name)) {
                    continue;
                }
                if (name.startsWith("META-INF/services/")) {
                    services.computeIfAbsent(name, n -> new StringBuilder())
                            .append(new String(resource.getValue(), StandardCharsets.UTF_8).strip()).append('\n');
                } else {
                    entries.putIfAbsent(name, resource.getValue());
                }
            }
        }
        services.forEach((name, text) -> entries.put(name, text.toString().getBytes(StandardCharsets.UTF_8)));
        return write(entries);
    }

    private static boolean skipped(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return name.endsWith("/") || name.equals("META-INF/MANIFEST.MF") || name.endsWith("module-info.class")
                || upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".RSA")
                        || upper.endsWith(".DSA") || upper.endsWith(".EC"))
                || name.startsWith("META-INF/versions/") || name.startsWith("OSGI-INF/")
                || name.startsWith("META-INF/maven/") || name.endsWith(".java")
                || DEVELOPMENT_FILES.contains(name.substring(0, name.indexOf('/') + 1 > 0 ? name.indexOf('/') + 1
                        : name.length()));
    }

    private static byte[] write(Map<String, byte[]> entries) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, MAIN_CLASS);
        BatouVersion version = BatouVersion.current();
        main.putValue("Bundle-Version", version.version());
        if (version.commit() != null) {
            main.putValue(BatouVersion.COMMIT_HEADER, version.commit());
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 << 20);
        try (JarOutputStream jar = new JarOutputStream(out)) {
            JarEntry manifestEntry = new JarEntry(JarFile.MANIFEST_NAME);
            manifestEntry.setTimeLocal(ENTRY_TIME);
            jar.putNextEntry(manifestEntry);
            manifest.write(jar);
            jar.closeEntry();
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                JarEntry jarEntry = new JarEntry(entry.getKey());
                jarEntry.setTimeLocal(ENTRY_TIME);
                jar.putNextEntry(jarEntry);
                jar.write(entry.getValue());
                jar.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** Every resource of the bundle or jar (or class folder) that holds {@code type}. */
    private static Map<String, byte[]> resourcesBeside(Class<?> type) throws IOException {
        Bundle bundle = bundleOf(type);
        if (bundle != null) {
            BundleWiring wiring = bundle.adapt(BundleWiring.class);
            if (wiring != null) {
                return resourcesOf(wiring);
            }
        }
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            throw new IOException("cannot find the classes of " + type.getName() + " to build the agent");
        }
        try {
            return resourcesAt(Path.of(source.getLocation().toURI()));
        } catch (URISyntaxException e) {
            throw new IOException("cannot read " + source.getLocation() + ": " + e.getMessage(), e);
        }
    }

    private static Bundle bundleOf(Class<?> type) {
        try {
            return FrameworkUtil.getBundle(type);
        } catch (LinkageError noOsgi) {
            return null; // a plain class path without the OSGi framework classes
        }
    }

    private static Map<String, byte[]> resourcesOf(BundleWiring wiring) throws IOException {
        Collection<String> names = wiring.listResources("/", "*",
                BundleWiring.LISTRESOURCES_RECURSE | BundleWiring.LISTRESOURCES_LOCAL);
        Map<String, byte[]> resources = new TreeMap<>();
        ClassLoader loader = wiring.getClassLoader();
        for (String name : names) {
            if (name.endsWith("/")) {
                continue;
            }
            URL url = loader.getResource(name);
            if (url == null) {
                url = wiring.getBundle().getEntry(name);
            }
            if (url != null) {
                try (InputStream in = url.openStream()) {
                    resources.put(name, in.readAllBytes());
                }
            }
        }
        return resources;
    }

    private static Map<String, byte[]> resourcesAt(Path location) throws IOException {
        Map<String, byte[]> resources = new TreeMap<>();
        if (Files.isDirectory(location)) {
            List<Path> files = new ArrayList<>();
            try (Stream<Path> walk = Files.walk(location)) {
                walk.filter(Files::isRegularFile).forEach(files::add);
            }
            for (Path file : files) {
                resources.put(location.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            return resources;
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            for (JarEntry entry : java.util.Collections.list(jar.entries())) {
                if (!entry.isDirectory()) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        resources.put(entry.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return resources;
    }
}
