package batou.lib.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.plan.PartNode;

/**
 * Typed reading of a plan node's attributes. The model has already converted them to their declared types and
 * filled in defaults; the defaults given here only matter for nodes built by hand (tests, other tools).
 */
public final class Attributes {

    private final PartNode node;

    private Attributes(PartNode node) {
        this.node = node;
    }

    public static Attributes of(PartNode node) {
        return new Attributes(node);
    }

    public PartNode node() {
        return node;
    }

    public boolean sensitive(String name) {
        return node.sensitive().contains(name);
    }

    public Set<String> sensitive() {
        return node.sensitive();
    }

    /** A STRING or PATH attribute, or null when it is not set. */
    public String string(String name) {
        return get(name, String.class);
    }

    public String string(String name, String fallback) {
        String value = string(name);
        return value == null ? fallback : value;
    }

    /** A STRING or PATH attribute that must be set. */
    public String requiredString(String name) {
        String value = string(name);
        if (value == null) {
            throw new IllegalArgumentException(node.type() + " part: attribute '" + name + "' is required");
        }
        return value;
    }

    /** An INT attribute, or null when it is not set. */
    public Long integer(String name) {
        Object value = node.attributes().get(name);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.longValue();
        }
        throw wrongType(name, "an integer", value);
    }

    public long integer(String name, long fallback) {
        Long value = integer(name);
        return value == null ? fallback : value;
    }

    public boolean bool(String name, boolean fallback) {
        Boolean value = get(name, Boolean.class);
        return value == null ? fallback : value;
    }

    /** A LIST attribute as strings; empty when not set. */
    public List<String> strings(String name) {
        List<?> value = get(name, List.class);
        if (value == null) {
            return List.of();
        }
        return value.stream().map(String::valueOf).toList();
    }

    /** A MAP attribute with its values as strings; empty when not set. */
    public Map<String, String> stringMap(String name) {
        Map<?, ?> value = get(name, Map.class);
        if (value == null) {
            return Map.of();
        }
        Map<String, String> result = new java.util.LinkedHashMap<>();
        value.forEach((key, item) -> result.put(String.valueOf(key), item == null ? "" : String.valueOf(item)));
        return result;
    }

    private <T> T get(String name, Class<T> type) {
        Object value = node.attributes().get(name);
        if (value == null) {
            return null;
        }
        if (!type.isInstance(value)) {
            throw wrongType(name, type.getSimpleName(), value);
        }
        return type.cast(value);
    }

    private IllegalArgumentException wrongType(String name, String expected, Object value) {
        return new IllegalArgumentException(node.type() + " part: attribute '" + name + "' should be " + expected
                + ", not " + value.getClass().getSimpleName());
    }
}
