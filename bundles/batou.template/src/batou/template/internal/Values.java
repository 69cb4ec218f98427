package batou.template.internal;

import java.lang.reflect.Array;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import batou.template.TemplateObject;

/**
 * The value semantics of templates, modelled on Python: printing ({@link #str}, {@link #repr}), truth, equality,
 * ordering, attribute and item access, slicing and arithmetic. Integers are handled as {@code long}, other numbers as
 * {@code double}; {@code null} is Jinja's {@code none}.
 */
public final class Values {

    /** Returned by lookups that found nothing. */
    public static final Object MISSING = new Object() {
        @Override
        public String toString() {
            return "MISSING";
        }
    };

    private Values() {
    }

    // ---------------------------------------------------------------- types

    /** Whether a value is an integer (Long, Integer, Short, Byte, BigInteger). */
    public static boolean isInt(Object o) {
        return o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte
                || o instanceof BigInteger;
    }

    /** Whether a value is a number (integers and floats; not booleans). */
    public static boolean isNumber(Object o) {
        return o instanceof Number;
    }

    /** Whether a value is a list-like sequence (List, array, other Collection); not strings or maps. */
    public static boolean isList(Object o) {
        return o instanceof Collection || (o != null && o.getClass().isArray());
    }

    public static long toLong(Object o) {
        return ((Number) o).longValue();
    }

    public static double toDouble(Object o) {
        return ((Number) o).doubleValue();
    }

    /** Python's name of a value's type, for messages: str, int, float, bool, list, tuple, dict, NoneType. */
    public static String typeName(Object o) {
        if (o == null) {
            return "NoneType";
        }
        if (o instanceof String || o instanceof Character) {
            return "str";
        }
        if (o instanceof Boolean) {
            return "bool";
        }
        if (isInt(o)) {
            return "int";
        }
        if (o instanceof Number) {
            return "float";
        }
        if (o instanceof Tuple) {
            return "tuple";
        }
        if (isList(o)) {
            return "list";
        }
        if (o instanceof Map) {
            return "dict";
        }
        if (o instanceof Undefined) {
            return "undefined";
        }
        return o.getClass().getSimpleName();
    }

    // ---------------------------------------------------------------- printing

    /** Python's {@code str()}: strings as they are, None, True/False, numbers like Python, containers as repr. */
    public static String str(Object o) {
        if (o instanceof String s) {
            return s;
        }
        StringBuilder sb = new StringBuilder();
        appendStr(sb, o);
        return sb.toString();
    }

