package batou.secrets.age.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import batou.secrets.age.AgeException;
import batou.secrets.age.Stanza;

/**
 * The text header of an age file: the version line, the recipient stanzas and the MAC line.
 *
 * @param stanzas the recipient stanzas
 * @param macInput the header bytes the MAC covers: everything up to and including {@code ---}
 * @param mac the 32-byte header MAC
 * @param payloadOffset where the binary payload starts in the file
 */
public record Header(List<Stanza> stanzas, byte[] macInput, byte[] mac, int payloadOffset) {

    /** The first line of every age v1 file. */
    public static final String VERSION_LINE = "age-encryption.org/v1";

    private static final int COLUMNS = 64;

    /**
     * The most recipient stanzas a header may have: every identity is tried on every stanza, and a header of
     * thousands made decryption take seconds (a team has tens of members).
     */
    public static final int MAX_STANZAS = 1000;

    /**
     * @param stanzas the recipient stanzas
     * @return the header bytes the MAC covers, ending with {@code ---}
     */
    public static byte[] encodeWithoutMac(List<Stanza> stanzas) {
        StringBuilder out = new StringBuilder(VERSION_LINE).append('\n');
        for (Stanza stanza : stanzas) {
            out.append("-> ").append(stanza.type());
            for (String argument : stanza.arguments()) {
                out.append(' ').append(argument);
            }
            out.append('\n');
            String body = Base64s.encode(stanza.body());
            int i = 0;
            while (body.length() - i >= COLUMNS) {
                out.append(body, i, i + COLUMNS).append('\n');
                i += COLUMNS;
            }
            out.append(body, i, body.length()).append('\n');
        }
        out.append("---");
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param macInput the header from {@link #encodeWithoutMac(List)}
     * @param mac the header MAC
     * @return the complete header, ending with a newline
     */
    public static byte[] encode(byte[] macInput, byte[] mac) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(macInput);
        out.writeBytes((" " + Base64s.encode(mac) + "\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /**
     * Parses the header at the start of a binary age file.
     *
     * @throws AgeException if the header is malformed
     */
    public static Header parse(byte[] file) {
        int[] pos = { 0 };
        String version = readLine(file, pos, true);
        if (version.startsWith("age-encryption.org/") && !version.equals(VERSION_LINE)) {
            throw new AgeException("this is an age file of another version than " + VERSION_LINE
                    + ", the only one batou reads");
        }
        if (!version.equals(VERSION_LINE)) {
            throw notAgeFile(); // never quoted: a plaintext file's first line may be a secret
        }
        List<Stanza> stanzas = new ArrayList<>();
        while (true) {
            int lineStart = pos[0];
            String line = readLine(file, pos, false);
            if (line.startsWith("--- ")) {
                byte[] mac = Base64s.decode(line.substring(4))
                        .filter(m -> m.length == 32)
                        .orElseThrow(() -> malformed("the MAC line is malformed"));
                if (stanzas.isEmpty()) {
                    throw malformed("it has no recipient stanzas");
                }
                return new Header(List.copyOf(stanzas), Arrays.copyOfRange(file, 0, lineStart + 3), mac, pos[0]);
            }
            if (stanzas.size() == MAX_STANZAS) {
                throw malformed("it has more than " + MAX_STANZAS + " recipient stanzas");
            }
            if (!line.startsWith("-> ")) {
                throw malformed("line " + lineNumber(file, lineStart) + " is neither a recipient stanza nor the MAC "
                        + "line");
            }
            String[] words = line.substring(3).split(" ", -1);
            for (String word : words) {
                if (word.isEmpty()) {
                    throw malformed("a stanza line has an empty argument");
                }
            }
            StringBuilder body = new StringBuilder();
            while (true) {
                String bodyLine = readLine(file, pos, false);
                if (bodyLine.length() > COLUMNS) {
                    throw malformed("a stanza body line is longer than 64 columns");
                }
                body.append(bodyLine);
                if (bodyLine.length() < COLUMNS) {
                    break;
                }
            }
            byte[] decoded = Base64s.decode(body.toString())
                    .orElseThrow(() -> malformed("a stanza body is not valid base64"));
            stanzas.add(new Stanza(words[0], List.of(words).subList(1, words.length), decoded));
        }
    }

    private static String readLine(byte[] file, int[] pos, boolean first) {
        int start = pos[0];
        for (int i = start; i < file.length; i++) {
            int b = file[i] & 0xff;
            if (b == '\n') {
                pos[0] = i + 1;
                return new String(file, start, i - start, StandardCharsets.US_ASCII);
            }
            if (b < 0x20 || b > 0x7e) {
                if (first) {
                    throw notAgeFile();
                }
                throw malformed("it contains a non-printable character");
            }
        }
        if (first) {
            throw notAgeFile();
        }
        throw new AgeException("the file is truncated or corrupt: the header ends early");
    }

    private static AgeException malformed(String why) {
        return new AgeException("the age header is malformed: " + why);
    }

    private static AgeException notAgeFile() {
        return new AgeException("this is not an age file: it does not start with the line '" + VERSION_LINE
                + "' (a plaintext file was never encrypted: move it out of the project and write the secrets with "
                + "batou secrets edit)");
    }

    private static int lineNumber(byte[] file, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (file[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
