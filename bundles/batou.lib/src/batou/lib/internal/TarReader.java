package batou.lib.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import batou.engine.parts.PartFailure;

/**
 * The entries of a tar archive (POSIX ustar and pax, GNU long names), read from an uncompressed stream. Written for
 * archives nobody vouches for: every header's checksum is checked, numbers and names are bounded, and a truncated
 * or malformed archive is a failure naming the entry, never an exception of the reader. GNU sparse files and
 * multi-volume archives are refused.
 */
public final class TarReader implements ArchiveReader {

    private static final int BLOCK = 512;
    /** Long names and pax headers hold at most this many bytes. */
    private static final int MAX_EXTENDED_HEADER = 1 << 20;
    /** Sizes beyond this are refused (no file system holds them; they could overflow). */
    private static final long MAX_SIZE = 1L << 50;

    private final InputStream in;
    private final String archive;
    private final byte[] header = new byte[BLOCK];
    private long remaining;
    private long padding;
    private int count;
    private boolean ended;

    public TarReader(InputStream in, String archive) {
        this.in = in;
        this.archive = archive;
    }

    @Override
    public ArchiveEntry next() throws IOException, PartFailure {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        String longName = null;
        String longLink = null;
        Map<String, String> pax = new HashMap<>();
        while (!ended) {
            if (!readBlock()) {
                ended = true;
                return null;
            }
            count++;
            if (isZero(header)) {
                ended = true; // the end: two zero blocks, though one is accepted
                return null;
            }
            checkSum();
            char type = (char) (header[156] & 0xff);
            long size = number(124, 12, "size");
            switch (type) {
                case 'L' -> longName = extended(size);
                case 'K' -> longLink = extended(size);
                case 'x' -> pax.putAll(paxRecords(extended(size)));
                case 'g', 'V' -> extended(size); // global pax values and volume labels: nothing to unpack
                default -> {
                    return entry(type, size, longName, longLink, pax);
                }
            }
        }
        return null;
    }

    private ArchiveEntry entry(char type, long headerSize, String longName, String longLink,
            Map<String, String> pax) throws IOException, PartFailure {
        String name = pax.containsKey("path") ? pax.get("path") : longName != null ? longName : headerName();
        String link = pax.containsKey("linkpath") ? pax.get("linkpath")
                : longLink != null ? longLink : text(157, 100);
        long size = headerSize;
        if (pax.containsKey("size")) {
            try {
                size = Long.parseLong(pax.get("size"));
            } catch (NumberFormatException e) {
                throw malformed("a pax size '" + pax.get("size") + "' that is not a number");
            }
            if (size < 0 || size > MAX_SIZE) {
                throw malformed("a pax size out of range (" + size + ")");
            }
        }
        int mode = (int) (number(100, 8, "mode") & 07777);
        ArchiveEntry.Kind kind = switch (type) {
            case '0', '\0', '7' -> name.endsWith("/") ? ArchiveEntry.Kind.DIRECTORY : ArchiveEntry.Kind.FILE;
            case '1' -> ArchiveEntry.Kind.HARD_LINK;
            case '2' -> ArchiveEntry.Kind.SYMBOLIC_LINK;
            case '3' -> ArchiveEntry.Kind.CHARACTER_DEVICE;
            case '4' -> ArchiveEntry.Kind.BLOCK_DEVICE;
            case '5' -> ArchiveEntry.Kind.DIRECTORY;
            case '6' -> ArchiveEntry.Kind.NAMED_PIPE;
            case 'S' -> throw unsupported(name, "a GNU sparse file");
            case 'M' -> throw unsupported(name, "continued from another volume");
            default -> throw unsupported(name, "of the unknown type '" + printable(type) + "'");
        };
        long content = kind == ArchiveEntry.Kind.FILE ? size : 0;
        // a link or directory header may still declare a size: its blocks are skipped
        remaining = size;
        padding = (BLOCK - size % BLOCK) % BLOCK;
        return new ArchiveEntry(name, kind, mode, content, kind == ArchiveEntry.Kind.HARD_LINK
                || kind == ArchiveEntry.Kind.SYMBOLIC_LINK ? link : null);
    }