    /** Appends {@link #str(Object)} of a value. */
    public static void appendStr(StringBuilder sb, Object o) {
        if (o instanceof String s) {
            sb.append(s);
        } else if (o == null) {
            sb.append("None");
        } else if (o instanceof Boolean b) {
            sb.append(b ? "True" : "False");
        } else if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            sb.append(((Number) o).longValue());
        } else if (o instanceof Double || o instanceof Float) {
            sb.append(floatRepr(((Number) o).doubleValue()));
        } else if (o instanceof BigDecimal d) {
            sb.append(d.toPlainString());
        } else if (o instanceof Undefined u) {
            throw u.error();
        } else if (o instanceof Map || isList(o)) {
            appendRepr(sb, o);
        } else {
            sb.append(o);
        }
    }

    /** Python's {@code repr()}: like {@link #str} but strings are quoted. */
    public static String repr(Object o) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, o);
        return sb.toString();
    }

    /** Appends {@link #repr(Object)} of a value. */
    public static void appendRepr(StringBuilder sb, Object o) {
        if (o instanceof String s) {
            appendStringRepr(sb, s);
        } else if (o instanceof Character c) {
            appendStringRepr(sb, c.toString());
        } else if (o instanceof Map<?, ?> m) {
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                appendRepr(sb, e.getKey());
                sb.append(": ");
                appendRepr(sb, e.getValue());
            }
            sb.append('}');
        } else if (o instanceof Tuple t) {
            sb.append('(');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) {
                    sb.append(", ");
                }
                appendRepr(sb, t.get(i));
            }
            sb.append(t.size() == 1 ? ",)" : ")");
        } else if (isList(o)) {
            sb.append('[');
            boolean first = true;
            for (Object item : asList(o)) {
                if (!first) {
                    sb.append(", ");
                }
                first = false;
                appendRepr(sb, item);
            }
            sb.append(']');
        } else {
            appendStr(sb, o);
        }
    }

    private static void appendStringRepr(StringBuilder sb, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        sb.append(quote);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == quote || c == '\\') {
                sb.append('\\').append(c);
            } else if (c == '\n') {
                sb.append("\\n");
            } else if (c == '\r') {
                sb.append("\\r");
            } else if (c == '\t') {
                sb.append("\\t");
            } else if (c < 0x20 || c == 0x7f) {
                sb.append(String.format("\\x%02x", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append(quote);
    }

    /** Python's repr of a float: {@code 1.0}, {@code 2.5}, {@code 1e-05}, {@code 1e+16}, {@code nan}, {@code inf}. */
    public static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        String sign = d < 0 ? "-" : "";
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exponent = digits.length() - 1 - bd.scale();
        if (exponent >= -4 && exponent < 16) {
            String plain = bd.toPlainString();
            return sign + (plain.indexOf('.') < 0 ? plain + ".0" : plain);
        }
        StringBuilder sb = new StringBuilder(sign).append(digits.charAt(0));
        if (digits.length() > 1) {
            sb.append('.').append(digits, 1, digits.length());
        }
        sb.append('e').append(exponent < 0 ? '-' : '+');
        int abs = Math.abs(exponent);
        if (abs < 10) {
            sb.append('0');
        }
        return sb.append(abs).toString();
    }

    // ---------------------------------------------------------------- truth, equality, ordering

    /** Python truth: None, False, 0, empty strings and containers are false. Undefined raises. */
    public static boolean truthy(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        if (o == null) {
            return false;
        }
        if (o instanceof String s) {
            return !s.isEmpty();
        }
        if (isInt(o)) {
            return o instanceof BigInteger bi ? bi.signum() != 0 : toLong(o) != 0;
        }
        if (o instanceof Number n) {
            return n.doubleValue() != 0.0;
        }
        if (o instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (o instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (o.getClass().isArray()) {
            return Array.getLength(o) > 0;
        }
        if (o instanceof Undefined u) {
            throw u.error();
        }
        return true;
    }

    /** Python {@code ==}: numbers by value (1 == 1.0), sequences and maps element by element. */
    public static boolean equal(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (b instanceof Undefined u) {
            throw u.error();
        }
        if (a instanceof Number && b instanceof Number) {
            if (isInt(a) && isInt(b)) {
                return a instanceof BigInteger || b instanceof BigInteger
                        ? toBig(a).equals(toBig(b)) : toLong(a) == toLong(b);
            }
            return toDouble(a) == toDouble(b);
        }
        if (a instanceof Character || b instanceof Character) {
            return a.toString().equals(b.toString());
        }
        if (isList(a) && isList(b)) {
            List<?> la = asList(a);
            List<?> lb = asList(b);
            if (la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!equal(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                Object other = mapGet(mb, e.getKey());
                if (other == MISSING || !equal(e.getValue(), other)) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static BigInteger toBig(Object o) {
        return o instanceof BigInteger b ? b : BigInteger.valueOf(toLong(o));
    }

    /**
     * Python ordering of two values: numbers, strings, and sequences (element by element).
     *
     * @param op the operator, for the error message
     */
    public static int compare(Object a, Object b, String op) {
        if (a instanceof Undefined u) {
            throw u.error();
        }
        if (b instanceof Undefined u) {
            throw u.error();
        }
        if (a instanceof Number && b instanceof Number) {
            if (isInt(a) && isInt(b)) {
                return a instanceof BigInteger || b instanceof BigInteger
                        ? toBig(a).compareTo(toBig(b)) : Long.compare(toLong(a), toLong(b));
            }
            return Double.compare(toDouble(a), toDouble(b));
        }
        if ((a instanceof String || a instanceof Character) && (b instanceof String || b instanceof Character)) {
            return a.toString().compareTo(b.toString());
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (isList(a) && isList(b)) {
            List<?> la = asList(a);
            List<?> lb = asList(b);
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                if (!equal(la.get(i), lb.get(i))) {
                    return compare(la.get(i), lb.get(i), op);
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        throw TemplateError.runtime("cannot compare '" + typeName(a) + "' and '" + typeName(b) + "' with '" + op
                + "'");
    }

    /** Python {@code item in container} for strings, sequences, maps and template objects. */
    public static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (!(item instanceof String || item instanceof Character)) {
                throw TemplateError.runtime("'in <string>' requires a string on the left, not '" + typeName(item)
                        + "'");
            }
            return s.contains(item.toString());
        }
        if (container instanceof Map<?, ?> m) {
            return mapGet(m, item) != MISSING;
        }
        if (container instanceof TemplateObject t) {
            return item instanceof String s && attribute(t, s) != MISSING;
        }
        List<?> list = asList(container);
        if (list == null) {
            throw TemplateError.runtime("cannot test membership in '" + typeName(container)
                    + "': it is not a string, sequence or mapping");
        }
        for (Object o : list) {
            if (equal(o, item)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- containers

    /**
     * A value as a list, or null if it cannot be iterated: lists as they are, maps as their keys, strings as their
     * characters, arrays, collections and iterables as new lists.
     */
    public static List<?> asList(Object o) {
        if (o instanceof List<?> l) {
            return l;
        }
        if (o instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (o instanceof String s) {
            List<String> chars = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (o instanceof Object[] a) {
            return Arrays.asList(a);
        }
        if (o instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (o instanceof Iterable<?> it) {
            List<Object> list = new ArrayList<>();
            for (Iterator<?> i = it.iterator(); i.hasNext();) {
                list.add(i.next());
            }
            return list;
        }
        if (o != null && o.getClass().isArray()) {
            int n = Array.getLength(o);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object item = Array.get(o, i);
                list.add(item instanceof Character c ? c.toString() : item);
            }
            return list;
        }
        if (o instanceof Undefined u) {
            throw u.error();
        }
        return null;
    }

    /**
     * A value as a list for iteration; raises {@code "<what> is not iterable (got 'int')"} otherwise.
     *
     * @param what how to name the value in the error, e.g. {@code 'port'}
     */
    public static List<?> iterable(Object o, String what) {
        List<?> list = asList(o);
        if (list == null) {
            throw TemplateError.runtime(what + " is not iterable (got '" + typeName(o) + "')");
        }
        return list;
    }

    /** Python's {@code len()}. */
    public static int length(Object o) {
        if (o instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (o instanceof Collection<?> c) {
            return c.size();
        }
        if (o instanceof Map<?, ?> m) {
            return m.size();
        }
        if (o != null && o.getClass().isArray()) {
            return Array.getLength(o);
        }
        if (o instanceof Iterable<?>) {
            return asList(o).size();
        }
        if (o instanceof Undefined u) {
            throw u.error();
        }
        throw TemplateError.runtime("object of type '" + typeName(o) + "' has no length");
    }

    /** {@code obj.name}: a map key or a template object attribute; {@link #MISSING} if there is none. */
    public static Object attribute(Object obj, String name) {
        if (obj instanceof Map<?, ?> m) {
            return mapGet(m, name);
        }
        if (obj instanceof TemplateObject t) {
            Object v = t.attribute(name);
            return v == TemplateObject.UNDEFINED ? MISSING : v;
        }
        return MISSING;
    }

    /** A map value, or {@link #MISSING}; integer keys match Long and Integer keys alike. */
    public static Object mapGet(Map<?, ?> m, Object key) {
        try {
            Object v = m.get(key);
            if (v == null && !m.containsKey(key)) {
                if (isInt(key) && !(key instanceof BigInteger)) {
                    long l = toLong(key);
                    Object alt;
                    if (key instanceof Long) {
                        alt = l == (int) l ? (Object) Integer.valueOf((int) l) : null;
                    } else {
                        alt = (Object) Long.valueOf(l);
                    }
                    if (alt != null && (m.get(alt) != null || m.containsKey(alt))) {
                        return m.get(alt);
                    }
                }
                return MISSING;
            }
            return v == TemplateObject.UNDEFINED ? MISSING : v;
        } catch (NullPointerException | ClassCastException e) {
            return MISSING;
        }
    }

    /** {@code obj[key]}: map item, sequence or string index (negative from the end); {@link #MISSING} if absent. */
    public static Object item(Object obj, Object key) {
        if (obj instanceof Map<?, ?> m) {
            return mapGet(m, key);
        }
        if (obj instanceof TemplateObject t) {
            return key instanceof String s ? attribute(t, s) : MISSING;
        }
        if (key instanceof Boolean b) {
            key = b ? 1L : 0L;
        }
        if (!isInt(key)) {
            return MISSING;
        }
        long index = toLong(key);
        if (obj instanceof String s) {
            int n = s.length();
            long i = index < 0 ? index + n : index;
            return i >= 0 && i < n ? String.valueOf(s.charAt((int) i)) : MISSING;
        }
        if (isList(obj)) {
            List<?> list = asList(obj);
            int n = list.size();
            long i = index < 0 ? index + n : index;
            return i >= 0 && i < n ? list.get((int) i) : MISSING;
        }
        return MISSING;
    }

    /** Python slicing {@code obj[start:stop:step]} of strings and sequences; null bounds mean "from the end". */
    public static Object slice(Object obj, Object start, Object stop, Object step) {
        long st = step == null ? 1 : sliceIndex(step);
        if (st == 0) {
            throw TemplateError.runtime("slice step cannot be zero");
        }
        List<?> list;
        if (obj instanceof String s) {
            list = asList(s);
        } else if (isList(obj)) {
            list = asList(obj);
        } else {
            throw TemplateError.runtime("cannot slice '" + typeName(obj) + "'");
        }
        int n = list.size();
        long lower = st > 0 ? 0 : -1;
        long upper = st > 0 ? n : n - 1;
        long from = start == null ? (st > 0 ? lower : upper) : clamp(sliceIndex(start), n, lower, upper);
        long to = stop == null ? (st > 0 ? upper : lower) : clamp(sliceIndex(stop), n, lower, upper);
        List<Object> out = new ArrayList<>();
        for (long i = from; st > 0 ? i < to : i > to; i += st) {
            out.add(list.get((int) i));
        }
        if (obj instanceof String) {
            StringBuilder sb = new StringBuilder();
            out.forEach(sb::append);
            return sb.toString();
        }
        return obj instanceof Tuple ? new Tuple(out.toArray()) : out;
    }

    private static long clamp(long index, int n, long lower, long upper) {
        return index < 0 ? Math.max(index + n, lower) : Math.min(index, upper);
    }

    private static long sliceIndex(Object o) {
        if (!isInt(o)) {
            throw TemplateError.runtime("slice indices must be integers or none, not '" + typeName(o) + "'");
        }
        return toLong(o);
    }

    // ---------------------------------------------------------------- arithmetic

    /** {@code a + b}: numbers, string and list concatenation. */
    public static Object add(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            if (isInt(a) && isInt(b)) {
                try {
                    return Math.addExact(toLong(a), toLong(b));
                } catch (ArithmeticException e) {
                    throw overflow();
                }
            }
            return toDouble(a) + toDouble(b);
        }
        if (a instanceof String x && b instanceof String y) {
            return x.concat(y);
        }
        if (isList(a) && isList(b)) {
            List<Object> out = new ArrayList<>(asList(a));
            out.addAll(asList(b));
            return a instanceof Tuple && b instanceof Tuple ? new Tuple(out.toArray()) : out;
        }
        String hint = a instanceof String || b instanceof String ? " (use ~ to join values as text)" : "";
        throw TemplateError.runtime("cannot add '" + typeName(a) + "' and '" + typeName(b) + "'" + hint);
    }

    /** {@code a - b}. */
    public static Object subtract(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            if (isInt(a) && isInt(b)) {
                try {
                    return Math.subtractExact(toLong(a), toLong(b));
                } catch (ArithmeticException e) {
                    throw overflow();
                }
            }
            return toDouble(a) - toDouble(b);
        }
        throw unsupported("-", a, b);
    }

    /** {@code a * b}: numbers, and repeating strings and lists. */
    public static Object multiply(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            if (isInt(a) && isInt(b)) {
                try {
                    return Math.multiplyExact(toLong(a), toLong(b));
                } catch (ArithmeticException e) {
                    throw overflow();
                }
            }
            return toDouble(a) * toDouble(b);
        }
        if (isInt(b) && (a instanceof String || isList(a))) {
            return repeat(a, toLong(b));
        }
        if (isInt(a) && (b instanceof String || isList(b))) {
            return repeat(b, toLong(a));
        }
        throw unsupported("*", a, b);
    }

    private static Object repeat(Object value, long times) {
        if (value instanceof String s) {
            return times <= 0 ? "" : s.repeat((int) times);
        }
        List<?> list = asList(value);
        List<Object> out = new ArrayList<>();
        for (long i = 0; i < times; i++) {
            out.addAll(list);
        }
        return value instanceof Tuple ? new Tuple(out.toArray()) : out;
    }

    /** {@code a / b}: always a float. */
    public static Object divide(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            double d = toDouble(b);
            if (d == 0) {
                throw TemplateError.runtime("division by zero");
            }
            return toDouble(a) / d;
        }
        throw unsupported("/", a, b);
    }

    /** {@code a // b}: floor division, an integer for integers. */
    public static Object floorDivide(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            if (toDouble(b) == 0) {
                throw TemplateError.runtime("division by zero");
            }
            if (isInt(a) && isInt(b)) {
                return Math.floorDiv(toLong(a), toLong(b));
            }
            return Math.floor(toDouble(a) / toDouble(b));
        }
        throw unsupported("//", a, b);
    }

    /** {@code a % b}: Python modulo (sign of the divisor), or printf-style formatting when a is a string. */
    public static Object modulo(Object a, Object b) {
        if (a instanceof String s) {
            return PyFormat.percent(s, b);
        }
        if (a instanceof Number && b instanceof Number) {
            if (toDouble(b) == 0) {
                throw TemplateError.runtime("modulo by zero");
            }
            if (isInt(a) && isInt(b)) {
                return Math.floorMod(toLong(a), toLong(b));
            }
            double x = toDouble(a);
            double y = toDouble(b);
            return x - y * Math.floor(x / y);
        }
        throw unsupported("%", a, b);
    }

    /** {@code a ** b}: an integer for integers with a non-negative exponent. */
    public static Object power(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) {
            if (isInt(a) && isInt(b) && toLong(b) >= 0) {
                long base = toLong(a);
                long result = 1;
                try {
                    for (long e = toLong(b); e > 0; e--) {
                        result = Math.multiplyExact(result, base);
                        if (result == 0 || result == 1) {
                            break;
                        }
                    }
                } catch (ArithmeticException e) {
                    throw overflow();
                }
                return result;
            }
            return Math.pow(toDouble(a), toDouble(b));
        }
        throw unsupported("**", a, b);
    }

    /** Unary {@code -a}. */
    public static Object negate(Object a) {
        if (isInt(a)) {
            try {
                return Math.negateExact(toLong(a));
            } catch (ArithmeticException e) {
                throw overflow();
            }
        }
        if (a instanceof Number n) {
            return -n.doubleValue();
        }
        throw TemplateError.runtime("bad operand type for unary -: '" + typeName(a) + "'");
    }

    /** Unary {@code +a}. */
    public static Object plus(Object a) {
        if (a instanceof Number) {
            return normalize(a);
        }
        throw TemplateError.runtime("bad operand type for unary +: '" + typeName(a) + "'");
    }

    /** Integer, Short and Byte as Long; Float as Double; everything else unchanged. */
    public static Object normalize(Object o) {
        if (o instanceof Integer || o instanceof Short || o instanceof Byte) {
            return ((Number) o).longValue();
        }
        if (o instanceof Float f) {
            return f.doubleValue();
        }
        return o;
    }

    private static TemplateError unsupported(String op, Object a, Object b) {
        return TemplateError.runtime("unsupported operand types for " + op + ": '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    private static TemplateError overflow() {
        return TemplateError.runtime("integer overflow (values are limited to 64 bits)");
    }
}
