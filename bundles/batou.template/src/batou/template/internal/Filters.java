package batou.template.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The filters ({@code value | name(args)}), with Jinja2's names, parameters and behaviour. */
public final class Filters {

    private static final Map<String, Builtin> FILTERS = new TreeMap<>();

    private Filters() {
    }

    /** The filter with this name, or null. */
    public static Builtin get(String name) {
        return FILTERS.get(name);
    }

    /** All filter names. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(FILTERS.keySet());
    }

    /** The filter with this name, or a "did you mean" error. */
    public static Builtin require(String name) {
        Builtin f = FILTERS.get(name);
        if (f == null) {
            throw TemplateError.runtime("unknown filter '" + name + "'" + Names.suggest(name, FILTERS.keySet()));
        }
        return f;
    }

    private static void def(String name, String params, Builtin.Impl impl) {
        add(name, params, false, false, impl);
    }

    private static void add(String name, String params, boolean varargs, boolean undefinedOk, Builtin.Impl impl) {
        String[] p = params.isEmpty() ? new String[0] : params.split(",");
        FILTERS.put(name, new Builtin("filter", name, p, varargs, undefinedOk, impl));
    }

    private static void alias(String alias, String name) {
        Builtin b = FILTERS.get(name);
        FILTERS.put(alias, new Builtin("filter", alias, b.params(), b.varargs(), b.undefinedOk(), b.impl()));
    }