    @Override
    public InputStream content() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (remaining == 0) {
                    return -1;
                }
                int read = in.read(buffer, offset, (int) Math.min(length, remaining));
                if (read < 0) {
                    throw new IOException("the archive is truncated (entry " + count + ")");
                }
                remaining -= read;
                return read;
            }
        };
    }

    /** The name from the header: the ustar prefix, a slash and the name. */
    private String headerName() {
        String name = text(0, 100);
        String magic = new String(header, 257, 5, StandardCharsets.US_ASCII);
        if (magic.equals("ustar")) {
            String prefix = text(345, 155);
            if (!prefix.isEmpty()) {
                return prefix + "/" + name;
            }
        }
        return name;
    }

    /** The content of a long-name or pax header entry. */
    private String extended(long size) throws IOException, PartFailure {
        if (size > MAX_EXTENDED_HEADER) {
            throw malformed("an extended header of " + size + " bytes (at most " + MAX_EXTENDED_HEADER + ")");
        }
        byte[] bytes = in.readNBytes((int) size);
        if (bytes.length < size) {
            throw truncated();
        }
        skip((BLOCK - size % BLOCK) % BLOCK);
        String text = new String(bytes, StandardCharsets.UTF_8);
        int end = text.indexOf('\0');
        return end >= 0 ? text.substring(0, end) : text;
    }

    /** The records {@code <length> <key>=<value>\n} of a pax header. */
    private Map<String, String> paxRecords(String text) throws PartFailure {
        Map<String, String> records = new HashMap<>();
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int position = 0;
        while (position < bytes.length) {
            int space = position;
            while (space < bytes.length && bytes[space] != ' ') {
                space++;
            }
            int length;
            try {
                length = Integer.parseInt(new String(bytes, position, space - position, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                throw malformed("a pax record without a length");
            }
            if (length <= space - position + 1 || position + length > bytes.length
                    || bytes[position + length - 1] != '\n') {
                throw malformed("a pax record of a wrong length");
            }
            String record = new String(bytes, space + 1, position + length - space - 2, StandardCharsets.UTF_8);
            int equals = record.indexOf('=');
            if (equals < 0) {
                throw malformed("a pax record without '='");
            }
            records.put(record.substring(0, equals), record.substring(equals + 1));
            position += length;
        }
        return records;
    }

    /** A numeric field: octal digits (with spaces or NULs around them), or GNU's base-256 for large values. */
    private long number(int offset, int length, String field) throws PartFailure {
        if ((header[offset] & 0x80) != 0) {
            long value = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                if (value > (MAX_SIZE >> 8)) {
                    throw malformed("a " + field + " out of range");
                }
                value = (value << 8) | (header[i] & 0xff);
            }
            if ((header[offset] & 0x40) != 0) {
                throw malformed("a negative " + field);
            }
            return value;
        }
        long value = 0;
        int i = offset;
        int end = offset + length;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        for (; i < end && header[i] != ' ' && header[i] != 0; i++) {
            if (header[i] < '0' || header[i] > '7') {
                throw malformed("a " + field + " that is not an octal number");
            }
            value = value * 8 + (header[i] - '0');
        }
        if (value > MAX_SIZE) {
            throw malformed("a " + field + " out of range");
        }
        return value;
    }

    private void checkSum() throws PartFailure {
        long unsigned = 0;
        long signed = 0;
        for (int i = 0; i < BLOCK; i++) {
            int b = i >= 148 && i < 156 ? ' ' : header[i];
            unsigned += b & 0xff;
            signed += b;
        }
        long recorded = number(148, 8, "header checksum");
        if (recorded != unsigned && recorded != signed) {
            throw new PartFailure("cannot read " + archive + ": it is not a tar archive, or entry " + count
                    + " is damaged (wrong header checksum)");
        }
    }

    /** A text field up to its first NUL. */
    private String text(int offset, int length) {
        int end = offset;
        while (end < offset + length && header[end] != 0) {
            end++;
        }
        return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    private boolean readBlock() throws IOException, PartFailure {
        int read = in.readNBytes(header, 0, BLOCK);
        if (read == 0) {
            return false;
        }
        if (read < BLOCK) {
            throw truncated();
        }
        return true;
    }

    private void skip(long bytes) throws IOException, PartFailure {
        long left = bytes;
        byte[] buffer = new byte[8192];
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw truncated();
            }
            left -= read;
        }
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String printable(char c) {
        return c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\x%02x", (int) c);
    }

    private PartFailure truncated() {
        return new PartFailure("cannot extract " + archive + ": the archive is truncated (entry " + count + ")");
    }

    private PartFailure malformed(String what) {
        return new PartFailure("cannot read " + archive + ": entry " + count + " has " + what);
    }

    private PartFailure unsupported(String name, String what) {
        return new PartFailure("cannot extract " + archive + ": entry '" + name + "' is " + what
                + ", which batou does not unpack");
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
