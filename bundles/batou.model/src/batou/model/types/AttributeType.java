package batou.model.types;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The types an attribute can have. Values from component defaults, environment overrides and secrets are first
 * expanded (expressions), then converted to the type with {@link #convert(Object)}.
 */
public enum AttributeType {
    STRING("string"), INT("int"), FLOAT("float"), BOOL("bool"), LIST("list"), MAP("map"), PATH("path"),
    ADDRESS("address");

    private final String label;

    AttributeType(String label) {
        this.label = label;
    }

    /** The name used in component.yaml, e.g. {@code int}. */
    public String label() {
        return label;
    }

    /** The type called {@code label} in component.yaml, or null. */
    public static AttributeType byLabel(String label) {
        for (AttributeType type : values()) {
            if (type.label.equals(label)) {
                return type;
            }
        }
        return null;
    }

    public static List<String> labels() {
        return Arrays.stream(values()).map(AttributeType::label).toList();
    }

    /**
     * Converts a plain value (String, Long, Double, Boolean, List, Map, null) to this type.
     *
     * @throws ConversionException with a short reason when the value does not fit
     */
    public Object convert(Object value) throws ConversionException {
        if (value == null) {
            return switch (this) {
                case LIST -> List.of();
                case MAP -> Map.of();
                case STRING -> "";
                default -> throw new ConversionException("no value given");
            };
        }
        return switch (this) {
            case STRING -> toText(value);
            case INT -> toInt(value);
            case FLOAT -> toFloat(value);
            case BOOL -> toBool(value);
            case LIST -> toList(value);
            case MAP -> toMap(value);
            case PATH -> toPath(value);
            case ADDRESS -> value instanceof Address address ? address : Address.parse(toText(value));
        };
    }

    private static String toText(Object value) throws ConversionException {
        if (value instanceof String text) {
            return text;
        }
        if (value instanceof Boolean bool) {
            return bool ? "True" : "False";
        }
        if (value instanceof Number || value instanceof Address) {
            return value.toString();
        }
        throw new ConversionException("expected a text, got " + describe(value));
    }

    private static Long toInt(Object value) throws ConversionException {
        if (value instanceof Long number) {
            return number;
        }
        if (value instanceof Integer number) {
            return number.longValue();
        }
        if (value instanceof Double number && number == Math.rint(number) && !number.isInfinite()) {
            return number.longValue();
        }
        if (value instanceof String text) {
            Long number = parseInteger(text.strip());
            if (number == null) {
                throw new ConversionException("not a whole number");
            }
            return number;
        }
        throw new ConversionException("expected a whole number, got " + describe(value));
    }

    /**
     * Parses a whole number as YAML 1.1 writes it: decimal, {@code 0x} hex, {@code 0o} or leading-zero octal
     * ({@code 0644}, as file modes are written), {@code 0b} binary, with optional sign and underscores.
     *
     * @return the number, or null if the text is not one or does not fit in 64 bits
     */
    public static Long parseInteger(String text) {
        String clean = text.replace("_", "");
        boolean negative = clean.startsWith("-");
        if (clean.startsWith("-") || clean.startsWith("+")) {
            clean = clean.substring(1);
        }
        int radix = 10;
        if (clean.startsWith("0x")) {
            radix = 16;
            clean = clean.substring(2);
        } else if (clean.startsWith("0o")) {
            radix = 8;
            clean = clean.substring(2);
        } else if (clean.startsWith("0b")) {
            radix = 2;
            clean = clean.substring(2);
        } else if (clean.length() > 1 && clean.startsWith("0")) {
            radix = 8;
            clean = clean.substring(1);
        }
        if (clean.isEmpty()) {
            return null;
        }
        try {
            java.math.BigInteger value = new java.math.BigInteger(clean, radix);
            if (negative) {
                value = value.negate();
            }
            return value.bitLength() < 64 ? value.longValue() : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double toFloat(Object value) throws ConversionException {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text) {
            try {
                return Double.valueOf(text.strip());
            } catch (NumberFormatException e) {
                throw new ConversionException("not a number");
            }
        }
        throw new ConversionException("expected a number, got " + describe(value));
    }

    private static Boolean toBool(Object value) throws ConversionException {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Long number && (number == 0 || number == 1)) {
            return number == 1;
        }
        if (value instanceof String text) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "on", "1":
                    return Boolean.TRUE;
                case "false", "no", "off", "0", "":
                    return Boolean.FALSE;
                default:
                    break;
            }
        }
        throw new ConversionException("expected true or false");
    }

    private static List<Object> toList(Object value) throws ConversionException {
        if (value instanceof List<?> list) {
            return List.copyOf(nullsAsText(list));
        }
        if (value instanceof String text) {
            // "a, b" and one item per line, as batou's list conversion
            List<Object> items = new ArrayList<>();
            for (String item : text.split("[,\n]")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
            return List.copyOf(items);
        }
        throw new ConversionException("expected a list, got " + describe(value));
    }

    private static List<Object> nullsAsText(List<?> list) {
        List<Object> copy = new ArrayList<>(list.size());
        for (Object item : list) {
            copy.add(item == null ? "" : item);
        }
        return copy;
    }

    private static Map<String, Object> toMap(Object value) throws ConversionException {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), item));
            return copy;
        }
        throw new ConversionException("expected a mapping, got " + describe(value));
    }

    private static String toPath(Object value) throws ConversionException {
        String text = toText(value).strip();
        if (text.isEmpty()) {
            throw new ConversionException("a path cannot be empty");
        }
        if (text.indexOf('\0') >= 0) {
            throw new ConversionException("a path cannot contain a NUL character");
        }
        return text;
    }

    /** How a value is named in messages: {@code a list}, {@code 'abc'}. */
    public static String describe(Object value) {
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        return "'" + value + "'";
    }
}
