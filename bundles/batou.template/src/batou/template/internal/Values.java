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

    /** How long {@link #preview(Object)} makes a value in a message. */
    private static final int PREVIEW = 100;

    /** Plain characters of a string appended at once by repr. */
    private static final int RUN = 16;

    /** Python's {@code str()}: strings as they are, None, True/False, numbers like Python, containers as repr. */
    public static String str(Object o, Budget budget) {
        if (o instanceof String s) {
            return s;
        }
        TextBuilder text = new TextBuilder(budget);
        appendStr(text, o);
        return text.toString();
    }

    /** Appends {@link #str(Object, Budget)} of a value. */
    public static void appendStr(TextBuilder text, Object o) {
        appendStr(text, o, 0);
    }

    /** @param depth how many containers the value is inside */
    private static void appendStr(TextBuilder text, Object o, int depth) {
        if (o instanceof String s) {
            text.append(s);
        } else if (o == null) {
            text.append("None");
        } else if (o instanceof Boolean b) {
            text.append(b ? "True" : "False");
        } else if (o instanceof Long || o instanceof Integer || o instanceof Short || o instanceof Byte) {
            text.append(((Number) o).longValue());
        } else if (o instanceof Double || o instanceof Float) {
            text.append(floatRepr(((Number) o).doubleValue()));
        } else if (o instanceof BigDecimal d) {
            text.budget().afford((long) d.precision() + Math.abs((long) d.scale()));
            text.append(d.toPlainString());
        } else if (o instanceof Undefined u) {
            throw u.error();
        } else if (o instanceof Map || isList(o)) {
            appendRepr(text, o, depth);
        } else if (o instanceof Namespace ns) {
            text.budget().depth(depth + 1);
            text.append("<Namespace ");
            appendRepr(text, ns.values(), depth + 1);
            text.append(">");
        } else {
            text.append(o.toString());
        }
    }

    /** Python's {@code repr()}: like {@link #str(Object, Budget)} but strings are quoted. */
    public static String repr(Object o, Budget budget) {
        TextBuilder text = new TextBuilder(budget);
        appendRepr(text, o, 0);
        return text.toString();
    }

    /**
     * A short repr of a value for a message: at most about {@value #PREVIEW} characters, cut with {@code ...}, so
     * that an error about a huge value is not huge itself.
     */
    public static String preview(Object o) {
        TextBuilder text = new TextBuilder(new Budget(PREVIEW, PREVIEW, 10));
        try {
            appendRepr(text, o, 0);
            return text.toString();
        } catch (TemplateError e) {
            return text + "...";
        }
    }

    private static void appendRepr(TextBuilder text, Object o, int depth) {
        if (o instanceof String s) {
            appendStringRepr(text, s);
        } else if (o instanceof Character c) {
            appendStringRepr(text, c.toString());
        } else if (o instanceof Map<?, ?> m) {
            text.budget().depth(depth + 1);
            text.budget().steps(m.size());
            text.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    text.append(", ");
                }
                first = false;
                appendRepr(text, e.getKey(), depth + 1);
                text.append(": ");
                appendRepr(text, e.getValue(), depth + 1);
            }
            text.append('}');
        } else if (o instanceof Tuple t) {
            text.budget().depth(depth + 1);
            text.budget().steps(t.size());
            text.append('(');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) {
                    text.append(", ");
                }
                appendRepr(text, t.get(i), depth + 1);
            }
            text.append(t.size() == 1 ? ",)" : ")");
        } else if (isList(o)) {
            text.budget().depth(depth + 1);
            List<?> list = asList(o, text.budget());
            text.budget().steps(list.size());
            text.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    text.append(", ");
                }
                first = false;
                appendRepr(text, item, depth + 1);
            }
            text.append(']');
        } else {
            appendStr(text, o, depth);
        }
    }

    /** Appends a quoted string, in short runs of plain characters (so that a preview is cut after a short run). */
    private static void appendStringRepr(TextBuilder text, String s) {
        char quote = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        text.append(quote);
        int plain = 0;
        for (int i = 0; i < s.length(); i++) {
            String escape = escape(s.charAt(i), quote);
            if (escape != null || i - plain >= RUN) {
                text.append(s, plain, i);
                plain = i;
            }
            if (escape != null) {
                text.append(escape);
                plain = i + 1;
            }
        }
        text.append(s, plain, s.length());
        text.append(quote);
    }

    /** How Python's repr writes a character inside quotes, or null if it writes it as it is. */
    private static String escape(char c, char quote) {
        return switch (c) {
            case '\\' -> "\\\\";
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> c == quote ? "\\" + c : c < 0x20 || c == 0x7f ? String.format("\\x%02x", (int) c) : null;
        };
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
    public static boolean equal(Object a, Object b, Budget budget) {
        return equal(a, b, budget, 0);
    }

    /** @param depth how many containers the values are inside */
    private static boolean equal(Object a, Object b, Budget budget, int depth) {
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
        if (a instanceof String x && b instanceof String y) {
            if (x.length() != y.length()) {
                return false;
            }
            budget.scan(x.length());
            return x.equals(y);
        }
        if (a instanceof Character || b instanceof Character) {
            return a.toString().equals(b.toString());
        }
        if (isList(a) && isList(b)) {
            List<?> la = asList(a, budget);
            List<?> lb = asList(b, budget);
            if (la.size() != lb.size()) {
                return false;
            }
            budget.depth(depth + 1);
            budget.steps(la.size());
            for (int i = 0; i < la.size(); i++) {
                if (!equal(la.get(i), lb.get(i), budget, depth + 1)) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            budget.depth(depth + 1);
            budget.steps(ma.size());
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                Object other = mapGet(mb, e.getKey());
                if (other == MISSING || !equal(e.getValue(), other, budget, depth + 1)) {
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
    public static int compare(Object a, Object b, String op, Budget budget) {
        return compare(a, b, op, budget, 0);
    }

    private static int compare(Object a, Object b, String op, Budget budget, int depth) {
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
            String x = a.toString();
            String y = b.toString();
            budget.scan(Math.min(x.length(), y.length()));
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return Boolean.compare(x, y);
        }
        if (isList(a) && isList(b)) {
            List<?> la = asList(a, budget);
            List<?> lb = asList(b, budget);
            budget.depth(depth + 1);
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                budget.steps(1);
                if (!equal(la.get(i), lb.get(i), budget, depth + 1)) {
                    return compare(la.get(i), lb.get(i), op, budget, depth + 1);
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        throw TemplateError.runtime("cannot compare '" + typeName(a) + "' and '" + typeName(b) + "' with '" + op
                + "'");
    }

    /** Python {@code item in container} for strings, sequences, maps and template objects. */
    public static boolean contains(Object container, Object item, Budget budget) {
        if (container instanceof String s) {
            if (!(item instanceof String || item instanceof Character)) {
                throw TemplateError.runtime("'in <string>' requires a string on the left, not '" + typeName(item)
                        + "'");
            }
            return Search.contains(s, item.toString(), budget);
        }
        if (container instanceof Map<?, ?> m) {
            return mapGet(m, item) != MISSING;
        }
        if (container instanceof TemplateObject t) {
            return item instanceof String s && attribute(t, s) != MISSING;
        }
        List<?> list = asList(container, budget);
        if (list == null) {
            throw TemplateError.runtime("cannot test membership in '" + typeName(container)
                    + "': it is not a string, sequence or mapping");
        }
        for (Object o : list) {
            budget.steps(1);
            if (equal(o, item, budget)) {
                return true;
            }
        }
        return false;
    }

    // ---------------------------------------------------------------- containers

    /**
     * A value as a list, or null if it cannot be iterated: lists as they are, maps as their keys, strings as their
     * characters, arrays, collections and iterables as new lists (charged to the budget).
     */
    public static List<?> asList(Object o, Budget budget) {
        if (o instanceof List<?> l) {
            return l;
        }
        if (o instanceof Map<?, ?> m) {
            budget.items(m.size());
            return new ArrayList<>(m.keySet());
        }
        if (o instanceof String s) {
            budget.items(s.length());
            List<String> chars = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (o instanceof Object[] a) {
            return Arrays.asList(a);
        }
        if (o instanceof Collection<?> c) {
            budget.items(c.size());
            return new ArrayList<>(c);
        }
        if (o instanceof Iterable<?> it) {
            List<Object> list = new ArrayList<>();
            for (Iterator<?> i = it.iterator(); i.hasNext();) {
                budget.items(1);
                list.add(i.next());
            }
            return list;
        }
        if (o != null && o.getClass().isArray()) {
            int n = Array.getLength(o);
            budget.items(n);
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
    public static List<?> iterable(Object o, String what, Budget budget) {
        List<?> list = asList(o, budget);
        if (list == null) {
            throw TemplateError.runtime(what + " is not iterable (got '" + typeName(o) + "')");
        }
        return list;
    }

    /** Python's {@code len()}. */
    public static int length(Object o, Budget budget) {
        if (o instanceof String s) {
            budget.scan(s.length());
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
            return asList(o, budget).size();
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

    /**
     * {@code obj[key]}: map item, sequence or string index (of characters, as Python counts them: surrogate pairs are
     * one; negative from the end); {@link #MISSING} if absent.
     */
    public static Object item(Object obj, Object key, Budget budget) {
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
            budget.scan(s.length());
            int n = s.codePointCount(0, s.length());
            long i = index < 0 ? index + n : index;
            if (i < 0 || i >= n) {
                return MISSING;
            }
            int at = n == s.length() ? (int) i : s.offsetByCodePoints(0, (int) i);
            return new String(Character.toChars(s.codePointAt(at)));
        }
        if (isList(obj)) {
            List<?> list = asList(obj, budget);
            int n = list.size();
            long i = index < 0 ? index + n : index;
            return i >= 0 && i < n ? list.get((int) i) : MISSING;
        }
        return MISSING;
    }

    /** Python slicing {@code obj[start:stop:step]} of strings and sequences; null bounds mean "from the end". */
    public static Object slice(Object obj, Object start, Object stop, Object step, Budget budget) {
        long st = step == null ? 1 : sliceIndex(step);
        if (st == 0) {
            throw TemplateError.runtime("slice step cannot be zero");
        }
        if (obj instanceof String s) {
            budget.scan(s.length());
            int[] points = s.codePointCount(0, s.length()) == s.length() ? null : s.codePoints().toArray();
            int n = points == null ? s.length() : points.length;
            long from = sliceStart(start, st, n);
            long count = sliceCount(from, sliceStop(stop, st, n), st);
            budget.produce(count);
            if (points == null && st == 1) {
                return s.substring((int) from, (int) (from + count));
            }
            StringBuilder sb = new StringBuilder((int) count);
            for (long k = 0; k < count; k++) {
                int i = (int) (from + k * st);
                if (points == null) {
                    sb.append(s.charAt(i));
                } else {
                    sb.appendCodePoint(points[i]);
                }
            }
            return sb.toString();
        }
        if (!isList(obj)) {
            throw TemplateError.runtime("cannot slice '" + typeName(obj) + "'");
        }
        List<?> list = asList(obj, budget);
        int n = list.size();
        long from = sliceStart(start, st, n);
        long count = sliceCount(from, sliceStop(stop, st, n), st);
        budget.items(count);
        List<Object> out = new ArrayList<>((int) count);
        for (long k = 0; k < count; k++) {
            out.add(list.get((int) (from + k * st)));
        }
        return obj instanceof Tuple ? new Tuple(out.toArray()) : out;
    }

    private static long sliceStart(Object start, long step, int n) {
        return start == null ? (step > 0 ? 0 : n - 1) : clamp(sliceIndex(start), n, step > 0 ? 0 : -1,
                step > 0 ? n : n - 1);
    }

    private static long sliceStop(Object stop, long step, int n) {
        return stop == null ? (step > 0 ? n : -1) : clamp(sliceIndex(stop), n, step > 0 ? 0 : -1,
                step > 0 ? n : n - 1);
    }

    /** How many indices {@code from, from + step, ...} come before {@code to}. */
    private static long sliceCount(long from, long to, long step) {
        long distance = step > 0 ? to - from : from - to;
        long magnitude = step > 0 ? step : step == Long.MIN_VALUE ? Long.MAX_VALUE : -step;
        return distance <= 0 ? 0 : 1 + (distance - 1) / magnitude;
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
    public static Object add(Object a, Object b, Budget budget) {
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
            budget.produce((long) x.length() + y.length());
            return x.concat(y);
        }
        if (isList(a) && isList(b)) {
            List<?> x = asList(a, budget);
            List<?> y = asList(b, budget);
            budget.items((long) x.size() + y.size());
            List<Object> out = new ArrayList<>(x.size() + y.size());
            x.forEach(out::add);
            y.forEach(out::add);
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
    public static Object multiply(Object a, Object b, Budget budget) {
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
            return repeat(a, toLong(b), budget);
        }
        if (isInt(a) && (b instanceof String || isList(b))) {
            return repeat(b, toLong(a), budget);
        }
        throw unsupported("*", a, b);
    }

    /** A string or sequence {@code times} times over, charged before it is built. */
    private static Object repeat(Object value, long times, Budget budget) {
        if (value instanceof String s) {
            TextBuilder text = new TextBuilder(budget);
            text.repeat(s, times);
            return text.toString();
        }
        List<?> list = asList(value, budget);
        long size = times <= 0 ? 0 : times > Long.MAX_VALUE / Math.max(1, list.size()) ? -1 : times * list.size();
        budget.items(size);
        List<Object> out = new ArrayList<>((int) size);
        for (long i = 0; i < times && !list.isEmpty(); i++) {
            list.forEach(out::add);
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
    public static Object modulo(Object a, Object b, Budget budget) {
        if (a instanceof String s) {
            return PyFormat.percent(s, b, budget);
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
                long exponent = toLong(b);
                if (base == 0 || base == 1) {
                    return exponent == 0 ? 1L : base;
                }
                if (base == -1) {
                    return exponent % 2 == 0 ? 1L : -1L;
                }
                long result = 1;
                try {
                    for (long e = exponent; e > 0; e--) {
                        result = Math.multiplyExact(result, base); // overflows within 63 rounds
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
