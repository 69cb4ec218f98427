package batou.lib.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.engine.files.FileStatus;
import batou.engine.files.SafeDirectory;
import batou.engine.parts.PartFailure;

/**
 * Unpacks the entries of an archive into a private staging directory and then merges them into the target
 * directory, for the extract part. Every entry goes through {@link SafeDirectory}, so nothing is written through a
 * link. Refused, before anything reaches the target: names that would land outside it (absolute, {@code ..}),
 * devices and named pipes, hard links to anything but an earlier file of the archive, symbolic links that lead
 * outside the target (resolved as the kernel would, through the archive's links and those the target already
 * has), more than {@code maxSize} bytes of content in all or more than {@value #MAX_ENTRIES} entries. Set-user-ID
 * and set-group-ID bits (and the sticky bit) are dropped unless {@code keepSpecialBits}.
 */
public final class Extraction {

    /** Entries per archive at most (each costs an inode, also when it is empty). */
    public static final int MAX_ENTRIES = 1_000_000;
    private static final int MAX_LINKS = 40;

    private final SafeDirectory staging;
    private final String archive;
    private final Path target;
    private final long strip;
    private final long maxSize;
    private final boolean keepSpecialBits;
    private final List<List<String>> links = new ArrayList<>();
    private final Map<List<String>, Integer> directoryModes = new LinkedHashMap<>();
    private long unpacked;
    private int entries;

    public Extraction(SafeDirectory staging, String archive, Path target, long strip, long maxSize,
            boolean keepSpecialBits) {
        this.staging = staging;
        this.archive = archive;
        this.target = target;
        this.strip = strip;
        this.maxSize = maxSize;
        this.keepSpecialBits = keepSpecialBits;
    }

    /** Unpacks every entry of {@code reader} into the staging directory. */
    public void unpack(ArchiveReader reader) throws IOException, PartFailure {
        ArchiveEntry entry;
        while ((entry = reader.next()) != null) {
            if (++entries > MAX_ENTRIES) {
                throw new PartFailure("extract " + archive + ": more than " + MAX_ENTRIES + " entries");
            }
            List<String> path = components(entry.name());
            if (path != null) {
                add(entry, path, reader);
            }
        }
        List<List<String>> directories = new ArrayList<>(directoryModes.keySet());
        directories.sort((a, b) -> b.size() - a.size()); // the deepest first: a parent's mode may close it
        for (List<String> directory : directories) {
            try (Opened parent = parent(directory, false)) {
                if (parent.directory != null && parent.directory.status(last(directory)).isDirectory()) {
                    setMode(parent.directory, last(directory), directoryModes.get(directory));
                }
            }
        }
    }

    /**
     * The components an entry name keeps after {@code strip} leading ones ({@code .} counts, as for tar
     * --strip-components), or null when none is left; absolute names and {@code ..} are refused.
     */
    private List<String> components(String name) throws PartFailure {
        if (name.startsWith("/")) {
            throw escapes(name);
        }
        List<String> raw = new ArrayList<>();
        for (String component : name.split("/")) {
            if (component.equals("..")) {
                throw escapes(name);
            }
            if (component.indexOf('\0') >= 0) {
                throw new PartFailure("extract " + archive + ": an entry name holds a NUL character");
            }
            if (!component.isEmpty()) {
                raw.add(component);
            }
        }
        if (raw.size() > SafeDirectory.MAX_TREE_DEPTH) {
            throw new PartFailure("extract " + archive + ": an entry name has more than "
                    + SafeDirectory.MAX_TREE_DEPTH + " components");
        }
        if (raw.size() <= strip) {
            return null;
        }
        List<String> kept = new ArrayList<>();
        for (String component : raw.subList((int) strip, raw.size())) {
            if (!component.equals(".")) {
                kept.add(component);
            }
        }
        return kept.isEmpty() ? null : kept;
    }

