package batou.secrets.age.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import batou.secrets.age.AgeException;

/** The PEM-like ASCII armor of age files. */
public final class Armor {

    /** The first line of an armored file. */
    public static final String BEGIN = "-----BEGIN AGE ENCRYPTED FILE-----";
    /** The last line of an armored file. */
    public static final String END = "-----END AGE ENCRYPTED FILE-----";

    private static final int COLUMNS = 64;

    private Armor() {
    }

    /** @return the armored text of a binary age file, ending with a newline */
    public static byte[] armor(byte[] binary) {
        String encoded = Base64.getEncoder().encodeToString(binary);
        StringBuilder out = new StringBuilder(BEGIN).append('\n');
        for (int i = 0; i < encoded.length(); i += COLUMNS) {
            out.append(encoded, i, Math.min(encoded.length(), i + COLUMNS)).append('\n');
        }
        out.append(END).append('\n');
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * @param out receives the armored file
     * @return a stream that armors what is written to it; closing it writes the last line but does not close out
     */
    public static OutputStream armoring(OutputStream out) throws IOException {
        out.write((BEGIN + "\n").getBytes(StandardCharsets.US_ASCII));
        OutputStream keepOpen = new FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.write(("\n" + END + "\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        };
        return Base64.getMimeEncoder(COLUMNS, new byte[] { '\n' }).wrap(keepOpen);
    }

    /** @return whether the file, after leading whitespace, starts with the armor's first line */
    public static boolean isArmored(byte[] file) {
        int i = 0;
        while (i < file.length && isSpace(file[i])) {
            i++;
        }
        byte[] begin = BEGIN.getBytes(StandardCharsets.US_ASCII);
        if (file.length - i < begin.length) {
            return false;
        }
        for (int j = 0; j < begin.length; j++) {
            if (file[i + j] != begin[j]) {
                return false;
            }
        }
        return true;
    }

    /**
     * @param file an armored age file
     * @return the binary age file
     * @throws AgeException if the armor is malformed or followed by data
     */
    public static byte[] dearmor(byte[] file) {
        String text = new String(file, StandardCharsets.US_ASCII).strip();
        String[] lines = text.split("\r?\n", -1);
        if (!lines[0].equals(BEGIN)) {
            throw malformed("it does not start with " + BEGIN);
        }
        StringBuilder encoded = new StringBuilder();
        int i = 1;
        boolean shortLine = false;
        for (; i < lines.length && !lines[i].equals(END); i++) {
            String line = lines[i];
            if (line.length() > COLUMNS || shortLine) {
                throw malformed("line " + (i + 1) + " is not wrapped at 64 columns");
            }
            shortLine = line.length() < COLUMNS;
            encoded.append(line);
        }
        if (i == lines.length) {
            throw new AgeException("the file is truncated or corrupt: the armor has no " + END + " line");
        }
        if (i != lines.length - 1) {
            throw new AgeException("the file is corrupt: there is trailing data after the armored file");
        }
        try {
            return Base64.getDecoder().decode(encoded.toString());
        } catch (IllegalArgumentException e) {
            throw malformed("it is not valid base64");
        }
    }

    private static AgeException malformed(String why) {
        return new AgeException("the armored age file is malformed: " + why);
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }
}
