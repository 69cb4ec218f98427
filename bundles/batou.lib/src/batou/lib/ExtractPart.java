package batou.lib;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

import batou.engine.files.FileAccessException;
import batou.engine.files.FileStatus;
import batou.engine.files.SafeDirectory;
import batou.engine.files.SafePath;
import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.lib.internal.ArchiveReader;
import batou.lib.internal.Attributes;
import batou.lib.internal.Checksums;
import batou.lib.internal.Extraction;
import batou.lib.internal.TarReader;
import batou.lib.internal.XzInput;
import batou.lib.internal.ZipReader;
import batou.model.plan.PartNode;

/**
 * Unpacks {@code archive} into the directory {@code target}, dropping {@code strip} leading path components of
 * every entry (entries with no more components than that are skipped). The format comes from the file name:
 * {@code .tar.gz}/{@code .tgz}, {@code .tar.xz}/{@code .txz} (decompressed by the host's {@code xz}) and
 * {@code .zip} (files get mode 0644, as zip entries carry no Unix modes there). batou reads the archive itself
 * (see {@link Extraction}) and writes every entry through {@link SafeDirectory}; owners are not restored.
 *
 * <p>The archive's SHA-256 is recorded in {@code <target>/.batou-extracted}; while it matches, the part is up to
 * date. An update unpacks into a private temporary sibling directory of target first, refusing entries that would
 * land outside it (absolute names, {@code ..} components, symbolic links leading outside, hard links to anything
 * but an earlier file of the archive), devices and named pipes, and more than {@code max_size} bytes; it drops
 * set-user-ID and set-group-ID bits unless {@code keep_setuid}; then it merges into target: every path of the
 * archive replaces the same path in target, and files of target that are not in the archive are kept. A refused
 * archive changes nothing in target.
 */
final class ExtractPart implements Part {

    static final String MARKER = ".batou-extracted";
    static final long DEFAULT_MAX_SIZE = 1L << 30;

    private final String archive;
    private final String target;
    private final long strip;
    private final long maxSize;
    private final boolean keepSetuid;

    ExtractPart(PartNode node) {
        Attributes attributes = Attributes.of(node);
        this.archive = attributes.requiredString("archive");
        this.target = attributes.requiredString("target");
        this.strip = attributes.integer("strip", 0L);
        this.maxSize = attributes.integer("max_size", DEFAULT_MAX_SIZE);
        this.keepSetuid = attributes.bool("keep_setuid", false);
    }

    /**
     * The compression of an archive named {@code name}: {@code gz}, {@code xz} or {@code zip}, or null when the name
     * tells no format (the schema refuses such an archive while configuring).
     */
    static String format(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".tar.gz") || lower.endsWith(".tgz")) {
            return "gz";
        }
        if (lower.endsWith(".tar.xz") || lower.endsWith(".txz")) {
            return "xz";
        }
        return lower.endsWith(".zip") ? "zip" : null;
    }

    private static String format(Path file) throws PartFailure {
        String format = format(file.getFileName().toString());
        if (format == null) {
            throw new PartFailure("cannot extract " + file + ": unknown archive format (use .tar.gz, .tgz, .tar.xz or"
                    + " .zip)");
        }
        return format;
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        Path file = context.target(archive);
        Path directory = context.target(target);
        format(file);
        try (SafePath located = SafePath.of(directory)) {
            requireDirectoryOrMissing(located);
            Change change = new Change.Other("extract " + file + " into " + directory);
            try (SafePath source = SafePath.following(file)) {
                if (!source.status().isFile()) {
                    if (context.predict()) {
                        // an earlier part (a download) may create it
                        return Verdict.update(change);
                    }
                    throw new PartFailure("archive " + file + " does not exist");
                }
                return extracted(located, Checksums.sha256(source)) ? Verdict.upToDate() : Verdict.update(change);
            }
        }
    }

    /** True when the marker in the target directory records {@code sha256}. */
    private static boolean extracted(SafePath directory, String sha256) throws IOException {
        if (!directory.status().isDirectory()) {
            return false;
        }
        try (SafeDirectory opened = directory.openDirectory()) {
            return opened.status(MARKER).isFile()
                    && new String(opened.read(MARKER, 1024), StandardCharsets.UTF_8).strip().equals(sha256);
        }
    }

    private static void requireDirectoryOrMissing(SafePath located) throws IOException, PartFailure {
        FileStatus status = located.status();
        if (status.exists() && !status.isDirectory()) {
            throw new PartFailure("extract target " + located.path() + " is not a directory"
                    + (status.isLink() ? " but a symbolic link (batou does not follow it)" : ""));
        }
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        Path file = context.target(archive);
        Path directory = context.target(target).toAbsolutePath();
        String format = format(file);
        try (SafePath source = SafePath.following(file); SafePath located = SafePath.creatingParents(directory)) {
            if (!source.status().isFile()) {
                throw new PartFailure("archive " + file + " does not exist");
            }
            requireDirectoryOrMissing(located);
            String sha256 = Checksums.sha256(source);
            SafeDirectory parent = located.parent();
            SafeDirectory staging = parent.createTemporaryDirectory(located.name());
            try (staging) {
                Extraction extraction = new Extraction(staging, file.toString(), directory, strip, maxSize,
                        keepSetuid);
                try (ArchiveReader reader = reader(format, source.newInputStream(), file, context)) {
                    extraction.unpack(reader);
                } catch (FileAccessException e) {
                    throw e;
                } catch (IOException e) {
                    // a damaged archive: gzip, xz or zip say what they found
                    throw new PartFailure("cannot extract " + file + ": " + e.getMessage());
                }
                try (SafeDirectory existing = located.status().isDirectory() ? located.openDirectory() : null) {
                    extraction.checkLinks(existing);
                }
                if (!located.status().exists()) {
                    located.createDirectory();
                }
                try (SafeDirectory into = located.openDirectory()) {
                    extraction.mergeInto(into);
                    into.write(MARKER, (sha256 + "\n").getBytes(StandardCharsets.UTF_8),
                            marker -> marker.setPermissions(PosixFilePermissions.fromString("rw-r--r--")));
                }
            } finally {
                parent.deleteTree(staging.path().getFileName().toString());
            }
        }
    }

    private static ArchiveReader reader(String format, InputStream in, Path file, PartContext context)
            throws IOException, PartFailure {
        try {
            return switch (format) {
                case "gz" -> new TarReader(new GZIPInputStream(in, 65536), file.toString());
                case "xz" -> new TarReader(XzInput.open(in, context.environment()), file.toString());
                default -> new ZipReader(in, file.toString());
            };
        } catch (ZipException e) {
            in.close();
            throw new PartFailure("cannot extract " + file + ": it is not a gzip archive (" + e.getMessage() + ")");
        }
    }
}
