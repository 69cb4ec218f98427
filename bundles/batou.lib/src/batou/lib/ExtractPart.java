package batou.lib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import batou.engine.parts.AtomicFiles;
import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.engine.processes.CommandResult;
import batou.lib.internal.Attributes;
import batou.lib.internal.Checksums;
import batou.lib.internal.ShellCommand;
import batou.lib.internal.TargetFiles;
import batou.model.plan.PartNode;

/**
 * Unpacks {@code archive} into the directory {@code target}, dropping {@code strip} leading path components of
 * every entry (entries with no more components than that are skipped). The format comes from the file name:
 * {@code .tar.gz}/{@code .tgz} and {@code .tar.xz}/{@code .txz} are unpacked with the host's {@code tar} command
 * ({@code -xzf}/{@code -xJf}, owners not restored, after listing the entries with {@code -t}); {@code .zip} with
 * java.util.zip (files get mode 0644, as zip entries carry no Unix modes there).
 *
 * <p>The archive's SHA-256 is recorded in {@code <target>/.batou-extracted}; while it matches, the part is up to
 * date. An update unpacks into a temporary sibling directory of target first, refusing any entry that would land
 * outside it (absolute names, {@code ..} components, symbolic links pointing outside), then merges it into target:
 * every path of the archive replaces the same path in target, and files of target that are not in the archive are
 * kept. A refused archive changes nothing in target.
 */
final class ExtractPart implements Part {

    static final String MARKER = ".batou-extracted";
    private static final long TAR_TIMEOUT_SECONDS = 1800;

    private final String archive;
    private final String target;
    private final long strip;

    ExtractPart(PartNode node) {
        Attributes attributes = Attributes.of(node);
        this.archive = attributes.requiredString("archive");
        this.target = attributes.requiredString("target");
        this.strip = attributes.integer("strip", 0L);
    }

