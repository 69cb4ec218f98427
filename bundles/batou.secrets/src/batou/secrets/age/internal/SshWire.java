package batou.secrets.age.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads and writes the SSH wire encoding (RFC 4251): big-endian uint32 and length-prefixed strings. */
public final class SshWire {

    private final byte[] data;
    private int pos;

    /** @param data the encoded bytes */
    public SshWire(byte[] data) {
        this.data = data;
    }

    /** @return the next uint32 */
    public long uint32() {
        need(4);
        long value = ((data[pos] & 0xffL) << 24) | ((data[pos + 1] & 0xffL) << 16) | ((data[pos + 2] & 0xffL) << 8)
                | (data[pos + 3] & 0xffL);
        pos += 4;
        return value;
    }

    /** @return the next length-prefixed string as bytes */
    public byte[] bytes() {
        long length = uint32();
        if (length > data.length - pos) {
            throw new IllegalArgumentException("truncated");
        }
        byte[] out = Arrays.copyOfRange(data, pos, pos + (int) length);
        pos += (int) length;
        return out;
    }

    /** @return the next length-prefixed string as UTF-8 text */
    public String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** @return the next n raw bytes */
    public byte[] raw(int n) {
        need(n);
        byte[] out = Arrays.copyOfRange(data, pos, pos + n);
        pos += n;
        return out;
    }

    /** @return the bytes not read yet */
    public byte[] rest() {
        return raw(data.length - pos);
    }

    private void need(int n) {
        if (n > data.length - pos) {
            throw new IllegalArgumentException("truncated");
        }
    }

    /** @return the concatenation of the given values, each as a length-prefixed string */
    public static byte[] strings(byte[]... values) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] value : values) {
            int n = value.length;
            out.write(n >>> 24);
            out.write(n >>> 16);
            out.write(n >>> 8);
            out.write(n);
            out.writeBytes(value);
        }
        return out.toByteArray();
    }
}
