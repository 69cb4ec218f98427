package batou.template.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

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
        def("upper", "", (in, a) -> Values.str(in).toUpperCase(Locale.ROOT));
        def("lower", "", (in, a) -> Values.str(in).toLowerCase(Locale.ROOT));
        def("capitalize", "", (in, a) -> capitalize(Values.str(in)));
        def("title", "", (in, a) -> title(Values.str(in)));
        def("trim", "chars", (in, a) -> Strings.strip(Values.str(in), a.string(0, "chars", null), true, true));
        def("replace", "old,new,count", (in, a) -> Strings.replace(Values.str(in), Values.str(a.get(0, "old",
                Args.REQUIRED)), Values.str(a.get(1, "new", Args.REQUIRED)), a.integer(2, "count", -1L)));
        def("length", "", (in, a) -> (long) Values.length(in));
        alias("count", "length");
        def("first", "", (in, a) -> {
            List<?> list = items(in, a);
            return list.isEmpty() ? new Undefined("first", "filter 'first': the sequence is empty", -1, false)
                    : list.get(0);
        });
        def("last", "", (in, a) -> {
            List<?> list = items(in, a);
            return list.isEmpty() ? new Undefined("last", "filter 'last': the sequence is empty", -1, false)
                    : list.get(list.size() - 1);
        });
        def("join", "d,attribute", (in, a) -> {
            String sep = Values.str(a.get(0, "d", ""));
            String attribute = a.string(1, "attribute", null);
            StringBuilder sb = new StringBuilder();
            boolean first = true;
            for (Object item : items(in, a)) {
                if (!first) {
                    sb.append(sep);
                }
                first = false;
                Values.appendStr(sb, attribute == null ? item : attr(item, attribute));
            }
            return sb.toString();
        });
        def("sort", "reverse,case_sensitive,attribute", (in, a) -> {
            List<Object> list = new ArrayList<>(items(in, a));
            Comparator<Object> order = order(a.bool(1, "case_sensitive", false), a.string(2, "attribute", null));
            list.sort(a.bool(0, "reverse", false) ? order.reversed() : order);
            return list;
        });
        def("unique", "case_sensitive,attribute", (in, a) -> {
            boolean caseSensitive = a.bool(0, "case_sensitive", false);
            String attribute = a.string(1, "attribute", null);
            List<Object> out = new ArrayList<>();
            List<Object> seen = new ArrayList<>();
            for (Object item : items(in, a)) {
                Object key = key(item, caseSensitive, attribute);
                if (seen.stream().noneMatch(s -> Values.equal(s, key))) {
                    seen.add(key);
                    out.add(item);
                }
            }
            return out;
        });
        def("reverse", "", (in, a) -> {
            if (in instanceof String s) {
                return new StringBuilder(s).reverse().toString();
            }
            List<Object> list = new ArrayList<>(items(in, a));
            Collections.reverse(list);
            return list;
        });
        def("list", "", (in, a) -> new ArrayList<>(items(in, a)));
        def("string", "", (in, a) -> Values.str(in));
        def("int", "default,base", (in, a) -> toInt(in, a.get(0, "default", 0L), a.integer(1, "base", 10L)));
        def("float", "default", (in, a) -> toFloat(in, a.get(0, "default", 0.0)));
        def("bool", "", (in, a) -> toBool(in));
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
                total = Values.add(total, attribute == null ? item : attr(item, attribute));
            }
            return total;
        });
        def("indent", "width,first,blank", (in, a) -> indent(Values.str(in), a.get(0, "width", 4L),
                a.bool(1, "first", false), a.bool(2, "blank", false)));
        def("tojson", "indent", (in, a) -> {
            Object indent = a.get(0, "indent", null);
            return Json.write(in, indent == null ? null : (int) a.integer(0, "indent", null));
        });
        def("items", "", (in, a) -> {
            if (!(in instanceof Map<?, ?> m)) {
                throw TemplateError.runtime("filter 'items' needs a mapping, not '" + Values.typeName(in) + "'");
            }
            return Methods.items(m);
        });
        def("dictsort", "case_sensitive,by,reverse", (in, a) -> {
            if (!(in instanceof Map<?, ?> m)) {
                throw TemplateError.runtime("filter 'dictsort' needs a mapping, not '" + Values.typeName(in)
                        + "'");
            }
            boolean caseSensitive = a.bool(0, "case_sensitive", false);
            String by = a.string(1, "by", "key");
            if (!by.equals("key") && !by.equals("value")) {
                throw TemplateError.runtime("filter 'dictsort': by must be 'key' or 'value'");
            }
            int index = by.equals("key") ? 0 : 1;
            List<Object> list = new ArrayList<>(Methods.items(m));
            Comparator<Object> order = (x, y) -> Values.compare(key(((Tuple) x).get(index), caseSensitive, null),
                    key(((Tuple) y).get(index), caseSensitive, null), "<");
            list.sort(a.bool(2, "reverse", false) ? order.reversed() : order);
            return list;
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
            return PyFormat.percent(Values.str(in), a.keywords().isEmpty()
                    ? new Tuple(a.positional().toArray()) : a.keywords());
        });
        def("regex_replace", "pattern,replacement,ignorecase,multiline", (in, a) -> Regex.replace(Values.str(in),
                Values.str(a.get(0, "pattern", Args.REQUIRED)), Values.str(a.get(1, "replacement", "")),
                a.bool(2, "ignorecase", false), a.bool(3, "multiline", false)));
        def("quote", "", (in, a) -> Strings.shellQuote(Values.str(in)));
        def("basename", "", (in, a) -> {
            String p = Values.str(in);
            return p.substring(p.lastIndexOf('/') + 1);
        });
        def("dirname", "", (in, a) -> {
            String p = Values.str(in);
            String head = p.substring(0, p.lastIndexOf('/') + 1);
            if (!head.isEmpty() && !head.chars().allMatch(c -> c == '/')) {
                head = head.replaceAll("/+$", "");
            }
            return head;
        });
        def("safe", "", (in, a) -> in);
        def("attr", "name", (in, a) -> {
            String name = a.string(0, "name", Args.REQUIRED);
            Object v = Values.attribute(in, name);
            return v == Values.MISSING ? new Undefined(name, "filter 'attr': no attribute '" + name + "'", -1, false)
                    : v;
        });
        def("center", "width", (in, a) -> {
            String s = Values.str(in);
            int width = (int) a.integer(0, "width", 80L);
            int margin = width - s.length();
            if (margin <= 0) {
                return s;
            }
            int left = margin / 2 + (margin & width & 1);
            return " ".repeat(left) + s + " ".repeat(margin - left);
        });
    }

    // ---------------------------------------------------------------- helpers

    private static List<?> items(Object in, Args a) {
        return Values.iterable(in, "the input of " + a.owner());
    }

    /** An attribute path {@code a.b.0} of an item; raises if it is missing. */
    static Object attr(Object item, String path) {
        Object v = attrOrMissing(item, path);
        if (v == Values.MISSING) {
            throw TemplateError.undefined(path, Values.repr(item) + " has no attribute '" + path + "'", -1);
        }
        return v;
    }

    /** An attribute path {@code a.b.0} of an item, or {@link Values#MISSING}. */
    static Object attrOrMissing(Object item, String path) {
        Object v = item;
        for (String part : path.split("\\.")) {
            Object next = Values.attribute(v, part);
            if (next == Values.MISSING && !part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
                next = Values.item(v, Long.parseLong(part));
            }
            if (next == Values.MISSING) {
                return Values.MISSING;
            }
            v = next;
        }
        return v;
    }

    private static Object key(Object item, boolean caseSensitive, String attribute) {
        Object v = attribute == null ? item : attr(item, attribute);
        return !caseSensitive && v instanceof String s ? s.toLowerCase(Locale.ROOT) : v;
    }

    private static Comparator<Object> order(boolean caseSensitive, String attribute) {
        return (x, y) -> Values.compare(key(x, caseSensitive, attribute), key(y, caseSensitive, attribute), "<");
    }

    private static Object extreme(Object in, Args a, boolean max) {
        boolean caseSensitive = a.bool(0, "case_sensitive", false);
        String attribute = a.string(1, "attribute", null);
        List<?> list = items(in, a);
        if (list.isEmpty()) {
            return new Undefined(max ? "max" : "min", a.owner() + ": the sequence is empty", -1, false);
        }
        Comparator<Object> order = order(caseSensitive, attribute);
        Object best = list.get(0);
        for (Object item : list) {
            int c = order.compare(item, best);
            if (max ? c > 0 : c < 0) {
                best = item;
            }
        }
        return best;
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1).toLowerCase(Locale.ROOT);
    }

    private static String title(String s) {
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

    private static Object toInt(Object in, Object defaultValue, long base) {
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
                long v = Long.parseLong(t, (int) base);
                return negative ? -v : v;
            } catch (NumberFormatException | IndexOutOfBoundsException e) {
                Object f = toFloat(s, null);
                return f == null || Double.isNaN((Double) f) || Double.isInfinite((Double) f) ? defaultValue
                        : (long) (double) (Double) f;
            }
        }
        return defaultValue;
    }

    private static Object toFloat(Object in, Object defaultValue) {
        if (in instanceof Boolean b) {
            return b ? 1.0 : 0.0;
        }
        if (in instanceof Number n) {
            return n.doubleValue();
        }
        if (in instanceof String s) {
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
    private static Object toBool(Object in) {
        if (in instanceof Boolean b) {
            return b;
        }
        if (in instanceof String s) {
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
                    return precision >= 0 ? Values.normalize(in) : BigDecimal.valueOf(Values.toLong(in))
                            .setScale((int) precision, RoundingMode.HALF_EVEN).longValue();
                }
                double d = Values.toDouble(in);
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    return d;
                }
                return new BigDecimal(d).setScale((int) precision, RoundingMode.HALF_EVEN).doubleValue();
            }
            case "ceil", "floor" -> {
                double scale = Math.pow(10, precision);
                double d = Values.toDouble(in) * scale;
                return (method.equals("ceil") ? Math.ceil(d) : Math.floor(d)) / scale;
            }
            default -> throw TemplateError.runtime("filter 'round': method must be 'common', 'ceil' or 'floor', not "
                    + Values.repr(method));
        }
    }

    private static String indent(String s, Object width, boolean first, boolean blank) {
        String indention = width instanceof String w ? w : " ".repeat((int) Math.max(0, Values.toLong(
                number(width, "width"))));
        List<String> lines = new ArrayList<>(List.of((s + "\n").split("\r\n|\r|\n", -1)));
        lines.remove(lines.size() - 1);
        StringBuilder rv = new StringBuilder();
        if (blank) {
            rv.append(String.join("\n" + indention, lines));
        } else {
            rv.append(lines.get(0));
            for (int i = 1; i < lines.size(); i++) {
                rv.append('\n');
                if (!lines.get(i).isEmpty()) {
                    rv.append(indention);
                }
                rv.append(lines.get(i));
            }
        }
        return first ? indention + rv : rv.toString();
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
            String attribute = Values.str(kw.get("attribute"));
            for (Object item : list) {
                Object v = attrOrMissing(item, attribute);
                if (v == Values.MISSING) {
                    if (!kw.containsKey("default")) {
                        throw TemplateError.undefined(attribute, "filter 'map': " + Values.repr(item)
                                + " has no attribute '" + attribute + "' (add default=...)", -1);
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
        Args rest = new Args(filter.label(), a.positional().subList(1, a.positional().size()), kw);
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
            attribute = Values.str(pos.get(0));
            first = 1;
        }
        Builtin test = null;
        Args rest = null;
        if (pos.size() > first) {
            test = Tests.require(Values.str(pos.get(first)));
            rest = new Args(test.label(), pos.subList(first + 1, pos.size()), a.keywords());
            test.checkArity(rest.positional().size(), a.keywords().keySet());
        } else if (!a.keywords().isEmpty()) {
            throw TemplateError.runtime(a.owner() + " takes keyword arguments only for its test");
        }
        List<Object> out = new ArrayList<>();
        for (Object item : list) {
            Object v = item;
            if (attribute != null) {
                v = attrOrMissing(item, attribute);
                if (v == Values.MISSING) {
                    v = new Undefined(attribute, a.owner() + ": " + Values.repr(item) + " has no attribute '"
                            + attribute + "'", -1, false);
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
                out.add(item);
            }
        }
        return out;
    }
}