    private void add(ArchiveEntry entry, List<String> path, ArchiveReader reader) throws IOException, PartFailure {
        try (Opened parent = parent(path, true)) {
            SafeDirectory directory = parent.directory;
            String name = last(path);
            FileStatus existing = directory.status(name);
            switch (entry.kind()) {
                case DIRECTORY -> {
                    if (!existing.isDirectory()) {
                        directory.deleteTree(name);
                        directory.createDirectory(name);
                    }
                    directoryModes.put(path, entry.mode());
                }
                case FILE -> {
                    directory.deleteTree(name);
                    directoryModes.remove(path);
                    try (InputStream content = reader.content()) {
                        directory.createFile(name, out -> copy(content, out));
                    }
                    setMode(directory, name, entry.mode());
                }
                case SYMBOLIC_LINK -> {
                    if (entry.linkTarget().isEmpty() || entry.linkTarget().indexOf('\0') >= 0) {
                        throw new PartFailure("extract " + archive + ": entry '" + entry.name()
                                + "' is a symbolic link without a valid target");
                    }
                    directory.deleteTree(name);
                    directoryModes.remove(path);
                    directory.createLink(name, entry.linkTarget());
                    links.add(path);
                }
                case HARD_LINK -> {
                    directory.deleteTree(name);
                    directoryModes.remove(path);
                    copyHardLink(entry, directory, name);
                }
                default -> throw new PartFailure("extract " + archive + ": entry '" + entry.name() + "' is a "
                        + entry.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + ": batou does not create special files (they could open the host's devices); remove it"
                        + " from the archive");
            }
        }
    }

    /** A hard link becomes a copy of the earlier file of the archive it names (never of a file outside it). */
    private void copyHardLink(ArchiveEntry entry, SafeDirectory directory, String name)
            throws IOException, PartFailure {
        List<String> source;
        try {
            source = components(entry.linkTarget());
        } catch (PartFailure escaping) {
            source = null;
        }
        FileStatus status = null;
        if (source != null) {
            try (Opened parent = parent(source, false)) {
                status = parent.directory == null ? null : parent.directory.status(last(source));
                if (status != null && status.isFile()) {
                    try (InputStream content = parent.directory.newInputStream(last(source))) {
                        directory.createFile(name, out -> copy(content, out));
                    }
                    setMode(directory, name, (int) FileModes.mode(status.permissions()));
                    return;
                }
            }
        }
        throw new PartFailure("extract " + archive + ": entry '" + entry.name() + "' is a hard link to '"
                + entry.linkTarget() + "', which is not an earlier file of the archive");
    }

    private void copy(InputStream content, OutputStream out) throws IOException, PartFailure {
        byte[] buffer = new byte[65536];
        int read;
        while ((read = content.read(buffer)) > 0) {
            unpacked += read;
            if (unpacked > maxSize) {
                throw new PartFailure("extract " + archive + ": it unpacks to more than max_size (" + maxSize
                        + " bytes); raise max_size if the archive is meant to be that large");
            }
            out.write(buffer, 0, read);
        }
    }

    private void setMode(SafeDirectory directory, String name, int mode) throws IOException {
        if (keepSpecialBits && (mode & 07000) != 0) {
            directory.setMode(name, mode & 07777);
        } else {
            directory.setPermissions(name, permissions(mode));
        }
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        try {
            return FileModes.permissions(mode & 0777);
        } catch (PartFailure e) {
            throw new IllegalStateException(e); // 0777 at most
        }
    }

    /**
     * Fails when a symbolic link of the archive leads outside the target once merged: resolved component by
     * component as the kernel would, through the links of the archive and those {@code existing} (the target,
     * or null when it does not exist yet) already holds.
     */
    public void checkLinks(SafeDirectory existing) throws IOException, PartFailure {
        for (List<String> link : links) {
            String linkTarget;
            try (Opened parent = parent(link, false)) {
                if (parent.directory == null || !parent.directory.status(last(link)).isLink()) {
                    continue; // a later entry replaced it
                }
                linkTarget = parent.directory.readLink(last(link));
            }
            if (escapes(link.subList(0, link.size() - 1), linkTarget, existing)) {
                throw new PartFailure("extract " + archive + ": entry '" + String.join("/", link) + " -> "
                        + linkTarget + "' is a symbolic link that points outside the target");
            }
        }
    }

