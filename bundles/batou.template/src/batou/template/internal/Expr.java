package batou.template.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression node. {@link #eval(Frame)} may return an {@link Undefined}; {@link #value(Frame)} raises it instead
 * (strict undefined). Nodes are immutable, so a parsed template can be rendered from several threads. Each node knows
 * its depth (evaluation recurses that deep, so the parser bounds it) and its size (the steps a render charges for it:
 * one per node, {@value #CALL} per call).
 */
public abstract class Expr {

    /** Where the expression starts in the template source. */
    protected final int offset;
    private final int depth;
    private final int size;

    /**
     * The steps a call of a filter, test, function or method costs: it evaluates and checks its arguments and
     * allocates them, several times the work of an operator.
     */
    static final int CALL = 4;

    /** @param children the sub-expressions (null entries are ignored) */
    protected Expr(int offset, Expr... children) {
        this(offset, 1, Arrays.asList(children));
    }

    /** @param weight the steps this node itself costs */
    protected Expr(int offset, int weight, List<Expr> children) {
        this.offset = offset;
        int deepest = 0;
        long total = weight;
        for (Expr child : children) {
            if (child != null) {
                deepest = Math.max(deepest, child.depth);
                total += child.size;
            }
        }
        this.depth = deepest + 1;
        this.size = (int) Math.min(total, Integer.MAX_VALUE);
    }

    /** The value, possibly {@link Undefined}. */
    public abstract Object eval(Frame f);

    /** The value; raises if it is undefined. An error without a position gets this expression's. */
    public final Object value(Frame f) {
        Object v;
        try {
            v = eval(f);
        } catch (TemplateError e) {
            throw e.at(offset);
        }
        if (v instanceof Undefined u) {
            throw u.error();
        }
        return v;
    }

    /**
     * The context path this expression reads statically: a name the template does not bind, followed by attribute
     * names and literal string keys; null for any other expression.
     */
    List<String> path(Bindings bound) {
        return null;
    }

    /** Adds the context paths this expression reads (see {@link Reads}). */
    public void reads(Bindings bound, Reads out) {
    }

    public int offset() {
        return offset;
    }

    /** How many levels of sub-expressions this one has (1 for a name or literal). */
    public int depth() {
        return depth;
    }

    /** How many expression nodes this one has, itself included: the steps it costs. */
    public int size() {
        return size;
    }

    /** Adds this expression's static path, or else what its parts read (for attribute and item access). */
    void readsPathOr(Bindings bound, Reads out, Expr... parts) {
        List<String> path = path(bound);
        if (path != null) {
            out.add(path);
        } else {
            readAll(Arrays.asList(parts), bound, out);
        }
    }

    static void readAll(List<Expr> exprs, Bindings bound, Reads out) {
        for (Expr e : exprs) {
            if (e != null) {
                e.reads(bound, out);
            }
        }
    }

    static List<Expr> concat(List<Expr> a, List<Expr> b) {
        List<Expr> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    /** A constant. */
    public static final class Literal extends Expr {
        final Object value;

        public Literal(Object value, int offset) {
            super(offset);
            this.value = value;
        }

        @Override
        public Object eval(Frame f) {
            return value;
        }

        public Object constant() {
            return value;
        }
    }

    /** A variable. */
    public static final class Name extends Expr {
        final String name;

        public Name(String name, int offset) {
            super(offset);
            this.name = name;
        }

        @Override
        public Object eval(Frame f) {
            Object v = f.lookup(name);
            if (v == Values.MISSING || v == batou.template.TemplateObject.UNDEFINED) {
                return new Undefined(name, "'" + name + "' is undefined", offset, true);
            }
            return v;
        }

        @Override
        List<String> path(Bindings bound) {
            return bound.has(name) ? null : List.of(name);
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            out.add(path(bound));
        }
    }

    /** {@code base.attr}: a map key or template object attribute. */
    public static final class GetAttr extends Expr {
        final Expr base;
        final String attr;
        final String baseText;
        final String text;

        public GetAttr(Expr base, String attr, String baseText, String text) {
            super(base.offset, base);
            this.base = base;
            this.attr = attr;
            this.baseText = baseText;
            this.text = text;
        }

        @Override
        public Object eval(Frame f) {
            Object b = base.eval(f);
            if (b instanceof Undefined u) {
                return propagate(u, text);
            }
            Object v;
            try {
                v = Values.attribute(b, attr);
            } catch (TemplateError e) {
                throw e.at(offset);
            } catch (RuntimeException e) {
                throw TemplateError.runtime("reading '" + text + "' failed: " + e, e).at(offset);
            }
            if (v == Values.MISSING) {
                return new Undefined(text, "'" + baseText + "' has no attribute '" + attr + "'"
                        + (b == null ? " (it is None)" : ""), offset, false);
            }
            return v;
        }

        @Override
        List<String> path(Bindings bound) {
            return Reads.extend(base.path(bound), attr);
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            readsPathOr(bound, out, base);
        }
    }

    static Undefined propagate(Undefined u, String text) {
        return u.rootMissing() ? new Undefined(text, "'" + text + "' is undefined", u.offset(), true)
                : new Undefined(text, u.detail(), u.offset(), false);
    }

    /** {@code base[key]}. */
    public static final class GetItem extends Expr {
        final Expr base;
        final Expr key;
        final String baseText;
        final String text;

        public GetItem(Expr base, Expr key, String baseText, String text) {
            super(base.offset, base, key);
            this.base = base;
            this.key = key;
            this.baseText = baseText;
            this.text = text;
        }

        @Override
        public Object eval(Frame f) {
            Object b = base.eval(f);
            if (b instanceof Undefined u) {
                return propagate(u, text);
            }
            Object k = key.value(f);
            Object v = Values.item(b, k, f.budget());
            if (v == Values.MISSING) {
                String detail;
                if (Values.isInt(k) && (Values.isList(b) || b instanceof String)) {
                    detail = "index " + k + " is out of range for '" + baseText + "' ("
                            + Values.length(b, f.budget()) + " items)";
                } else if (b instanceof Map || b instanceof batou.template.TemplateObject) {
                    detail = "'" + baseText + "' has no item " + Values.preview(k);
                } else {
                    detail = "'" + baseText + "' (" + Values.typeName(b) + ") has no item " + Values.preview(k);
                }
                return new Undefined(text, detail, offset, false);
            }
            return v;
        }

        @Override
        List<String> path(Bindings bound) {
            return key instanceof Literal literal && literal.value instanceof String name
                    ? Reads.extend(base.path(bound), name) : null;
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            readsPathOr(bound, out, base, key);
        }
    }

    /** {@code base[start:stop:step]}. */
    public static final class Slice extends Expr {
        final Expr base;
        final Expr start;
        final Expr stop;
        final Expr step;
        final int bracketOffset;

        public Slice(Expr base, Expr start, Expr stop, Expr step, int bracketOffset) {
            super(base.offset, base, start, stop, step);
            this.base = base;
            this.start = start;
            this.stop = stop;
            this.step = step;
            this.bracketOffset = bracketOffset;
        }

        @Override
        public Object eval(Frame f) {
            Object b = base.value(f);
            Object from = start == null ? null : start.value(f);
            Object to = stop == null ? null : stop.value(f);
            Object by = step == null ? null : step.value(f);
            try {
                return Values.slice(b, from, to, by, f.budget());
            } catch (TemplateError e) {
                throw e.at(bracketOffset);
            }
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            readAll(Arrays.asList(base, start, stop, step), bound, out);
        }
    }

    /** A list {@code [a, b]} or tuple {@code (a, b)} literal. */
    public static final class Sequence extends Expr {
        final List<Expr> items;
        final boolean tuple;

        public Sequence(List<Expr> items, boolean tuple, int offset) {
            super(offset, 1, items);
            this.items = List.copyOf(items);
            this.tuple = tuple;
        }

        @Override
        public Object eval(Frame f) {
            f.budget().items(items.size());
            Object[] values = new Object[items.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = items.get(i).value(f);
            }
            return tuple ? new Tuple(values) : new ArrayList<>(Arrays.asList(values));
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            readAll(items, bound, out);
        }
    }

    /** A dict literal {@code {'k': v}}. */
    public static final class Dict extends Expr {
        final List<Expr> keys;
        final List<Expr> values;

        public Dict(List<Expr> keys, List<Expr> values, int offset) {
            super(offset, 1, concat(keys, values));
            this.keys = List.copyOf(keys);
            this.values = List.copyOf(values);
        }

        @Override
        public Object eval(Frame f) {
            f.budget().items(2L * keys.size());
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(Values.normalize(keys.get(i).value(f)), values.get(i).value(f));
            }
            return map;
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            for (int i = 0; i < keys.size(); i++) {
                keys.get(i).reads(bound, out);
                values.get(i).reads(bound, out);
            }
        }
    }

    /** Unary {@code -x}, {@code +x}. */
    public static final class Unary extends Expr {
        final char op;
        final Expr operand;

        public Unary(char op, Expr operand, int offset) {
            super(offset, operand);
            this.op = op;
            this.operand = operand;
        }

        @Override
        public Object eval(Frame f) {
            Object v = operand.value(f);
            try {
                return op == '-' ? Values.negate(v) : Values.plus(v);
            } catch (TemplateError e) {
                throw e.at(offset);
            }
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            operand.reads(bound, out);
        }
    }

    /** {@code not x}. */
    public static final class Not extends Expr {
        final Expr operand;

        public Not(Expr operand, int offset) {
            super(offset, operand);
            this.operand = operand;
        }

        @Override
        public Object eval(Frame f) {
            return !Values.truthy(operand.value(f));
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            operand.reads(bound, out);
        }
    }

    /**
     * Arithmetic of one precedence level, left to right: {@code a + b - c}, {@code a * b / c // d % e},
     * {@code a ** b ** c}. One node for the whole chain, so a long chain is not a deep tree.
     */
    public static final class Arithmetic extends Expr {
        final Expr[] operands;
        final String[] ops;
        final int[] opOffsets;

        /** @param operands one more than {@code ops} */
        public Arithmetic(List<Expr> operands, List<String> ops, List<Integer> opOffsets) {
            super(operands.get(0).offset, 1, operands);
            this.operands = operands.toArray(new Expr[0]);
            this.ops = ops.toArray(new String[0]);
            this.opOffsets = opOffsets.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public Object eval(Frame f) {
            Object a = operands[0].value(f);
            for (int i = 0; i < ops.length; i++) {
                Object b = operands[i + 1].value(f);
                try {
                    a = apply(ops[i], a, b, f.budget());
                } catch (TemplateError e) {
                    throw e.at(opOffsets[i]);
                }
            }
            return a;
        }

        private static Object apply(String op, Object a, Object b, Budget budget) {
            return switch (op) {
                case "+" -> Values.add(a, b, budget);
                case "-" -> Values.subtract(a, b);
                case "*" -> Values.multiply(a, b, budget);
                case "/" -> Values.divide(a, b);
                case "//" -> Values.floorDivide(a, b);
                case "%" -> Values.modulo(a, b, budget);
                case "**" -> Values.power(a, b);
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            readAll(Arrays.asList(operands), bound, out);
        }
    }

    /** {@code a and b and c}, {@code a or b or c}: the deciding operand, like Python. */
    public static final class Logical extends Expr {
        final boolean and;
        final Expr[] operands;

        public Logical(boolean and, List<Expr> operands) {
            super(operands.get(0).offset, 1, operands);
            this.and = and;
            this.operands = operands.toArray(new Expr[0]);
        }

        @Override
        public Object eval(Frame f) {
            int last = operands.length - 1;
            for (int i = 0; i < last; i++) {
                Object v = operands[i].value(f);
                if (Values.truthy(v) != and) {
                    return v;
                }
            }
            return operands[last].value(f);
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            readAll(Arrays.asList(operands), bound, out);
        }
    }

    /** Comparisons, possibly chained: {@code a < b <= c}, {@code x in seq}, {@code x not in seq}. */
    public static final class Compare extends Expr {
        final Expr first;
        final String[] ops;
        final Expr[] rest;
        final int[] opOffsets;

        public Compare(Expr first, List<String> ops, List<Expr> rest, List<Integer> opOffsets) {
            super(first.offset, 1, concat(List.of(first), rest));
            this.first = first;
            this.ops = ops.toArray(new String[0]);
            this.rest = rest.toArray(new Expr[0]);
            this.opOffsets = opOffsets.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public Object eval(Frame f) {
            Budget budget = f.budget();
            Object a = first.value(f);
            for (int i = 0; i < ops.length; i++) {
                Object b = rest[i].value(f);
                boolean ok;
                try {
                    ok = switch (ops[i]) {
                        case "==" -> Values.equal(a, b, budget);
                        case "!=" -> !Values.equal(a, b, budget);
                        case "<" -> Values.compare(a, b, "<", budget) < 0;
                        case "<=" -> Values.compare(a, b, "<=", budget) <= 0;
                        case ">" -> Values.compare(a, b, ">", budget) > 0;
                        case ">=" -> Values.compare(a, b, ">=", budget) >= 0;
                        case "in" -> Values.contains(b, a, budget);
                        case "not in" -> !Values.contains(b, a, budget);
                        default -> throw new IllegalStateException(ops[i]);
                    };
                } catch (TemplateError e) {
                    throw e.at(opOffsets[i]);
                }
                if (!ok) {
                    return false;
                }
                a = b;
            }
            return true;
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            first.reads(bound, out);
            readAll(Arrays.asList(rest), bound, out);
        }
    }

    /** {@code a ~ b ~ c}: string concatenation of the values' {@code str()}. */
    public static final class Concat extends Expr {
        final List<Expr> items;

        public Concat(List<Expr> items) {
            super(items.get(0).offset, 1, items);
            this.items = List.copyOf(items);
        }

        @Override
        public Object eval(Frame f) {
            TextBuilder text = new TextBuilder(f.budget());
            for (Expr e : items) {
                Values.appendStr(text, e.value(f));
            }
            return text.toString();
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            readAll(items, bound, out);
        }
    }

    /** {@code a if test else b}; without {@code else} the result is none. */
    public static final class Conditional extends Expr {
        final Expr test;
        final Expr then;
        final Expr otherwise;

        public Conditional(Expr test, Expr then, Expr otherwise) {
            super(then.offset, test, then, otherwise);
            this.test = test;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        public Object eval(Frame f) {
            if (Values.truthy(test.value(f))) {
                return then.eval(f);
            }
            return otherwise == null ? null : otherwise.eval(f);
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            readAll(Arrays.asList(test, then, otherwise), bound, out);
        }
    }

    /** Call arguments: positional expressions and keyword expressions. */
    public record CallArgs(List<Expr> positional, List<String> keywordNames, List<Expr> keywordValues) {

        public static final CallArgs NONE = new CallArgs(List.of(), List.of(), List.of());

        public Args evaluate(Frame f, String owner) {
            List<Object> values = positional.isEmpty() ? List.of() : new ArrayList<>(positional.size());
            for (Expr e : positional) {
                values.add(e.value(f));
            }
            Map<String, Object> keywords = keywordNames.isEmpty() ? Map.of() : new LinkedHashMap<>();
            for (int i = 0; i < keywordNames.size(); i++) {
                keywords.put(keywordNames.get(i), keywordValues.get(i).value(f));
            }
            return new Args(owner, values, keywords, f.budget());
        }

        /** Every argument expression, for depth and size. */
        List<Expr> all() {
            return concat(positional, keywordValues);
        }

        void reads(Bindings bound, Reads out) {
            readAll(all(), bound, out);
        }
    }

    /** {@code input | filter(args)}, or a global function call {@code range(3)} (input is null then). */
    public static final class Apply extends Expr {
        final Expr input;
        final Builtin builtin;
        final String label;
        final CallArgs args;
        final int nameOffset;

        public Apply(Expr input, Builtin builtin, CallArgs args, int nameOffset) {
            super(input == null ? nameOffset : input.offset, CALL, concat(input == null ? List.of()
                    : List.of(input), args.all()));
            this.input = input;
            this.builtin = builtin;
            this.label = builtin.label();
            this.args = args;
            this.nameOffset = nameOffset;
        }

        @Override
        public Object eval(Frame f) {
            Object in = input == null ? null : builtin.undefinedOk() ? input.eval(f) : input.value(f);
            Args a = args.evaluate(f, label);
            try {
                builtin.checkArity(a.positional().size(), a.keywords().keySet());
                Object result = builtin.impl().call(in, a);
                return result instanceof Undefined u ? u.at(nameOffset) : result;
            } catch (TemplateError e) {
                throw e.at(nameOffset);
            } catch (RuntimeException e) {
                throw TemplateError.runtime(label + " failed: " + e, e).at(nameOffset);
            }
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            if (input != null) {
                input.reads(bound, out);
            }
            args.reads(bound, out);
        }
    }

    /** {@code input is [not] test(args)}. */
    public static final class Test extends Expr {
        final Expr input;
        final Builtin test;
        final String label;
        final boolean negated;
        final CallArgs args;
        final int nameOffset;

        public Test(Expr input, Builtin test, boolean negated, CallArgs args, int nameOffset) {
            super(input.offset, CALL, concat(List.of(input), args.all()));
            this.input = input;
            this.test = test;
            this.label = test.label();
            this.negated = negated;
            this.args = args;
            this.nameOffset = nameOffset;
        }

        @Override
        public Object eval(Frame f) {
            Object in = test.undefinedOk() ? input.eval(f) : input.value(f);
            Args a = args.evaluate(f, label);
            try {
                test.checkArity(a.positional().size(), a.keywords().keySet());
                return Values.truthy(test.impl().call(in, a)) != negated;
            } catch (TemplateError e) {
                throw e.at(nameOffset);
            } catch (RuntimeException e) {
                throw TemplateError.runtime(label + " failed: " + e, e).at(nameOffset);
            }
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            input.reads(bound, out);
            args.reads(bound, out);
        }
    }

    /** {@code receiver.method(args)}: the few Python methods of strings, maps and loop. */
    public static final class MethodCall extends Expr {
        final Expr receiver;
        final String method;
        final String label;
        final CallArgs args;
        final int nameOffset;

        public MethodCall(Expr receiver, String method, CallArgs args, int nameOffset) {
            super(receiver.offset, CALL, concat(List.of(receiver), args.all()));
            this.receiver = receiver;
            this.method = method;
            this.label = "method '" + method + "'";
            this.args = args;
            this.nameOffset = nameOffset;
        }

        @Override
        public Object eval(Frame f) {
            Object r = receiver.value(f);
            Args a = args.evaluate(f, label);
            try {
                return Methods.call(r, method, a);
            } catch (TemplateError e) {
                throw e.at(nameOffset);
            } catch (RuntimeException e) {
                throw TemplateError.runtime(label + " failed: " + e, e).at(nameOffset);
            }
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            receiver.reads(bound, out);
            args.reads(bound, out);
        }
    }
}
