package batou.agent.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Messages on a byte stream (an SSH channel, a pipe): each frame is a magic number, a length and one message in
 * its wire form ({@link MessageCodec}: no Java serialization, so nothing but batou's own messages can be read).
 * Frames are limited in size, so a confused peer (a shell printing a banner, a truncated stream) gives a clear
 * error, not garbage.
 */
public final class Frames {

    /** "batu" */
    private static final int MAGIC = 0x62617475;
    private static final int MAX_FRAME = 512 * 1024 * 1024;

    private final DataInputStream in;
    private final DataOutputStream out;

    public Frames(InputStream in, OutputStream out) {
        this.in = in == null ? null : new DataInputStream(new java.io.BufferedInputStream(in, 65536));
        this.out = out == null ? null : new DataOutputStream(new java.io.BufferedOutputStream(out, 65536));
    }

    /**
     * Writes one message and flushes it.
     *
     * @throws IOException also when the message holds a value that has no wire form (named in the message)
     */
    public synchronized void send(Message message) throws IOException {
        byte[] bytes;
        try {
            bytes = MessageCodec.encode(message);
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        out.writeInt(MAGIC);
        out.writeInt(bytes.length);
        out.write(bytes);
        out.flush();
    }

    /**
     * The next message, or null at the end of the stream (between frames).
     *
     * @throws IOException when the stream does not hold frames, or ends inside one
     */
    public Message receive() throws IOException {
        int magic;
        try {
            magic = in.readInt();
        } catch (EOFException end) {
            return null;
        }
        if (magic != MAGIC) {
            byte[] rest = in.readNBytes(200);
            throw new IOException("not a batou agent frame (the stream starts with \""
                    + printable(magic, rest) + "\")");
        }
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("frame of " + length + " bytes refused");
        }
        byte[] payload = in.readNBytes(length);
        if (payload.length < length) {
            throw new EOFException("the stream ended inside a frame");
        }
        return MessageCodec.decode(payload);
    }

    private static String printable(int magic, byte[] rest) {
        byte[] head = java.nio.ByteBuffer.allocate(4).putInt(magic).array();
        String text = new String(head, java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(rest, java.nio.charset.StandardCharsets.ISO_8859_1);
        return text.strip().replaceAll("[^\\x20-\\x7e]", "?");
    }
}