    /**
     * The tar compression flag of an archive named {@code name}, {@code zip} for zip archives, or null when the
     * name tells no format (the schema refuses such an archive while configuring).
     */
    static String format(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
            return "z";
        }
        if (lower.endsWith(".tar.xz") || lower.endsWith(".txz")) {
            return "J";
        }
        return lower.endsWith(".zip") ? "zip" : null;
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        Path file = context.target(archive);
        Path directory = context.target(target);
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new PartFailure("extract target " + directory + " is not a directory");
        }
        Change change = new Change.Other("extract " + file + " into " + directory);
        if (!Files.isRegularFile(file)) {
            if (context.predict()) {
                // an earlier part (a download) may create it
                return Verdict.update(change);
            }
            throw new PartFailure("archive " + file + " does not exist");
        }
        Path marker = directory.resolve(MARKER);
        if (Files.isRegularFile(marker)
                && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(Checksums.sha256(file))) {
            return Verdict.upToDate();
        }
        return Verdict.update(change);
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        Path file = context.target(archive);
        Path directory = context.target(target).toAbsolutePath();
        String format = format(file.getFileName().toString());
        if (!Files.isRegularFile(file)) {
            throw new PartFailure("archive " + file + " does not exist");
        }
        String sha256 = Checksums.sha256(file);
        Path parent = directory.getParent();
        Files.createDirectories(parent);
        removeLeftovers(parent, directory.getFileName().toString());
        Path temporary = Files.createDirectory(parent.resolve("." + directory.getFileName() + "."
                + Long.toHexString(System.nanoTime()) + AtomicFiles.TEMPORARY_SUFFIX));
        try {
            if (format.equals("zip")) {
                unzip(context, file, temporary);
            } else {
                untar(context, file, format, temporary);
            }
            checkLinks(file, temporary);
            Files.createDirectories(directory);
            merge(temporary, directory);
            AtomicFiles.write(directory.resolve(MARKER), (sha256 + "\n").getBytes(StandardCharsets.UTF_8), null);
        } finally {
            TargetFiles.removeTree(temporary);
        }
    }

    private PartFailure escapes(PartContext context, Path file, String entry) {
        return new PartFailure("extract " + file + ": entry '" + entry + "' would escape "
                + context.target(target));
    }

    /** Fails for absolute entry names and names with a {@code ..} component. */
    private void checkName(PartContext context, Path file, String entry) throws PartFailure {
        if (entry.startsWith("/")) {
            throw escapes(context, file, entry);
        }
        for (String component : entry.split("/")) {
            if (component.equals("..")) {
                throw escapes(context, file, entry);
            }
        }
    }

    private void untar(PartContext context, Path file, String flag, Path into) throws Exception {
        CommandResult list = tar(context, "-t" + flag + "f", file.toString());
        for (String entry : list.stdout().lines().toList()) {
            checkName(context, file, entry);
        }
        tar(context, "-x" + flag + "f", file.toString(), "-C", into.toString(), "--no-same-owner",
                "--strip-components=" + strip);
    }

    private CommandResult tar(PartContext context, String... arguments) throws Exception {
        String[] words = new String[arguments.length + 1];
        words[0] = "tar";
        System.arraycopy(arguments, 0, words, 1, arguments.length);
        String line = ShellCommand.line(words);
        CommandResult result = ShellCommand.run(context, line, TAR_TIMEOUT_SECONDS);
        if (result.timedOut()) {
            throw new PartFailure(line + " timed out after " + TAR_TIMEOUT_SECONDS + " s");
        }
        if (result.exitCode() != 0) {
            throw new PartFailure(line + " exited with " + result.exitCode() + ": " + result.tail(10));
        }
        return result;
    }

    private void unzip(PartContext context, Path file, Path into) throws Exception {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> entries = zip.stream().toList();
            for (ZipEntry entry : entries) {
                checkName(context, file, entry.getName());
            }
            for (ZipEntry entry : entries) {
                String[] components = entry.getName().split("/");
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < components.length; i++) {
                    if (i >= strip && !components[i].isEmpty() && !components[i].equals(".")) {
                        kept.add(components[i]);
                    }
                }
                if (kept.isEmpty() || components.length <= strip) {
                    continue;
                }
                Path destination = into.resolve(String.join("/", kept)).normalize();
                if (!destination.startsWith(into)) {
                    throw escapes(context, file, entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, destination, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** Fails for symbolic links that point outside the unpacked tree. */
    private void checkLinks(Path file, Path root) throws IOException, PartFailure {
        List<String> escaping = new ArrayList<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                if (attributes.isSymbolicLink()) {
                    Path link = Files.readSymbolicLink(path);
                    if (link.isAbsolute() || !path.getParent().resolve(link).normalize().startsWith(root)) {
                        escaping.add(root.relativize(path) + " -> " + link);
                        return FileVisitResult.TERMINATE;
                    }
                }
                return FileVisitResult.CONTINUE;
            }
        });
        if (!escaping.isEmpty()) {
            throw new PartFailure("extract " + file + ": entry '" + escaping.get(0)
                    + "' is a symbolic link that points outside the target");
        }
    }

    /** Moves everything below {@code from} to the same place below {@code to}, replacing what is there. */
    private static void merge(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes)
                    throws IOException {
                if (directory.equals(from)) {
                    return FileVisitResult.CONTINUE;
                }
                Path destination = to.resolve(from.relativize(directory).toString());
                if (!Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
                    TargetFiles.removeTree(destination);
                    Files.createDirectory(destination);
                    Files.setPosixFilePermissions(destination, Files.getPosixFilePermissions(directory));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attributes) throws IOException {
                Path destination = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(destination, LinkOption.NOFOLLOW_LINKS)) {
                    TargetFiles.removeTree(destination);
                }
                Files.move(path, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** Removes temporary directories of runs that were killed while extracting. */
    private static void removeLeftovers(Path parent, String name) throws IOException {
        try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(parent,
                entry -> entry.getFileName().toString().startsWith("." + name + ".")
                        && entry.getFileName().toString().endsWith(AtomicFiles.TEMPORARY_SUFFIX))) {
            for (Path leftover : leftovers) {
                TargetFiles.removeTree(leftover);
            }
        }
    }
}
