package batou.template.internal;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The tests ({@code value is name(args)}), with Jinja2's names and behaviour. */
public final class Tests {

    private static final Map<String, Builtin> TESTS = new TreeMap<>();

    private Tests() {
    }

    /** The test with this name, or null. */
    public static Builtin get(String name) {
        return TESTS.get(name);
    }

    /** All test names. */
    public static Set<String> names() {
        return Collections.unmodifiableSet(TESTS.keySet());
    }

    /** The test with this name, or a "did you mean" error. */
    public static Builtin require(String name) {
        Builtin t = TESTS.get(name);
        if (t == null) {
            throw TemplateError.runtime("unknown test '" + name + "'" + Names.suggest(name, TESTS.keySet()));
        }
        return t;
    }

    private static void def(String name, String params, Builtin.Impl impl) {
        String[] p = params.isEmpty() ? new String[0] : params.split(",");
        TESTS.put(name, new Builtin("test", name, p, false, false, impl));
    }

    private static void alias(String alias, String name) {
        Builtin b = TESTS.get(name);
        TESTS.put(alias, new Builtin("test", alias, b.params(), b.varargs(), b.undefinedOk(), b.impl()));
    }

    static {
        TESTS.put("defined", new Builtin("test", "defined", new String[0], false, true,
                (in, a) -> !(in instanceof Undefined)));
        TESTS.put("undefined", new Builtin("test", "undefined", new String[0], false, true,
                (in, a) -> in instanceof Undefined));
        def("none", "", (in, a) -> in == null);
        def("number", "", (in, a) -> in instanceof Number || in instanceof Boolean);
        def("integer", "", (in, a) -> Values.isInt(in));
        def("float", "", (in, a) -> in instanceof Double || in instanceof Float || in instanceof BigDecimal);
        def("string", "", (in, a) -> in instanceof String || in instanceof Character);
        def("mapping", "", (in, a) -> in instanceof Map);
        def("sequence", "", (in, a) -> in instanceof String || in instanceof Map || Values.isList(in));
        def("iterable", "", (in, a) -> in instanceof String || in instanceof Map || in instanceof Iterable
                || Values.isList(in));
        def("boolean", "", (in, a) -> in instanceof Boolean);
        def("true", "", (in, a) -> Boolean.TRUE.equals(in));
        def("false", "", (in, a) -> Boolean.FALSE.equals(in));
        def("even", "", (in, a) -> remainder(in, 2L, "even", a.budget()) == 0);
        def("odd", "", (in, a) -> remainder(in, 2L, "odd", a.budget()) == 1);
        def("divisibleby", "num", (in, a) -> remainder(in, a.get(0, "num", Args.REQUIRED), "divisibleby",
                a.budget()) == 0);
        def("eq", "other", (in, a) -> Values.equal(in, a.get(0, "other", Args.REQUIRED), a.budget()));
        alias("equalto", "eq");
        def("ne", "other", (in, a) -> !Values.equal(in, a.get(0, "other", Args.REQUIRED), a.budget()));
        def("lt", "other", (in, a) -> Values.compare(in, a.get(0, "other", Args.REQUIRED), "<", a.budget()) < 0);
        alias("lessthan", "lt");
        def("le", "other", (in, a) -> Values.compare(in, a.get(0, "other", Args.REQUIRED), "<=", a.budget()) <= 0);
        def("gt", "other", (in, a) -> Values.compare(in, a.get(0, "other", Args.REQUIRED), ">", a.budget()) > 0);
        alias("greaterthan", "gt");
        def("ge", "other", (in, a) -> Values.compare(in, a.get(0, "other", Args.REQUIRED), ">=", a.budget()) >= 0);
        def("in", "seq", (in, a) -> Values.contains(a.get(0, "seq", Args.REQUIRED), in, a.budget()));
        def("sameas", "other", (in, a) -> {
            Object other = a.get(0, "other", Args.REQUIRED);
            return in == other || (in instanceof Boolean && in.equals(other));
        });
        def("lower", "", (in, a) -> in instanceof String s && s.equals(Filters.lower(s, a.budget())));
        def("upper", "", (in, a) -> in instanceof String s && s.equals(Filters.upper(s, a.budget())));
    }

    private static double remainder(Object in, Object divisor, String test, Budget budget) {
        if (!(in instanceof Number) || !(divisor instanceof Number)) {
            throw TemplateError.runtime("test '" + test + "' needs numbers, not '" + Values.typeName(
                    in instanceof Number ? divisor : in) + "'");
        }
        Object r = Values.modulo(in, divisor, budget);
        return Values.toDouble(r);
    }
}
