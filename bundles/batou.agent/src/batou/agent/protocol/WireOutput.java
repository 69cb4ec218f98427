package batou.agent.protocol;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.types.Address;

/**
 * Writes one message's fields as bytes, in the order {@link WireInput} reads them: counts and lengths as unsigned
 * varints, strings as UTF-8 (null allowed), plain values (the plan's attribute values) with a type tag. No class
 * names and no reflection: the agent's start-up pays for what it reads, nothing more.
 */
public final class WireOutput {

    static final int NULL = 0;
    static final int STRING = 1;
    static final int LONG = 2;
    static final int DOUBLE = 3;
    static final int TRUE = 4;
    static final int FALSE = 5;
    static final int LIST = 6;
    static final int MAP = 7;
    static final int SET = 8;
    static final int ADDRESS = 9;
    static final int INTEGER = 10;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);

    public byte[] toByteArray() {
        return bytes.toByteArray();
    }

    public void tag(int tag) {
        bytes.write(tag);
    }

    public void bool(boolean value) {
        bytes.write(value ? 1 : 0);
    }

    /** A count or length: 0 and up. */
    public void count(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("negative count " + count);
        }
        varint(count);
    }

    public void integer(int value) {
        varint(((long) value << 1) ^ (value >> 31));
    }

    public void longValue(long value) {
        varint((value << 1) ^ (value >> 63));
    }

    public void doubleValue(double value) {
        long bits = Double.doubleToRawLongBits(value);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes.write((int) (bits >>> shift));
        }
    }

    /** A string or null. */
    public void string(String value) {
        if (value == null) {
            varint(0);
            return;
        }
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        varint(utf8.length + 1L);
        bytes.write(utf8, 0, utf8.length);
    }

    public void bytes(byte[] value) {
        count(value.length);
        bytes.write(value, 0, value.length);
    }

    public void instant(Instant value) {
        longValue(value.getEpochSecond());
        integer(value.getNano());
    }

    public void strings(Collection<String> values) {
        count(values.size());
        for (String value : values) {
            string(value);
        }
    }

    /**
     * A plain value: null, String, Long, Integer, Double, Boolean, List, Set, Map with String keys, Address, nested
     * as deep as they come.
     *
     * @throws IllegalArgumentException for any other type (it has no place in a plan)
     */
    public void value(Object value) {
        if (value == null) {
            tag(NULL);
        } else if (value instanceof String text) {
            tag(STRING);
            string(text);
        } else if (value instanceof Long number) {
            tag(LONG);
            longValue(number);
        } else if (value instanceof Integer number) {
            tag(INTEGER);
            integer(number);
        } else if (value instanceof Double number) {
            tag(DOUBLE);
            doubleValue(number);
        } else if (value instanceof Boolean bool) {
            tag(bool ? TRUE : FALSE);
        } else if (value instanceof List<?> list) {
            tag(LIST);
            values(list);
        } else if (value instanceof Set<?> set) {
            tag(SET);
            values(set);
        } else if (value instanceof Map<?, ?> map) {
            tag(MAP);
            map(map);
        } else if (value instanceof Address address) {
            tag(ADDRESS);
            string(address.host());
            integer(address.port());
        } else {
            throw new IllegalArgumentException("a value of type " + value.getClass().getName()
                    + " cannot travel to an agent (plain values only: text, numbers, booleans, lists, maps, addresses)");
        }
    }

    /** A map of plain values, keys as strings, in its iteration order. */
    public void map(Map<?, ?> map) {
        count(map.size());
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException("a map key of type "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName())
                        + " cannot travel to an agent (keys are text)");
            }
            string(key);
            value(entry.getValue());
        }
    }

    private void values(Collection<?> values) {
        count(values.size());
        for (Object item : values) {
            value(item);
        }
    }

    private void varint(long value) {
        long rest = value;
        while ((rest & ~0x7FL) != 0) {
            bytes.write((int) ((rest & 0x7F) | 0x80));
            rest >>>= 7;
        }
        bytes.write((int) rest);
    }
}
