package batou.lib;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes tar archives entry by entry, with any type and mode: what a hostile archive may hold. */
final class TarBuilder {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    TarBuilder file(String name, int mode, String content) {
        return entry(name, '0', mode, content.getBytes(StandardCharsets.UTF_8), "");
    }

    TarBuilder directory(String name, int mode) {
        return entry(name, '5', mode, new byte[0], "");
    }

    TarBuilder symlink(String name, String target) {
        return entry(name, '2', 0777, new byte[0], target);
    }

    TarBuilder hardLink(String name, String target) {
        return entry(name, '1', 0644, new byte[0], target);
    }

    /** An entry of any type: '3' character device, '4' block device, '6' named pipe... */
    TarBuilder entry(String name, char type, int mode, byte[] content, String link) {
        byte[] header = new byte[512];
        put(header, 0, 100, name);
        put(header, 100, 8, String.format("%07o", mode));
        put(header, 108, 8, "0000000");
        put(header, 116, 8, "0000000");
        put(header, 124, 12, String.format("%011o", content.length));
        put(header, 136, 12, "00000000000");
        header[156] = (byte) type;
        put(header, 157, 100, link);
        put(header, 257, 6, "ustar");
        put(header, 263, 2, "00");
        if (type == '3' || type == '4') {
            put(header, 329, 8, "0000001");
            put(header, 337, 8, "0000003");
        }
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, 8, String.format("%06o", sum) + "\0 ");
        bytes.writeBytes(header);
        bytes.writeBytes(content);
        bytes.writeBytes(new byte[(512 - content.length % 512) % 512]);
        return this;
    }

    private static void put(byte[] header, int offset, int length, String text) {
        byte[] value = text.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(value, 0, header, offset, Math.min(length, value.length));
    }

    /** The archive without its end (two zero blocks). */
    byte[] bytes() {
        return bytes.toByteArray();
    }

    /** Writes the archive, gzipped, to {@code file}. */
    Path writeGzip(Path file) throws IOException {
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(bytes.toByteArray());
            out.write(new byte[1024]);
        }
        return file;
    }
}
