package batou.lib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import batou.engine.files.FileStatus;
import batou.engine.files.SafeDirectory;
import batou.engine.files.SafePath;
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
 * is removed, except what an exclude matches. A symbolic link at {@code path} or inside it is refused or replaced,
 * never followed.
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
        try (SafePath located = apply ? TargetFiles.locate(directory, leading) : SafePath.of(directory)) {
            FileStatus status = located.status();
            if (!status.exists()) {
                changes.add(new Change.Other("create directory " + directory));
                if (apply) {
                    located.createDirectory();
                    properties.apply(located);
                }
            } else if (!status.isDirectory()) {
                throw new PartFailure(directory + " exists and is not a directory but " + status.type()
                        .description() + (status.isLink() ? " (batou does not follow it)" : "")
                        + ": remove it or choose another path");
            } else {
                changes.addAll(properties.differences(located));
                if (apply) {
                    properties.apply(located);
                }
            }
            if (source != null) {
                try (SafeDirectory target = located.status().isDirectory() ? located.openDirectory() : null) {
                    sync(context, directory, target, changes, apply);
                }
            }
        }
        return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
    }

    /** A file or folder of the source folder: its permission bits and where it is read (links followed). */
    private record SourceEntry(boolean directory, Set<PosixFilePermission> permissions, Path file) {
    }

    /** Syncs the source folder into {@code target} (null when it does not exist yet, while predicting). */
    private void sync(PartContext context, Path directory, SafeDirectory target, List<Change> changes,
            boolean apply) throws IOException, PartFailure {
        Path folder = context.projectFile(source).toAbsolutePath();
        if (!TargetFiles.isDirectory(folder)) {
            throw new PartFailure("source folder '" + source + "' of " + directory + " not found (looked for "
                    + folder + ")");
        }
        Excludes excludes = new Excludes(exclude);
        TreeMap<Path, SourceEntry> wanted = new TreeMap<>();
        try (SafeDirectory from = SafeDirectory.open(folder, false)) {
            collect(from, Path.of(""), excludes, wanted, 0);
        }
        Map<Path, SafeDirectory> opened = new HashMap<>();
        try {
            for (Map.Entry<Path, SourceEntry> entry : wanted.entrySet()) {
                Path relative = entry.getKey();
                SafeDirectory parent = relative.getParent() == null ? target : opened.get(relative.getParent());
                String name = relative.getFileName().toString();
                Path to = directory.resolve(relative.toString());
                PathProperties wantedProperties = properties
                        .withMode(FileModes.mode(entry.getValue().permissions()));
                if (entry.getValue().directory()) {
                    SafeDirectory child = syncDirectory(parent, name, to, wantedProperties, changes, apply);
                    if (child != null) {
                        opened.put(relative, child);
                    }
                } else {
                    syncFile(entry.getValue().file(), parent, name, to, wantedProperties, changes, apply);
                }
            }
        } finally {
            opened.values().forEach(SafeDirectory::close);
        }
        if (delete && target != null) {
            List<Path> extras = new ArrayList<>();
            extras(target, Path.of(""), wanted, excludes, extras, 0);
            extras.sort(null);
            for (Path extra : extras) {
                changes.add(new Change.Other("remove " + directory.resolve(extra.toString())));
                if (apply) {
                    TargetFiles.removeTree(directory.resolve(extra.toString()));
                }
            }
        }
    }

    /**
     * Adds what the source folder {@code from} (at {@code relative}) holds to {@code wanted}: folders, and files or
     * links to files (read through the link, when it may be followed); links to folders are skipped.
     */
    private static void collect(SafeDirectory from, Path relative, Excludes excludes,
            TreeMap<Path, SourceEntry> wanted, int depth) throws IOException, PartFailure {
        if (depth > SafeDirectory.MAX_TREE_DEPTH) {
            throw new PartFailure("source folder " + from.path() + " is more than " + SafeDirectory.MAX_TREE_DEPTH
                    + " levels deep");
        }
        for (String name : from.list()) {
            Path entry = relative.resolve(name);
            if (excludes.matches(entry)) {
                continue;
            }
            FileStatus status = from.status(name);
            if (status.isDirectory()) {
                wanted.put(entry, new SourceEntry(true, status.permissions(), from.path(name)));
                try (SafeDirectory child = from.open(name)) {
                    collect(child, entry, excludes, wanted, depth + 1);
                }
            } else if (status.isFile() || status.isLink()) {
                try (SafePath file = SafePath.following(from.path(name))) {
                    FileStatus followed = file.status();
                    if (followed.isFile()) {
                        wanted.put(entry, new SourceEntry(false, followed.permissions(), from.path(name)));
                    }
                }
            }
        }
    }

    /** Converges the directory {@code name} of {@code parent} (null: missing); returns it open when it exists. */
    private static SafeDirectory syncDirectory(SafeDirectory parent, String name, Path to, PathProperties wanted,
            List<Change> changes, boolean apply) throws IOException, PartFailure {
        FileStatus status = parent == null ? null : parent.status(name);
        if (status != null && status.isDirectory()) {
            changes.addAll(wanted.differences(parent.at(name)));
            if (apply) {
                wanted.apply(parent.at(name));
            }
            return parent.open(name);
        }
        if (status != null && status.exists()) {
            throw new PartFailure(to + " is in the way of a directory of the source: remove it");
        }
        changes.add(new Change.Other("create directory " + to));
        if (!apply) {
            return null;
        }
        parent.createDirectory(name);
        wanted.apply(parent.at(name));
        return parent.open(name);
    }

    private static void syncFile(Path from, SafeDirectory parent, String name, Path to, PathProperties wanted,
            List<Change> changes, boolean apply) throws IOException, PartFailure {
        byte[] bytes;
        try (SafePath source = SafePath.following(from)) {
            bytes = source.read(Integer.MAX_VALUE - 8);
        }
        if (parent == null) {
            changes.add(TargetFiles.change(to, null, bytes, StandardCharsets.UTF_8, false));
            return;
        }
        SafePath file = parent.at(name);
        List<Change> fileChanges = TargetFiles.differences(file, bytes, StandardCharsets.UTF_8, false, wanted);
        changes.addAll(fileChanges);
        if (apply && !fileChanges.isEmpty()) {
            TargetFiles.converge(file, bytes, wanted);
        }
    }

    /** What is in {@code directory} but neither wanted nor excluded; below an extra directory nothing more. */
    private static void extras(SafeDirectory directory, Path relative, TreeMap<Path, SourceEntry> wanted,
            Excludes excludes, List<Path> extras, int depth) throws IOException {
        for (String name : directory.list()) {
            Path entry = relative.resolve(name);
            if (excludes.matches(entry)) {
                continue;
            }
            SourceEntry source = wanted.get(entry);
            if (source == null) {
                extras.add(entry);
            } else if (source.directory() && directory.status(name).isDirectory()) { // as deep as the source
                try (SafeDirectory child = directory.open(name)) {
                    extras(child, entry, wanted, excludes, extras, depth + 1);
                }
            }
        }
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
