package batou.template.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The Python methods templates may call on values: string methods, map methods and {@code loop.cycle}. */
public final class Methods {

    /** Every method name, for parse-time checks. */
    public static final Set<String> NAMES = Set.of("items", "keys", "values", "get", "split", "strip", "lstrip",
            "rstrip", "lower", "upper", "title", "capitalize", "startswith", "endswith", "replace", "format", "join",
            "splitlines", "find", "count", "cycle");

    private Methods() {
    }

    /** Calls a method on a receiver. */
    public static Object call(Object receiver, String name, Args a) {
        if (receiver instanceof String s) {
            return string(s, name, a);
        }
        if (receiver instanceof Map<?, ?> m) {
            switch (name) {
                case "items" -> {
                    arity(a, name, 0);
                    return items(m, a.budget());
                }
                case "keys" -> {
                    arity(a, name, 0);
                    a.budget().items(m.size());
                    return new ArrayList<>(m.keySet());
                }
                case "values" -> {
                    arity(a, name, 0);
                    a.budget().items(m.size());
                    return new ArrayList<>(m.values());
                }
                case "get" -> {
                    arity(a, name, 2);
                    Object v = Values.mapGet(m, a.get(0, "key", Args.REQUIRED));
                    return v == Values.MISSING ? a.get(1, "default", null) : v;
                }
                default -> {
                }
            }
        }
        if (receiver instanceof LoopContext loop && name.equals("cycle")) {
            return loop.cycle(a.positional());
        }
        throw TemplateError.runtime("'" + Values.typeName(receiver) + "' has no method '" + name + "'");
    }

    /** A map's items as a list of (key, value) tuples. */
    public static List<Object> items(Map<?, ?> m, Budget budget) {
        budget.items(3L * m.size());
        List<Object> items = new ArrayList<>(m.size());
        for (Map.Entry<?, ?> e : m.entrySet()) {
            items.add(new Tuple(e.getKey(), e.getValue()));
        }
        return items;
    }

    private static Object string(String s, String name, Args a) {
        Budget budget = a.budget();
        switch (name) {
            case "split" -> {
                arity(a, name, 2);
                return Strings.split(s, a.string(0, "sep", null), a.integer(1, "maxsplit", -1L), budget);
            }
            case "strip", "lstrip", "rstrip" -> {
                arity(a, name, 1);
                return Strings.strip(s, a.string(0, "chars", null), !name.equals("rstrip"), !name.equals("lstrip"),
                        budget);
            }
            case "lower" -> {
                arity(a, name, 0);
                return Filters.lower(s, budget);
            }
            case "upper" -> {
                arity(a, name, 0);
                return Filters.upper(s, budget);
            }
            case "title" -> {
                arity(a, name, 0);
                return Filters.require("title").impl().call(s, a);
            }
            case "capitalize" -> {
                arity(a, name, 0);
                return Filters.require("capitalize").impl().call(s, a);
            }
            case "startswith", "endswith" -> {
                arity(a, name, 1);
                Object arg = a.get(0, "prefix", Args.REQUIRED);
                List<?> options = Values.isList(arg) ? Values.asList(arg, budget) : List.of(arg);
                for (Object o : options) {
                    if (!(o instanceof String p)) {
                        throw TemplateError.runtime(name + "() needs a string, not '" + Values.typeName(o) + "'");
                    }
                    budget.steps(1);
                    budget.scan(p.length());
                    if (name.equals("startswith") ? s.startsWith(p) : s.endsWith(p)) {
                        return true;
                    }
                }
                return false;
            }
            case "replace" -> {
                arity(a, name, 3);
                return Strings.replace(s, a.string(0, "old", Args.REQUIRED), a.string(1, "new", Args.REQUIRED),
                        a.integer(2, "count", -1L), budget);
            }
            case "format" -> {
                return PyFormat.format(s, a.positional(), a.keywords(), budget);
            }
            case "join" -> {
                arity(a, name, 1);
                return Filters.join(Values.iterable(a.get(0, "iterable", Args.REQUIRED), "the argument of join()",
                        budget), s, null, budget);
            }
            case "splitlines" -> {
                arity(a, name, 0);
                return Filters.lines(s, budget);
            }
            case "find" -> {
                arity(a, name, 1);
                return (long) Search.indexOf(s, a.string(0, "sub", Args.REQUIRED), 0, budget);
            }
            case "count" -> {
                arity(a, name, 1);
                String sub = a.string(0, "sub", Args.REQUIRED);
                if (sub.isEmpty()) {
                    return (long) s.length() + 1;
                }
                long n = 0;
                for (int i = Search.indexOf(s, sub, 0, budget); i >= 0;
                        i = Search.indexOf(s, sub, i + sub.length(), budget)) {
                    n++;
                }
                return n;
            }
            default -> throw TemplateError.runtime("'str' has no method '" + name + "'");
        }
    }

    private static void arity(Args a, String name, int max) {
        if (a.positional().size() > max) {
            throw TemplateError.runtime(name + "() takes at most " + max + " argument" + (max == 1 ? "" : "s")
                    + " but " + a.positional().size() + " were given");
        }
        if (!a.keywords().isEmpty() && !name.equals("get") && !name.equals("split") && !name.equals("replace")) {
            throw TemplateError.runtime(name + "() takes no keyword arguments");
        }
    }
}
