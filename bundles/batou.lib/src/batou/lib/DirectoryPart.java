package batou.lib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.lib.internal.Attributes;
import batou.lib.internal.FileModes;
import batou.lib.internal.PathProperties;
import batou.lib.internal.TargetFiles;
import batou.model.plan.PartNode;

/**
 * A directory ({@code path}) with mode, owner and group, optionally synced from a folder of the project
 * ({@code source}): every file of the folder is copied byte for byte with its permission bits, and written
 * (atomically) only when it differs; {@code owner} and {@code group} apply to everything synced. {@code exclude}
 * globs are matched against paths relative to the folder, and a glob without {@code /} against every name (so
 * {@code *.pyc} excludes them at any depth). With {@code delete}, what is in the directory but not in the folder
 * is removed, except what an exclude matches.
 */
final class DirectoryPart implements Part {

    private final String path;
    private final String source;
    private final List<String> exclude;
    private final boolean delete;
    private final PathProperties properties;
    private final boolean leading;

    DirectoryPart(PartNode node) {
        Attributes attributes = Attributes.of(node);
        this.path = attributes.requiredString("path");
        this.source = attributes.string("source");
        this.exclude = attributes.strings("exclude");
        this.delete = attributes.bool("delete", false);
        this.properties = PathProperties.of(attributes);
        this.leading = attributes.bool("leading", true);
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        return converge(context, false);
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        converge(context, true);
    }

    /** The changes the directory needs, made as they are found when {@code apply}. */
    private Verdict converge(PartContext context, boolean apply) throws IOException, PartFailure {
        Path directory = context.target(path);
        properties.check(directory);
        List<Change> changes = new ArrayList<>();
        if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS) && !Files.exists(directory)) {
            changes.add(new Change.Other("create directory " + directory));
            if (apply) {
                TargetFiles.createDirectory(directory, leading);
                properties.apply(directory);
            }
        } else if (!Files.isDirectory(directory)) {
            throw new PartFailure(directory + " exists and is not a directory: remove it or choose another path");
        } else {
            changes.addAll(properties.differences(directory));
            if (apply) {
                properties.apply(directory);
            }
        }
        if (source != null) {
            sync(context, directory, changes, apply);
        }
        return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
    }

    private void sync(PartContext context, Path directory, List<Change> changes, boolean apply)
            throws IOException, PartFailure {
        Path folder = context.projectFile(source);
        if (!Files.isDirectory(folder)) {
            throw new PartFailure("source folder '" + source + "' of " + directory + " not found (looked for "
                    + folder + ")");
        }
        Excludes excludes = new Excludes(exclude);
        TreeSet<Path> wanted = new TreeSet<>();
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                Path relative = folder.relativize(dir);
                if (!dir.equals(folder) && excludes.matches(relative)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                wanted.add(relative);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                Path relative = folder.relativize(file);
                if (!excludes.matches(relative) && Files.isRegularFile(file)) {
                    wanted.add(relative);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        for (Path relative : wanted) {
            if (relative.toString().isEmpty()) {
                continue;
            }
            Path from = folder.resolve(relative);
            Path to = directory.resolve(relative.toString());
            PathProperties wantedProperties = properties
                    .withMode(FileModes.mode(Files.getPosixFilePermissions(from)));
            if (Files.isDirectory(from)) {
                syncDirectory(to, wantedProperties, changes, apply);
            } else {
                syncFile(from, to, wantedProperties, changes, apply);
            }
        }
        if (delete && Files.isDirectory(directory)) {
            for (Path extra : extras(directory, wanted, excludes)) {
                changes.add(new Change.Other("remove " + extra));
                if (apply) {
                    TargetFiles.removeTree(extra);
                }
            }
        }
    }

    private static void syncDirectory(Path to, PathProperties wanted, List<Change> changes, boolean apply)
            throws IOException, PartFailure {
        if (Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS)) {
            changes.addAll(wanted.differences(to));
            if (apply) {
                wanted.apply(to);
            }
            return;
        }
        if (Files.exists(to, LinkOption.NOFOLLOW_LINKS)) {
            throw new PartFailure(to + " is in the way of a directory of the source: remove it");
        }
        changes.add(new Change.Other("create directory " + to));
        if (apply) {
            Files.createDirectory(to);
            wanted.apply(to);
        }
    }

    private static void syncFile(Path from, Path to, PathProperties wanted, List<Change> changes, boolean apply)
            throws IOException, PartFailure {
        byte[] bytes = Files.readAllBytes(from);
        byte[] existing = TargetFiles.readIfExists(to);
        if (existing == null || !Arrays.equals(existing, bytes)) {
            changes.add(TargetFiles.change(to, existing, bytes, StandardCharsets.UTF_8, false));
            if (apply) {
                TargetFiles.write(to, bytes, wanted);
            }
            return;
        }
        changes.addAll(wanted.differences(to));
        if (apply) {
            wanted.apply(to);
        }
    }

    /** What is in {@code directory} but neither wanted nor excluded; below an extra directory nothing more. */
    private static List<Path> extras(Path directory, TreeSet<Path> wanted, Excludes excludes) throws IOException {
        List<Path> extras = new ArrayList<>();
        Files.walkFileTree(directory, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                Path relative = directory.relativize(dir);
                if (dir.equals(directory)) {
                    return FileVisitResult.CONTINUE;
                }
                if (excludes.matches(relative)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (!wanted.contains(relative)) {
                    extras.add(dir);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                Path relative = directory.relativize(file);
                if (!excludes.matches(relative) && !wanted.contains(relative)) {
                    extras.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        extras.sort(null);
        return extras;
    }

    /** The exclude globs: with a {@code /} matched against the relative path, without against every name. */
    private static final class Excludes {

        private final List<PathMatcher> paths = new ArrayList<>();
        private final List<PathMatcher> names = new ArrayList<>();

        Excludes(List<String> globs) {
            for (String glob : globs) {
                PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
                (glob.contains("/") ? paths : names).add(matcher);
            }
        }

        boolean matches(Path relative) {
            for (PathMatcher matcher : paths) {
                if (matcher.matches(relative)) {
                    return true;
                }
            }
            for (Path name : relative) {
                for (PathMatcher matcher : names) {
                    if (matcher.matches(name)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }
}
