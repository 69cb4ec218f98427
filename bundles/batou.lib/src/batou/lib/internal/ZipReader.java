package batou.lib.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;

import batou.engine.parts.PartFailure;

/**
 * The entries of a zip archive, read as a stream: every entry is a file (mode 0644) or a directory (0755), since
 * java.util.zip does not give the Unix modes; the size of an entry is what its content inflates to, which callers
 * count as they read it (a zip's declared sizes may lie).
 */
public final class ZipReader implements ArchiveReader {

    private final ZipInputStream zip;
    private final String archive;

    public ZipReader(InputStream in, String archive) {
        this.zip = new ZipInputStream(in);
        this.archive = archive;
    }

    @Override
    public ArchiveEntry next() throws IOException, PartFailure {
        ZipEntry entry;
        try {
            entry = zip.getNextEntry();
        } catch (ZipException | IllegalArgumentException e) {
            throw new PartFailure("cannot read the zip archive " + archive + ": " + e.getMessage());
        }
        if (entry == null) {
            return null;
        }
        return entry.isDirectory() ? new ArchiveEntry(entry.getName(), ArchiveEntry.Kind.DIRECTORY, 0755, 0, null)
                : new ArchiveEntry(entry.getName(), ArchiveEntry.Kind.FILE, 0644, -1, null);
    }

    @Override
    public InputStream content() {
        return new java.io.FilterInputStream(zip) {
            @Override
            public void close() {
                // the next entry closes this one
            }
        };
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
