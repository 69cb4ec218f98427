package batou.model.yaml;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The text of a YAML file before any YAML is parsed: a regular file of bounded size, UTF-8 (with or without a byte
 * order mark), only characters YAML allows, no line longer than the limit. Problems name the line and column.
 */
final class YamlText {

    private static final String UTF8_HINT = "save it as UTF-8 (it may be Latin-1, Windows-1252 or another legacy "
            + "encoding)";

    private YamlText() {
    }

    /** The bytes of a regular file of at most {@code maxBytes}; what else is there is named. */
    static byte[] readFile(Path file, int maxBytes) throws ReadProblem {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(file)) {
                throw new ReadProblem("a symbolic link to " + linkTarget(file) + ", which does not exist",
                        "fix the link, or replace it with the file");
            }
            throw new ReadProblem("the file does not exist", null);
        } catch (IOException e) {
            throw cannotRead(e);
        }
        if (attributes.isDirectory()) {
            throw new ReadProblem("a folder where a file is expected", "rename or remove the folder and write the "
                    + "file in its place");
        }
        if (!attributes.isRegularFile()) {
            throw new ReadProblem("not a regular file (a device, pipe or socket)", "replace it with a file");
        }
        if (attributes.size() > maxBytes) {
            throw tooLarge(attributes.size() + " bytes", maxBytes);
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                throw tooLarge("more than " + maxBytes + " bytes", maxBytes); // it grew while being read
            }
            return bytes;
        } catch (IOException e) {
            throw cannotRead(e);
        }
    }

    /**
     * UTF-8 bytes as text, without a byte order mark. UTF-16 and UTF-32 (which YAML allows) are refused with how to
     * convert them: every other reader of project files (git diffs, editors, templates) expects UTF-8.
     */
    static String decode(byte[] bytes) throws ReadProblem {
        int start = 0;
        if (startsWith(bytes, 0xef, 0xbb, 0xbf)) {
            start = 3;
        } else if (startsWith(bytes, 0x00, 0x00, 0xfe, 0xff) || startsWith(bytes, 0xff, 0xfe, 0x00, 0x00)) {
            throw otherEncoding("UTF-32");
        } else if (startsWith(bytes, 0xfe, 0xff) || startsWith(bytes, 0xff, 0xfe)) {
            throw otherEncoding("UTF-16");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            int column = 1;
            for (int i = start; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    column = 1;
                } else if ((bytes[i] & 0xc0) != 0x80) {
                    column++; // the first byte of a character
                }
            }
            throw new ReadProblem(line, column, "not UTF-8 text: a byte here is not UTF-8", UTF8_HINT);
        }
        return out.flip().toString();
    }

    /**
     * Checks the size of a text, the length of its lines and its characters, before the YAML parser sees it.
     * Lines break where snakeyaml breaks them, so the positions agree with its own.
     */
    static void check(String text, YamlLimits limits, boolean sensitive) throws ReadProblem {
        if (text.length() > limits.maxChars()) {
            throw tooLarge(text.length() + " characters", limits.maxChars());
        }
        int line = 1;
        int column = 1;
        int lineLength = 0;
        for (int i = 0; i < text.length();) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            i += width;
            if (c == '\n' || c == '\r' && (i >= text.length() || text.charAt(i) != '\n') || c == 0x85
                    || c == 0x2028 || c == 0x2029) {
                line++;
                column = 1;
                lineLength = 0;
                continue;
            }
            if (!StreamReader.isPrintable(c)) {
                throw unprintable(line, column, c, sensitive);
            }
            lineLength += width;
            if (lineLength > limits.maxLineLength()) {
                throw new ReadProblem(line, column, "this line is longer than " + limits.maxLineLength()
                        + " characters", "break it: a text can continue on the next lines (| or > in YAML), long "
                                + "content belongs in a file");
            }
            column++;
        }
    }

    private static ReadProblem unprintable(int line, int column, int c, boolean sensitive) {
        if (c == 0) {
            return new ReadProblem(line, column, "a NUL character: this is not a text file",
                    "is it binary, or UTF-16 without a byte order mark? batou reads YAML as UTF-8 text; inside "
                            + "double quotes, write \\0");
        }
        String which = sensitive ? "a control character"
                : String.format(Locale.ROOT, "the control character U+%04X", c);
        return new ReadProblem(line, column, which + ", which YAML does not allow in a file",
                "remove it; inside double quotes, write it as an escape such as \\t or \\x1b");
    }

    private static ReadProblem tooLarge(String size, int limit) {
        String most = limit % (1 << 20) == 0 ? (limit >> 20) + " MiB" : limit + " characters";
        return new ReadProblem("too large: " + size + ", batou reads at most " + most,
                "large content belongs in files: a component's own files (source:), or secret files "
                        + "(batou secrets set-file)");
    }

    private static ReadProblem otherEncoding(String encoding) {
        return new ReadProblem(encoding + " text (it starts with a byte order mark); batou reads YAML as UTF-8",
                "convert it, e.g. iconv -f " + encoding + " -t UTF-8 FILE > FILE.new && mv FILE.new FILE");
    }

    private static ReadProblem cannotRead(IOException e) {
        if (e instanceof AccessDeniedException) {
            return new ReadProblem("cannot read the file: permission denied", "check its owner and mode");
        }
        String reason = e instanceof FileSystemException system && system.getReason() != null ? system.getReason()
                : e.getMessage();
        return new ReadProblem("cannot read the file: " + reason, null);
    }

    private static String linkTarget(Path link) {
        try {
            return "'" + Files.readSymbolicLink(link) + "'";
        } catch (IOException e) {
            return "a target";
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
