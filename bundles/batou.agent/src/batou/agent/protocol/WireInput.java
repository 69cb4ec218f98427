package batou.agent.protocol;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.types.Address;

/**
 * Reads the fields {@link WireOutput} wrote, from one message's bytes. Every length is checked against the bytes
 * left, so a damaged or foreign message ends in an {@link IOException} naming what was expected, never in a huge
 * allocation or a value of another type.
 */
public final class WireInput {

    private static final int MAX_DEPTH = 64;

    private final byte[] bytes;
    private int position;
    private int depth;

    public WireInput(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Fails unless every byte was read (a message with trailing bytes is not one of ours). */
    public void end() throws IOException {
        if (position != bytes.length) {
            throw malformed((bytes.length - position) + " bytes left after the message");
        }
    }

    public int tag() throws IOException {
        need(1);
        return bytes[position++] & 0xFF;
    }

    public boolean bool() throws IOException {
        int value = tag();
        if (value > 1) {
            throw malformed("a boolean of " + value);
        }
        return value == 1;
    }

    public int count() throws IOException {
        long value = varint();
        if (value > bytes.length - position) {
            // every counted item takes at least one byte
            throw malformed("a count of " + value + " with " + (bytes.length - position) + " bytes left");
        }
        return (int) value;
    }

    public int integer() throws IOException {
        long zigzag = varint();
        long value = (zigzag >>> 1) ^ -(zigzag & 1);
        if (value != (int) value) {
            throw malformed("an int of " + value);
        }
        return (int) value;
    }

    public long longValue() throws IOException {
        long zigzag = varint();
        return (zigzag >>> 1) ^ -(zigzag & 1);
    }

    public double doubleValue() throws IOException {
        need(8);
        long bits = 0;
        for (int i = 0; i < 8; i++) {
            bits = (bits << 8) | (bytes[position++] & 0xFF);
        }
        return Double.longBitsToDouble(bits);
    }

    /** A string or null. */
    public String string() throws IOException {
        long length = varint();
        if (length == 0) {
            return null;
        }
        int size = checkedLength(length - 1);
        String value = new String(bytes, position, size, StandardCharsets.UTF_8);
        position += size;
        return value;
    }

    /** A string that must be there. */
    public String text() throws IOException {
        String value = string();
        if (value == null) {
            throw malformed("no text where one is required");
        }
        return value;
    }

    public byte[] bytes() throws IOException {
        int size = checkedLength(varint());
        byte[] value = java.util.Arrays.copyOfRange(bytes, position, position + size);
        position += size;
        return value;
    }

    public Instant instant() throws IOException {
        long seconds = longValue();
        int nanos = integer();
        if (nanos < 0 || nanos > 999_999_999) {
            throw malformed("nanoseconds of " + nanos);
        }
        return Instant.ofEpochSecond(seconds, nanos);
    }

    public List<String> strings() throws IOException {
        int count = count();
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(text());
        }
        return values;
    }

    /** A plain value as {@link WireOutput#value} wrote it; lists, sets and maps come back unmodifiable. */
    public Object value() throws IOException {
        int tag = tag();
        switch (tag) {
            case WireOutput.NULL:
                return null;
            case WireOutput.STRING:
                return text();
            case WireOutput.LONG:
                return longValue();
            case WireOutput.INTEGER:
                return integer();
            case WireOutput.DOUBLE:
                return doubleValue();
            case WireOutput.TRUE:
                return Boolean.TRUE;
            case WireOutput.FALSE:
                return Boolean.FALSE;
            case WireOutput.LIST:
                return Collections.unmodifiableList(nested(new ArrayList<>()));
            case WireOutput.SET:
                return Collections.unmodifiableSet(nested(new HashSet<>()));
            case WireOutput.MAP:
                return map();
            case WireOutput.ADDRESS:
                return new Address(text(), integer());
            default:
                throw malformed("unknown value tag " + tag);
        }
    }

    /** A map of plain values in the order written, unmodifiable. */
    public Map<String, Object> map() throws IOException {
        enter();
        int count = count();
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = text();
            map.put(key, value());
        }
        depth--;
        return Collections.unmodifiableMap(map);
    }

    /** The exception for a message that does not read as expected. */
    public IOException malformed(String what) {
        return new IOException("malformed agent message: " + what + " at byte " + position);
    }

    private <C extends java.util.Collection<Object>> C nested(C values) throws IOException {
        enter();
        int count = count();
        for (int i = 0; i < count; i++) {
            values.add(value());
        }
        depth--;
        return values;
    }

    private void enter() throws IOException {
        if (++depth > MAX_DEPTH) {
            throw malformed("values nested deeper than " + MAX_DEPTH);
        }
    }

    private int checkedLength(long length) throws IOException {
        if (length < 0 || length > bytes.length - position) {
            throw malformed("a length of " + length + " with " + (bytes.length - position) + " bytes left");
        }
        return (int) length;
    }

    private long varint() throws IOException {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int next = tag();
            value |= (long) (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                return value;
            }
        }
        throw malformed("a number longer than 64 bits");
    }

    private void need(int count) throws IOException {
        if (bytes.length - position < count) {
            throw malformed("the message ends early");
        }
    }
}
