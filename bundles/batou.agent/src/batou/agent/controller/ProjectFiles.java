package batou.agent.controller;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import batou.agent.protocol.ContentHash;
import batou.agent.protocol.ProjectFile;
import batou.model.parts.PartAttribute;
import batou.model.parts.PartType;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.HostPlan;
import batou.model.plan.PartNode;
import batou.model.plan.RootPlan;
import batou.model.project.ProjectPaths;

/**
 * The project files that hosts need, on the controller: what a host's parts name in project-file attributes (a
 * file, or every file and folder below a folder, each inside the project by the rule of {@link ProjectPaths}), with
 * content hashes. Shared by all hosts of a run, so a file is
 * hashed once; a hash is reused while the file's size and modification time stay the same.
 */
public final class ProjectFiles {

    private record Hashed(long size, long modified, String sha256) {
    }

    private final Path projectRoot;
    private final PartTypeRegistry registry;
    private final Map<Path, Hashed> hashes = new ConcurrentHashMap<>();
    private final Map<String, Path> bySha256 = new ConcurrentHashMap<>();

    public ProjectFiles(Path projectRoot, PartTypeRegistry registry) {
        this.projectRoot = projectRoot;
        this.registry = registry;
    }

    /** The files {@code host} needs, sorted by path. */
    public List<ProjectFile> of(HostPlan host) throws IOException {
        Map<String, ProjectFile> files = new TreeMap<>();
        for (RootPlan root : host.roots()) {
            collect(root.parts(), files);
        }
        return new ArrayList<>(files.values());
    }

    /** The content of a file listed earlier by its hash. */
    public byte[] content(String sha256) throws IOException {
        Path file = bySha256.get(sha256);
        if (file == null) {
            throw new IOException("no project file has the SHA-256 " + sha256);
        }
        byte[] content = Files.readAllBytes(file);
        if (!ContentHash.sha256(content).equals(sha256)) {
            throw new IOException(file + " changed during the deployment");
        }
        return content;
    }

    private void collect(List<PartNode> parts, Map<String, ProjectFile> files) throws IOException {
        for (PartNode node : parts) {
            collect(node.children(), files);
            PartType type = registry.find(node.type());
            if (type == null) {
                continue;
            }
            for (PartAttribute attribute : type.attributes()) {
                if (attribute.projectFile() && node.attributes().get(attribute.name()) instanceof String path) {
                    add(path, files);
                }
            }
        }
    }

    /** The file or folder {@code path} and everything below it, by the rule of {@link ProjectPaths}. */
    private void add(String path, Map<String, ProjectFile> files) throws IOException {
        if (files.containsKey(path)) {
            return;
        }
        for (ProjectPaths.Entry entry : ProjectPaths.list(projectRoot, path)) {
            files.put(entry.path(), new ProjectFile(entry.path(), entry.directory() ? null : hash(entry.file()),
                    mode(entry.file())));
        }
    }

    private String hash(Path file) throws IOException {
        PosixFileAttributes attributes = Files.readAttributes(file, PosixFileAttributes.class);
        long size = attributes.size();
        long modified = attributes.lastModifiedTime().toMillis();
        Path key = file.toAbsolutePath().normalize();
        Hashed known = hashes.get(key);
        if (known == null || known.size() != size || known.modified() != modified) {
            known = new Hashed(size, modified, ContentHash.sha256(Files.readAllBytes(file)));
            hashes.put(key, known);
        }
        bySha256.putIfAbsent(known.sha256(), key);
        return known.sha256();
    }

    private static int mode(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 0400 >> permission.ordinal();
        }
        return mode;
    }
}