    static {
        add("default", "default_value,boolean", false, true, (in, a) -> {
            boolean bool = a.bool(1, "boolean", false);
            return in instanceof Undefined || (bool && !Values.truthy(in)) ? a.get(0, "default_value", "") : in;
        });
        alias("d", "default");
        def("upper", "", (in, a) -> upper(Values.str(in, a.budget()), a.budget()));
        def("lower", "", (in, a) -> lower(Values.str(in, a.budget()), a.budget()));
        def("capitalize", "", (in, a) -> capitalize(Values.str(in, a.budget()), a.budget()));
        def("title", "", (in, a) -> title(Values.str(in, a.budget()), a.budget()));
        def("trim", "chars", (in, a) -> Strings.strip(Values.str(in, a.budget()), a.string(0, "chars", null), true,
                true, a.budget()));
        def("replace", "old,new,count", (in, a) -> Strings.replace(Values.str(in, a.budget()),
                Values.str(a.get(0, "old", Args.REQUIRED), a.budget()),
                Values.str(a.get(1, "new", Args.REQUIRED), a.budget()), a.integer(2, "count", -1L), a.budget()));
        def("length", "", (in, a) -> (long) Values.length(in, a.budget()));
        alias("count", "length");
        def("first", "", (in, a) -> {
            List<?> list = Values.iterable(in, "the input of " + a.owner(), a.budget());
            return list.isEmpty() ? new Undefined("first", "filter 'first': the sequence is empty", -1, false)
                    : list.get(0);
        });
        def("last", "", (in, a) -> {
            List<?> list = Values.iterable(in, "the input of " + a.owner(), a.budget());
            return list.isEmpty() ? new Undefined("last", "filter 'last': the sequence is empty", -1, false)
                    : list.get(list.size() - 1);
        });
        def("join", "d,attribute", (in, a) -> join(items(in, a), Values.str(a.get(0, "d", ""), a.budget()),
                a.string(1, "attribute", null), a.budget()));
        def("sort", "reverse,case_sensitive,attribute", (in, a) -> {
            boolean caseSensitive = a.bool(1, "case_sensitive", false);
            String attribute = a.string(2, "attribute", null);
            return sorted(items(in, a), item -> key(item, caseSensitive, attribute, a.budget()),
                    a.bool(0, "reverse", false), a.budget());
        });
        def("unique", "case_sensitive,attribute", (in, a) -> unique(items(in, a), a.bool(0, "case_sensitive", false),
                a.string(1, "attribute", null), a.budget()));
        def("reverse", "", (in, a) -> {
            if (in instanceof String s) {
                a.budget().produce(s.length());
                return new StringBuilder(s).reverse().toString();
            }
            List<Object> list = copy(items(in, a), a.budget());
            Collections.reverse(list);
            return list;
        });
        def("list", "", (in, a) -> copy(items(in, a), a.budget()));
        def("string", "", (in, a) -> Values.str(in, a.budget()));
        def("int", "default,base", (in, a) -> toInt(in, a.get(0, "default", 0L), a.integer(1, "base", 10L),
                a.budget()));
        def("float", "default", (in, a) -> toFloat(in, a.get(0, "default", 0.0), a.budget()));
        def("bool", "", (in, a) -> toBool(in, a.budget()));
        def("abs", "", (in, a) -> {
            if (Values.isInt(in)) {
                return Math.abs(Values.toLong(in));
            }
            if (in instanceof Number n) {
                return Math.abs(n.doubleValue());
            }
            throw TemplateError.runtime("filter 'abs' needs a number, not '" + Values.typeName(in) + "'");
        });
        def("round", "precision,method", (in, a) -> round(in, a.integer(0, "precision", 0L),
                a.string(1, "method", "common")));
        def("min", "case_sensitive,attribute", (in, a) -> extreme(in, a, false));
        def("max", "case_sensitive,attribute", (in, a) -> extreme(in, a, true));
        def("sum", "attribute,start", (in, a) -> {
            String attribute = a.string(0, "attribute", null);
            Object total = a.get(1, "start", 0L);
            for (Object item : items(in, a)) {
                total = Values.add(total, attribute == null ? item : attr(item, attribute, a.budget()), a.budget());
            }
            return total;
        });
        def("indent", "width,first,blank", (in, a) -> indent(Values.str(in, a.budget()), a.get(0, "width", 4L),
                a.bool(1, "first", false), a.bool(2, "blank", false), a.budget()));
        def("tojson", "indent", (in, a) -> Json.write(in, a.get(0, "indent", null) == null ? null
                : a.integer(0, "indent", null), a.budget()));
        def("items", "", (in, a) -> {
            if (!(in instanceof Map<?, ?> m)) {
                throw TemplateError.runtime("filter 'items' needs a mapping, not '" + Values.typeName(in) + "'");
            }
            return Methods.items(m, a.budget());
        });
        def("dictsort", "case_sensitive,by,reverse", (in, a) -> {
            if (!(in instanceof Map<?, ?> m)) {
                throw TemplateError.runtime("filter 'dictsort' needs a mapping, not '" + Values.typeName(in)
                        + "'");
            }
            String by = a.string(1, "by", "key");
            if (!by.equals("key") && !by.equals("value")) {
                throw TemplateError.runtime("filter 'dictsort': by must be 'key' or 'value'");
            }
            boolean caseSensitive = a.bool(0, "case_sensitive", false);
            int index = by.equals("key") ? 0 : 1;
            return sorted(Methods.items(m, a.budget()), item -> key(((Tuple) item).get(index), caseSensitive, null,
                    a.budget()), a.bool(2, "reverse", false), a.budget());
        });
        add("map", "", true, false, Filters::map);
        add("select", "", true, false, (in, a) -> select(in, a, false, true));
        add("reject", "", true, false, (in, a) -> select(in, a, false, false));
        add("selectattr", "", true, false, (in, a) -> select(in, a, true, true));
        add("rejectattr", "", true, false, (in, a) -> select(in, a, true, false));
        add("format", "", true, false, (in, a) -> {
            if (!a.positional().isEmpty() && !a.keywords().isEmpty()) {
                throw TemplateError.runtime("filter 'format' takes positional or keyword arguments, not both");
            }
            return PyFormat.percent(Values.str(in, a.budget()), a.keywords().isEmpty()
                    ? new Tuple(a.positional().toArray()) : a.keywords(), a.budget());
        });
        def("regex_replace", "pattern,replacement,ignorecase,multiline", (in, a) -> Regex.replace(
                Values.str(in, a.budget()), Values.str(a.get(0, "pattern", Args.REQUIRED), a.budget()),
                Values.str(a.get(1, "replacement", ""), a.budget()), a.bool(2, "ignorecase", false),
                a.bool(3, "multiline", false), a.budget()));
        def("quote", "", (in, a) -> Strings.shellQuote(Values.str(in, a.budget()), a.budget()));
        def("basename", "", (in, a) -> {
            String p = Values.str(in, a.budget());
            a.budget().produce(p.length());
            return p.substring(p.lastIndexOf('/') + 1);
        });
        def("dirname", "", (in, a) -> {
            String p = Values.str(in, a.budget());
            a.budget().produce(p.length());
            int end = p.lastIndexOf('/') + 1;
            int trimmed = end;
            while (trimmed > 0 && p.charAt(trimmed - 1) == '/') {
                trimmed--;
            }
            return p.substring(0, trimmed == 0 ? end : trimmed);
        });
        def("safe", "", (in, a) -> in);
        def("attr", "name", (in, a) -> {
            String name = a.string(0, "name", Args.REQUIRED);
            Object v = Values.attribute(in, name);
            return v == Values.MISSING ? new Undefined(name, "filter 'attr': no attribute " + Values.preview(name), -1,
                    false) : v;
        });
        def("center", "width", (in, a) -> {
            String s = Values.str(in, a.budget());
            long width = a.integer(0, "width", 80L);
            long margin = width - s.length();
            if (margin <= 0) {
                return s;
            }
            long left = margin / 2 + (margin & width & 1);
            return new TextBuilder(a.budget()).repeat(" ", left).append(s).repeat(" ", margin - left).toString();
        });
    }