    private boolean escapes(List<String> directory, String linkTarget, SafeDirectory existing) throws IOException {
        if (linkTarget.startsWith("/")) {
            return true;
        }
        List<String> current = new ArrayList<>(directory);
        Deque<String> pending = new ArrayDeque<>(List.of(linkTarget.split("/")));
        int followed = 0;
        while (!pending.isEmpty()) {
            String component = pending.removeFirst();
            if (component.isEmpty() || component.equals(".")) {
                continue;
            }
            if (component.equals("..")) {
                if (current.isEmpty()) {
                    return true;
                }
                current.remove(current.size() - 1);
                continue;
            }
            List<String> next = new ArrayList<>(current);
            next.add(component);
            Merged merged = lookup(next, existing);
            if (merged.status().isLink()) {
                if (++followed > MAX_LINKS || merged.link().startsWith("/")) {
                    return true;
                }
                List<String> parts = List.of(merged.link().split("/"));
                for (int i = parts.size() - 1; i >= 0; i--) {
                    pending.addFirst(parts.get(i));
                }
            } else if (merged.status().isDirectory()) {
                current = next;
            } else {
                // a file or nothing: the kernel stops here; what follows must not climb out on its own
                int depth = next.size();
                for (String rest : pending) {
                    depth += rest.equals("..") ? -1 : rest.isEmpty() || rest.equals(".") ? 0 : 1;
                    if (depth < 0) {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /** What {@code path} is once merged: the archive's entry, else what the target holds. */
    private Merged lookup(List<String> path, SafeDirectory existing) throws IOException {
        Merged inArchive = lookupIn(staging, path);
        if (inArchive.status().exists() || existing == null) {
            return inArchive;
        }
        return lookupIn(existing, path);
    }

    private record Merged(FileStatus status, String link) {
    }

    private static Merged lookupIn(SafeDirectory root, List<String> path) throws IOException {
        List<SafeDirectory> opened = new ArrayList<>();
        try {
            SafeDirectory directory = root;
            for (String component : path.subList(0, path.size() - 1)) {
                if (!directory.status(component).isDirectory()) {
                    return new Merged(FileStatus.missing(), null);
                }
                directory = directory.open(component);
                opened.add(directory);
            }
            FileStatus status = directory.status(last(path));
            return new Merged(status, status.isLink() ? directory.readLink(last(path)) : null);
        } finally {
            opened.forEach(SafeDirectory::close);
        }
    }

    /**
     * Moves everything unpacked to the same place in {@code into}: a directory of the archive is merged into one
     * that exists there, anything else replaces what is there (a directory in its way is removed first).
     */
    public void mergeInto(SafeDirectory into) throws IOException {
        merge(staging, into);
    }

    private static void merge(SafeDirectory from, SafeDirectory to) throws IOException {
        for (String name : from.list()) {
            FileStatus source = from.status(name);
            FileStatus existing = to.status(name);
            if (source.isDirectory() && existing.isDirectory()) { // as deep as the entries: bounded
                try (SafeDirectory fromChild = from.open(name); SafeDirectory toChild = to.open(name)) {
                    merge(fromChild, toChild);
                }
                continue;
            }
            if (existing.isDirectory() || (source.isDirectory() && existing.exists())) {
                to.deleteTree(name);
            }
            from.move(name, to, name);
        }
    }

    /** The directory of the staging tree that holds {@code path}, created when {@code create}. */
    private Opened parent(List<String> path, boolean create) throws IOException, PartFailure {
        Opened opened = new Opened();
        SafeDirectory directory = staging;
        for (String component : path.subList(0, path.size() - 1)) {
            FileStatus status = directory.status(component);
            if (!status.exists() && create) {
                directory.createDirectory(component);
            } else if (!status.isDirectory()) {
                opened.close();
                if (!create) {
                    return new Opened();
                }
                throw new PartFailure("extract " + archive + ": entry '" + String.join("/", path) + "' is below '"
                        + component + "', which is not a directory in the archive");
            }
            directory = directory.open(component);
            opened.all.add(directory);
        }
        opened.directory = directory;
        return opened;
    }

    /** Directories opened on the way to an entry, closed together. */
    private static final class Opened implements AutoCloseable {
        final List<SafeDirectory> all = new ArrayList<>();
        SafeDirectory directory;

        @Override
        public void close() {
            all.forEach(SafeDirectory::close);
        }
    }

    private static String last(List<String> path) {
        return path.get(path.size() - 1);
    }

    private PartFailure escapes(String entry) {
        return new PartFailure("extract " + archive + ": entry '" + entry + "' would escape " + target);
    }
}
