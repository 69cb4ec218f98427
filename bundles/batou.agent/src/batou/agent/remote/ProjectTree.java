package batou.agent.remote;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Comparator;
import java.util.List;

import batou.agent.protocol.ContentHash;
import batou.agent.protocol.ProjectFile;
import batou.model.project.ProjectPaths;

/**
 * The project files a host needs, laid out as on the controller ({@code .batou/trees/<hash of the list>/}) so that
 * parts find a file's source or a folder to sync as they do locally. A tree is built from the file store once
 * (into a temporary folder, then renamed) and reused while the list stays the same.
 */
final class ProjectTree {

    private final Path trees;
    private final List<ProjectFile> files;
    private final Path root;

    ProjectTree(Path trees, List<ProjectFile> files) {
        this.trees = trees;
        this.files = files;
        StringBuilder list = new StringBuilder();
        files.stream().sorted(Comparator.comparing(ProjectFile::path)).forEach(file -> list.append(file.path())
                .append('\0').append(file.sha256()).append('\0').append(file.mode()).append('\n'));
        this.root = trees.resolve(ContentHash.sha256(list.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Where parts find the project path {@code path} (relative to the project). */
    Path resolve(String path) {
        return locate(root, path);
    }

    /** Builds the tree from the store unless it exists. */
    void materialize(FileStore store) throws IOException {
        if (Files.isDirectory(root)) {
            return;
        }
        Files.createDirectories(trees);
        Path building = Files.createTempDirectory(trees, "building-");
        try {
            for (ProjectFile file : files) {
                ProjectPaths.normalize("", file.path()); // never a file outside the tree
                Path target = locate(building, file.path());
                if (file.directory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(store.path(file.sha256()), target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, permissions(file.mode()));
                }
            }
            for (ProjectFile file : files) {
                if (file.directory()) {
                    Files.setPosixFilePermissions(locate(building, file.path()),
                            permissions(file.mode() | 0700));
                }
            }
            Files.move(building, root, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            delete(building);
            if (!Files.isDirectory(root)) {
                throw e;
            }
        }
    }

    /** Where the project path {@code path} lies in the tree folder {@code base}. */
    private static Path locate(Path base, String path) {
        return base.resolve("project").resolve(path);
    }

    /** The permissions of the lowest nine bits of {@code mode}. */
    static java.util.Set<java.nio.file.attribute.PosixFilePermission> permissions(int mode) {
        StringBuilder text = new StringBuilder();
        String letters = "rwxrwxrwx";
        for (int bit = 0; bit < 9; bit++) {
            text.append((mode & (0400 >> bit)) != 0 ? letters.charAt(bit) : '-');
        }
        return java.nio.file.attribute.PosixFilePermissions.fromString(text.toString());
    }

    /** Removes every other tree (older deployments, interrupted builds). */
    void pruneOthers() throws IOException {
        if (!Files.isDirectory(trees)) {
            return;
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(trees)) {
            for (Path tree : all) {
                if (!tree.equals(root)) {
                    delete(tree);
                }
            }
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) throws IOException {
                dir.toFile().setWritable(true, true);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
