package batou.lib.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;

import batou.engine.parts.PartFailure;

/** Reads the entries of an archive one after the other, each with its content. */
public interface ArchiveReader extends Closeable {

    /** The next entry, or null at the end; a malformed archive is a failure saying where. */
    ArchiveEntry next() throws IOException, PartFailure;

    /** The content of the entry {@link #next} returned last (empty for anything but a file). */
    InputStream content();
}
