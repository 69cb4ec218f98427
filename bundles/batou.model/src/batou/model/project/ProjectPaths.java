package batou.model.project;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * The one rule for files of the project that parts read ({@code source} of a template, a folder to sync): a project
 * path is relative, stays inside the project after {@code ..} is resolved, and names a file or folder whose real
 * path (every symbolic link resolved) is inside the project too, as is every file below such a folder. The model
 * checks it while configuring, the controller again when it gathers the files for a host's agent, and local
 * deployments when a part asks for a file, so a path or link that leads elsewhere ({@code /etc/shadow}) is never read.
 */
public final class ProjectPaths {

    /** A file or folder of the project: its project path and where it is on this machine. */
    public record Entry(String path, Path file, boolean directory) {
    }

    /** A project path that is not allowed or does not exist; the message says which and why, the hint what to do. */
    public static final class ProjectPathException extends IOException {
        private static final long serialVersionUID = 1L;
        private final String hint;

        ProjectPathException(String message, String hint) {
            super(message);
            this.hint = hint;
        }

        public String hint() {
            return hint;
        }
    }

    private static final String INSIDE = "project files must be inside the project: put the file into the "
            + "component's folder (or a shared folder of the project) and name it relative to component.yaml";

    private ProjectPaths() {
    }

    /**
     * The project path of {@code path} written in a component whose folder is {@code base} (e.g.
     * {@code components/app}), normalised: {@code components/shared/x} for {@code ../shared/x}.
     *
     * @throws ProjectPathException for an absolute path or one that leaves the project
     */
    public static String normalize(String base, String path) throws ProjectPathException {
        if (path.startsWith("/")) {
            throw new ProjectPathException("project file '" + path + "' is an absolute path, outside the project",
                    INSIDE);
        }
        String joined = base.isEmpty() ? path : base + "/" + path;
        Path normal = Path.of(joined).normalize();
        if (normal.startsWith("..") || normal.toString().isEmpty()) {
            throw new ProjectPathException("project file '" + path + "' leaves the project", INSIDE);
        }
        return normal.toString().replace('\\', '/');
    }

    /** The file or folder of the project path {@code path} (see {@link #list}); the folder's content unchecked. */
    public static Path resolve(Path root, String path) throws ProjectPathException {
        Path file = root.resolve(normalize("", path));
        checkInside(realRoot(root), file, path);
        return file;
    }

    /**
     * The file or folder of the project path {@code path}, and for a folder every file and folder below it, in
     * the order of a walk, each checked to be inside the project. Below a folder, links to files inside the
     * project count as those files; links to folders, dangling links and special files are left out.
     *
     * @throws ProjectPathException when a path or a link leads outside the project, or nothing is there
     * @throws IOException when the folder cannot be read
     */
    public static List<Entry> list(Path root, String path) throws IOException {
        String normal = normalize("", path);
        Path realRoot = realRoot(root);
        Path file = root.resolve(normal);
        Path real = checkInside(realRoot, file, path);
        if (Files.isRegularFile(real)) {
            return List.of(new Entry(normal, file, false));
        }
        if (!Files.isDirectory(real)) {
            throw new ProjectPathException("'" + path + "' is neither a file nor a folder", "name a file or a folder"
                    + " of the project");
        }
        List<Entry> entries = new ArrayList<>();
        Files.walkFileTree(file, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                entries.add(new Entry(name(directory), directory, true));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path each, BasicFileAttributes attributes) throws IOException {
                if (attributes.isSymbolicLink()) {
                    Path target;
                    try {
                        target = each.toRealPath();
                    } catch (IOException dangling) { // nothing there, or a loop of links: nothing to copy
                        return FileVisitResult.CONTINUE;
                    }
                    if (!target.startsWith(realRoot)) {
                        throw new ProjectPathException("'" + name(each) + "' in the project folder '" + normal
                                + "' is a symbolic link to " + target + ", outside the project", INSIDE);
                    }
                }
                if (Files.isRegularFile(each)) {
                    entries.add(new Entry(name(each), each, false));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path each, IOException e) throws IOException {
                throw new ProjectPathException("cannot read '" + name(each) + "' in the project folder '" + normal
                        + "'" + (e instanceof java.nio.file.AccessDeniedException ? ": permission denied" : ""),
                        "make it readable, or remove it");
            }

            private String name(Path each) {
                return each.equals(file) ? normal : normal + "/" + file.relativize(each).toString().replace('\\', '/');
            }
        });
        return entries;
    }

    /** The real path of {@code file}, which must be inside {@code realRoot}. */
    private static Path checkInside(Path realRoot, Path file, String path) throws ProjectPathException {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            throw new ProjectPathException("file not found: " + path, "put the file beside component.yaml, or fix"
                    + " the path");
        }
        if (!real.startsWith(realRoot)) {
            throw new ProjectPathException("project file '" + path + "' leads to " + real
                    + " through a symbolic link, outside the project", INSIDE);
        }
        return real;
    }

    private static Path realRoot(Path root) throws ProjectPathException {
        try {
            return root.toRealPath();
        } catch (IOException e) {
            throw new ProjectPathException("no project folder at " + root, "pass the project folder with -p");
        }
    }
}