    // ---------------------------------------------------------------- helpers

    /** The input of a filter as a list; charges a step for each item the filter will handle. */
    private static List<?> items(Object in, Args a) {
        List<?> list = Values.iterable(in, "the input of " + a.owner(), a.budget());
        a.budget().steps(list.size());
        return list;
    }

    /** A new list with the items of another, charged. */
    private static List<Object> copy(List<?> items, Budget budget) {
        budget.items(items.size());
        return new ArrayList<>(items);
    }

    static String upper(String s, Budget budget) {
        budget.produce(s.length());
        return s.toUpperCase(Locale.ROOT);
    }

    static String lower(String s, Budget budget) {
        budget.produce(s.length());
        return s.toLowerCase(Locale.ROOT);
    }

    /** {@code sep.join(items)}, of an attribute path of each item if one is given. */
    static String join(List<?> items, String sep, String attribute, Budget budget) {
        TextBuilder text = new TextBuilder(budget);
        boolean first = true;
        for (Object item : items) {
            if (!first) {
                text.append(sep);
            }
            first = false;
            Values.appendStr(text, attribute == null ? item : attr(item, attribute, budget));
        }
        return text.toString();
    }

    /** Python's {@code splitlines()} for {@code \n}, {@code \r\n} and {@code \r}. */
    static List<Object> lines(String s, Budget budget) {
        budget.produce(s.length());
        List<Object> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\r') {
                budget.items(1);
                lines.add(s.substring(start, i));
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < s.length()) {
            budget.items(1);
            lines.add(s.substring(start));
        }
        return lines;
    }

    /** An attribute path {@code a.b.0} of an item; raises if it is missing. */
    static Object attr(Object item, String path, Budget budget) {
        Object v = attrOrMissing(item, path, budget);
        if (v == Values.MISSING) {
            throw TemplateError.undefined(path, Values.preview(item) + " has no attribute " + Values.preview(path),
                    -1);
        }
        return v;
    }

    /** An attribute path {@code a.b.0} of an item, or {@link Values#MISSING}. */
    static Object attrOrMissing(Object item, String path, Budget budget) {
        budget.scan(path.length());
        Object v = item;
        for (String part : path.split("\\.")) {
            Object next = Values.attribute(v, part);
            if (next == Values.MISSING && !part.isEmpty() && part.length() < 10
                    && part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                next = Values.item(v, Long.parseLong(part), budget);
            }
            if (next == Values.MISSING) {
                return Values.MISSING;
            }
            v = next;
        }
        return v;
    }

    /** What items are ordered and compared by: an attribute path of each, in lower case unless case sensitive. */
    private static Object key(Object item, boolean caseSensitive, String attribute, Budget budget) {
        Object v = attribute == null ? item : attr(item, attribute, budget);
        return !caseSensitive && v instanceof String s ? lower(s, budget) : v;
    }

    /** The items sorted by their keys (each key computed once); one step for each comparison. */
    private static List<Object> sorted(List<?> items, Function<Object, Object> keyOf, boolean reverse,
            Budget budget) {
        budget.items(2L * items.size());
        List<Object[]> keyed = new ArrayList<>(items.size());
        for (Object item : items) {
            keyed.add(new Object[] { keyOf.apply(item), item });
        }
        Comparator<Object[]> order = (x, y) -> {
            budget.steps(1);
            return Values.compare(x[0], y[0], "<", budget);
        };
        keyed.sort(reverse ? order.reversed() : order);
        List<Object> out = new ArrayList<>(keyed.size());
        for (Object[] pair : keyed) {
            out.add(pair[1]);
        }
        return out;
    }

    /**
     * The items without those whose key equals an earlier one's. Keys that are texts, whole numbers, booleans or
     * none are looked up in a hash set; others are compared with each earlier such key.
     */
    private static List<Object> unique(List<?> items, boolean caseSensitive, String attribute, Budget budget) {
        budget.items(2L * items.size());
        List<Object> out = new ArrayList<>();
        Set<Object> hashed = new HashSet<>();
        List<Object> compared = new ArrayList<>();
        for (Object item : items) {
            Object key = key(item, caseSensitive, attribute, budget);
            Object hashable = hashable(key);
            boolean first;
            if (hashable != null) {
                first = hashed.add(hashable);
            } else {
                budget.steps(compared.size());
                first = compared.stream().noneMatch(seen -> Values.equal(seen, key, budget));
                if (first) {
                    compared.add(key);
                }
            }
            if (first) {
                out.add(item);
            }
        }
        return out;
    }

    private static final Object NONE = new Object();

    /** A key equal (by {@code equals}) to the other keys the engine calls equal to it, or null if there is none. */
    private static Object hashable(Object key) {
        if (key == null) {
            return NONE;
        }
        if (key instanceof String || key instanceof Boolean) {
            return key;
        }
        if (key instanceof Character c) {
            return c.toString();
        }
        if (key instanceof BigInteger big) {
            return big.bitLength() < 64 ? (Object) big.longValue() : null;
        }
        if (Values.isInt(key)) {
            return Values.toLong(key);
        }
        if (key instanceof Double || key instanceof Float) {
            double d = ((Number) key).doubleValue();
            return d == Math.rint(d) && Math.abs(d) < 0x1p62 ? (Object) (long) d : Double.isNaN(d) ? null : d;
        }
        return null;
    }

    private static Object extreme(Object in, Args a, boolean max) {
        Budget budget = a.budget();
        boolean caseSensitive = a.bool(0, "case_sensitive", false);
        String attribute = a.string(1, "attribute", null);
        List<?> list = items(in, a);
        if (list.isEmpty()) {
            return new Undefined(max ? "max" : "min", a.owner() + ": the sequence is empty", -1, false);
        }
        Object best = list.get(0);
        Object bestKey = key(best, caseSensitive, attribute, budget);
        for (Object item : list) {
            Object itemKey = key(item, caseSensitive, attribute, budget);
            int c = Values.compare(itemKey, bestKey, "<", budget);
            if (max ? c > 0 : c < 0) {
                best = item;
                bestKey = itemKey;
            }
        }
        return best;
    }

    private static String capitalize(String s, Budget budget) {
        budget.produce(s.length());
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String title(String s, Budget budget) {
        budget.produce(s.length());
        StringBuilder sb = new StringBuilder(s.length());
        boolean wordStart = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean separator = Character.isWhitespace(c) || "-({[<".indexOf(c) >= 0;
            if (separator) {
                sb.append(c);
                wordStart = true;
            } else {
                sb.append(wordStart ? Character.toUpperCase(c) : Character.toLowerCase(c));
                wordStart = false;
            }
        }
        return sb.toString();
    }

    private static Object toInt(Object in, Object defaultValue, long base, Budget budget) {
        if (in instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (Values.isInt(in)) {
            return Values.normalize(in);
        }
        if (in instanceof Number n) {
            double d = n.doubleValue();
            return Double.isNaN(d) || Double.isInfinite(d) ? defaultValue : (long) d;
        }
        if (in instanceof String s) {
            budget.produce(s.length());
            String t = s.strip().replace("_", "").toLowerCase(Locale.ROOT);
            boolean negative = t.startsWith("-");
            if (negative || t.startsWith("+")) {
                t = t.substring(1);
            }
            if ((base == 16 && t.startsWith("0x")) || (base == 8 && t.startsWith("0o"))
                    || (base == 2 && t.startsWith("0b"))) {
                t = t.substring(2);
            }
            try {
                if (base < Character.MIN_RADIX || base > Character.MAX_RADIX) {
                    throw new NumberFormatException();
                }
                long v = Long.parseLong(t, (int) base);
                return negative ? -v : v;
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                Object f = toFloat(s, null, budget);
                return f == null || Double.isNaN((Double) f) || Double.isInfinite((Double) f) ? defaultValue
                        : (long) (double) (Double) f;
            }
        }
        return defaultValue;
    }

    private static Object toFloat(Object in, Object defaultValue, Budget budget) {
        if (in instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (in instanceof Number n) {
            return n.doubleValue();
        }
        if (in instanceof String s) {
            budget.produce(s.length());
            String t = s.strip().replace("_", "").toLowerCase(Locale.ROOT);
            String unsigned = t.startsWith("-") || t.startsWith("+") ? t.substring(1) : t;
            if (unsigned.equals("inf") || unsigned.equals("infinity")) {
                return t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (unsigned.equals("nan")) {
                return Double.NaN;
            }
            if (!unsigned.isEmpty() && unsigned.chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == 'e'
                    || c == '+' || c == '-')) {
                try {
                    return Double.parseDouble(t);
                } catch (NumberFormatException e) {
                    return defaultValue;
                }
            }
        }
        return defaultValue;
    }

    /** Ansible's {@code bool}: true for True, 1, and the strings yes/on/1/true/y/t (any case). */
    private static Object toBool(Object in, Budget budget) {
        if (in instanceof Boolean b) {
            return b;
        }
        if (in instanceof String s) {
            budget.produce(s.length());
            return Set.of("yes", "on", "1", "true", "y", "t").contains(s.strip().toLowerCase(Locale.ROOT));
        }
        if (in instanceof Number n) {
            return n.doubleValue() == 1.0;
        }
        return false;
    }

    private static Object round(Object in, long precision, String method) {
        if (!(in instanceof Number)) {
            throw TemplateError.runtime("filter 'round' needs a number, not '" + Values.typeName(in) + "'");
        }
        switch (method) {
            case "common" -> {
                if (Values.isInt(in)) {
                    return precision >= 0 ? Values.normalize(in) : precision < -19 ? 0L
                            : BigDecimal.valueOf(Values.toLong(in)).setScale((int) precision, RoundingMode.HALF_EVEN)
                                    .longValue();
                }
                double d = Values.toDouble(in);
                if (Double.isNaN(d) || Double.isInfinite(d) || precision > EXACT_DECIMALS) {
                    return d;
                }
                return new BigDecimal(d).setScale((int) Math.max(precision, -EXACT_DECIMALS), RoundingMode.HALF_EVEN)
                        .doubleValue();
            }
            case "ceil", "floor" -> {
                double scale = Math.pow(10, precision);
                double d = Values.toDouble(in) * scale;
                return (method.equals("ceil") ? Math.ceil(d) : Math.floor(d)) / scale;
            }
            default -> throw TemplateError.runtime("filter 'round': method must be 'common', 'ceil' or 'floor', not "
                    + Values.preview(method));
        }
    }

    /** More decimals than the exact value of any double has (1074), and more than its largest exponent (308). */
    private static final int EXACT_DECIMALS = 1100;

    private static String indent(String s, Object width, boolean first, boolean blank, Budget budget) {
        String indention = width instanceof String w ? w : new TextBuilder(budget).repeat(" ", Values.toLong(
                number(width, "width"))).toString();
        List<Object> lines = lines(s + "\n", budget);
        TextBuilder rv = new TextBuilder(budget, s.length());
        if (first) {
            rv.append(indention);
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = (String) lines.get(i);
            if (i > 0) {
                rv.append('\n');
                if (blank || !line.isEmpty()) {
                    rv.append(indention);
                }
            }
            rv.append(line);
        }
        return rv.toString();
    }

    private static Object number(Object v, String name) {
        if (!Values.isInt(v)) {
            throw TemplateError.runtime("argument '" + name + "' must be an integer, not '" + Values.typeName(v)
                    + "'");
        }
        return v;
    }

    private static Object map(Object in, Args a) {
        List<?> list = items(in, a);
        a.budget().items(list.size());
        List<Object> out = new ArrayList<>(list.size());
        Map<String, Object> kw = a.keywords();
        if (kw.containsKey("attribute")) {
            if (!a.positional().isEmpty()) {
                throw TemplateError.runtime("filter 'map' takes either a filter name or attribute=..., not both");
            }
            for (String k : kw.keySet()) {
                if (!k.equals("attribute") && !k.equals("default")) {
                    throw TemplateError.runtime("filter 'map' has no argument '" + k + "' (it takes attribute,"
                            + " default)");
                }
            }
            String attribute = Values.str(kw.get("attribute"), a.budget());
            for (Object item : list) {
                Object v = attrOrMissing(item, attribute, a.budget());
                if (v == Values.MISSING) {
                    if (!kw.containsKey("default")) {
                        throw TemplateError.undefined(attribute, "filter 'map': " + Values.preview(item)
                                + " has no attribute " + Values.preview(attribute) + " (add default=...)", -1);
                    }
                    v = kw.get("default");
                }
                out.add(v);
            }
            return out;
        }
        if (a.positional().isEmpty() || !(a.positional().get(0) instanceof String name)) {
            throw TemplateError.runtime("filter 'map' needs a filter name or attribute='...'");
        }
        Builtin filter = require(name);
        Args rest = new Args(filter.label(), a.positional().subList(1, a.positional().size()), kw, a.budget());
        filter.checkArity(rest.positional().size(), kw.keySet());
        for (Object item : list) {
            Object v = filter.impl().call(item, rest);
            if (v instanceof Undefined u) {
                throw u.error();
            }
            out.add(v);
        }
        return out;
    }

    private static Object select(Object in, Args a, boolean byAttribute, boolean keep) {
        List<?> list = items(in, a);
        List<Object> pos = a.positional();
        int first = 0;
        String attribute = null;
        if (byAttribute) {
            if (pos.isEmpty()) {
                throw TemplateError.runtime(a.owner() + " needs an attribute name");
            }
            attribute = Values.str(pos.get(0), a.budget());
            first = 1;
        }
        Builtin test = null;
        Args rest = null;
        if (pos.size() > first) {
            test = Tests.require(Values.str(pos.get(first), a.budget()));
            rest = new Args(test.label(), pos.subList(first + 1, pos.size()), a.keywords(), a.budget());
            test.checkArity(rest.positional().size(), a.keywords().keySet());
        } else if (!a.keywords().isEmpty()) {
            throw TemplateError.runtime(a.owner() + " takes keyword arguments only for its test");
        }
        List<Object> out = new ArrayList<>();
        for (Object item : list) {
            Object v = item;
            if (attribute != null) {
                v = attrOrMissing(item, attribute, a.budget());
                if (v == Values.MISSING) {
                    v = new Undefined(attribute, a.owner() + ": " + Values.preview(item) + " has no attribute "
                            + Values.preview(attribute), -1, false);
                }
            }
            boolean ok;
            if (test == null) {
                ok = Values.truthy(v);
            } else {
                if (v instanceof Undefined u && !test.undefinedOk()) {
                    throw u.error();
                }
                ok = Values.truthy(test.impl().call(v, rest));
            }
            if (ok == keep) {
                a.budget().items(1);
                out.add(item);
            }
        }
        return out;
    }
}
