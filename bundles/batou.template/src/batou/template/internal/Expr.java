package batou.template.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An expression node. {@link #eval(Frame)} may return an {@link Undefined}; {@link #value(Frame)} raises it instead
 * (strict undefined). Nodes are immutable, so a parsed template can be rendered from several threads.
 */
public abstract class Expr {

    /** Where the expression starts in the template source. */
    protected final int offset;

    protected Expr(int offset) {
        this.offset = offset;
    }

    /** The value, possibly {@link Undefined}. */
    public abstract Object eval(Frame f);

    /** The value; raises if it is undefined. */
    public final Object value(Frame f) {
        Object v = eval(f);
        if (v instanceof Undefined u) {
            throw u.error();
        }
        return v;
    }

    /** Adds the names of variables this expression reads and that are not in {@code bound}. */
    public void names(Set<String> bound, Set<String> out) {
    }

    public int offset() {
        return offset;
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
        public void names(Set<String> bound, Set<String> out) {
            if (!bound.contains(name)) {
                out.add(name);
            }
        }
    }

    /** {@code base.attr}: a map key or template object attribute. */
    public static final class GetAttr extends Expr {
        final Expr base;
        final String attr;
        final String baseText;
        final String text;

        public GetAttr(Expr base, String attr, String baseText, String text) {
            super(base.offset);
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
        public void names(Set<String> bound, Set<String> out) {
            base.names(bound, out);
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
            super(base.offset);
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
            Object v = Values.item(b, k);
            if (v == Values.MISSING) {
                String detail;
                if (Values.isInt(k) && (Values.isList(b) || b instanceof String)) {
                    detail = "index " + k + " is out of range for '" + baseText + "' (" + Values.length(b)
                            + " items)";
                } else if (b instanceof Map || b instanceof batou.template.TemplateObject) {
                    detail = "'" + baseText + "' has no item " + Values.repr(k);
                } else {
                    detail = "'" + baseText + "' (" + Values.typeName(b) + ") has no item " + Values.repr(k);
                }
                return new Undefined(text, detail, offset, false);
            }
            return v;
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            base.names(bound, out);
            key.names(bound, out);
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
            super(base.offset);
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
                return Values.slice(b, from, to, by);
            } catch (TemplateError e) {
                throw e.at(bracketOffset);
            }
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            for (Expr e : new Expr[] { base, start, stop, step }) {
                if (e != null) {
                    e.names(bound, out);
                }
            }
        }
    }

    /** A list {@code [a, b]} or tuple {@code (a, b)} literal. */
    public static final class Sequence extends Expr {
        final List<Expr> items;
        final boolean tuple;

        public Sequence(List<Expr> items, boolean tuple, int offset) {
            super(offset);
            this.items = List.copyOf(items);
            this.tuple = tuple;
        }

        @Override
        public Object eval(Frame f) {
            Object[] values = new Object[items.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = items.get(i).value(f);
            }
            return tuple ? new Tuple(values) : new ArrayList<>(java.util.Arrays.asList(values));
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            items.forEach(e -> e.names(bound, out));
        }
    }

    /** A dict literal {@code {'k': v}}. */
    public static final class Dict extends Expr {
        final List<Expr> keys;
        final List<Expr> values;

        public Dict(List<Expr> keys, List<Expr> values, int offset) {
            super(offset);
            this.keys = List.copyOf(keys);
            this.values = List.copyOf(values);
        }

        @Override
        public Object eval(Frame f) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                map.put(Values.normalize(keys.get(i).value(f)), values.get(i).value(f));
            }
            return map;
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            keys.forEach(e -> e.names(bound, out));
            values.forEach(e -> e.names(bound, out));
        }
    }

    /** Unary {@code -x}, {@code +x}. */
    public static final class Unary extends Expr {
        final char op;
        final Expr operand;

        public Unary(char op, Expr operand, int offset) {
            super(offset);
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
        public void names(Set<String> bound, Set<String> out) {
            operand.names(bound, out);
        }
    }

    /** {@code not x}. */
    public static final class Not extends Expr {
        final Expr operand;

        public Not(Expr operand, int offset) {
            super(offset);
            this.operand = operand;
        }

        @Override
        public Object eval(Frame f) {
            return !Values.truthy(operand.value(f));
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            operand.names(bound, out);
        }
    }

    /** Arithmetic: {@code + - * / // % **}. */
    public static final class Binary extends Expr {
        final String op;
        final Expr left;
        final Expr right;
        final int opOffset;

        public Binary(String op, Expr left, Expr right, int opOffset) {
            super(left.offset);
            this.op = op;
            this.left = left;
            this.right = right;
            this.opOffset = opOffset;
        }

        @Override
        public Object eval(Frame f) {
            Object a = left.value(f);
            Object b = right.value(f);
            try {
                return switch (op) {
                    case "+" -> Values.add(a, b);
                    case "-" -> Values.subtract(a, b);
                    case "*" -> Values.multiply(a, b);
                    case "/" -> Values.divide(a, b);
                    case "//" -> Values.floorDivide(a, b);
                    case "%" -> Values.modulo(a, b);
                    case "**" -> Values.power(a, b);
                    default -> throw new IllegalStateException(op);
                };
            } catch (TemplateError e) {
                throw e.at(opOffset);
            }
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            left.names(bound, out);
            right.names(bound, out);
        }
    }

    /** {@code a and b}, {@code a or b}: the deciding operand, like Python. */
    public static final class Logical extends Expr {
        final boolean and;
        final Expr left;
        final Expr right;

        public Logical(boolean and, Expr left, Expr right) {
            super(left.offset);
            this.and = and;
            this.left = left;
            this.right = right;
        }

        @Override
        public Object eval(Frame f) {
            Object a = left.value(f);
            if (Values.truthy(a) != and) {
                return a;
            }
            return right.value(f);
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            left.names(bound, out);
            right.names(bound, out);
        }
    }

    /** Comparisons, possibly chained: {@code a < b <= c}, {@code x in seq}, {@code x not in seq}. */
    public static final class Compare extends Expr {
        final Expr first;
        final String[] ops;
        final Expr[] rest;
        final int[] opOffsets;

        public Compare(Expr first, List<String> ops, List<Expr> rest, List<Integer> opOffsets) {
            super(first.offset);
            this.first = first;
            this.ops = ops.toArray(new String[0]);
            this.rest = rest.toArray(new Expr[0]);
            this.opOffsets = opOffsets.stream().mapToInt(Integer::intValue).toArray();
        }

        @Override
        public Object eval(Frame f) {
            Object a = first.value(f);
            for (int i = 0; i < ops.length; i++) {
                Object b = rest[i].value(f);
                boolean ok;
                try {
                    ok = switch (ops[i]) {
                        case "==" -> Values.equal(a, b);
                        case "!=" -> !Values.equal(a, b);
                        case "<" -> Values.compare(a, b, "<") < 0;
                        case "<=" -> Values.compare(a, b, "<=") <= 0;
                        case ">" -> Values.compare(a, b, ">") > 0;
                        case ">=" -> Values.compare(a, b, ">=") >= 0;
                        case "in" -> Values.contains(b, a);
                        case "not in" -> !Values.contains(b, a);
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
        public void names(Set<String> bound, Set<String> out) {
            first.names(bound, out);
            for (Expr e : rest) {
                e.names(bound, out);
            }
        }
    }

    /** {@code a ~ b ~ c}: string concatenation of the values' {@code str()}. */
    public static final class Concat extends Expr {
        final List<Expr> items;

        public Concat(List<Expr> items) {
            super(items.get(0).offset);
            this.items = List.copyOf(items);
        }

        @Override
        public Object eval(Frame f) {
            StringBuilder sb = new StringBuilder();
            for (Expr e : items) {
                Values.appendStr(sb, e.value(f));
            }
            return sb.toString();
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            items.forEach(e -> e.names(bound, out));
        }
    }

    /** {@code a if test else b}; without {@code else} the result is none. */
    public static final class Conditional extends Expr {
        final Expr test;
        final Expr then;
        final Expr otherwise;

        public Conditional(Expr test, Expr then, Expr otherwise) {
            super(then.offset);
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
        public void names(Set<String> bound, Set<String> out) {
            test.names(bound, out);
            then.names(bound, out);
            if (otherwise != null) {
                otherwise.names(bound, out);
            }
        }
    }

    /** Call arguments: positional expressions and keyword expressions. */
    public record CallArgs(List<Expr> positional, List<String> keywordNames, List<Expr> keywordValues) {

        public static final CallArgs NONE = new CallArgs(List.of(), List.of(), List.of());

        public Args evaluate(Frame f, String owner) {
            List<Object> values = new ArrayList<>(positional.size());
            for (Expr e : positional) {
                values.add(e.value(f));
            }
            Map<String, Object> keywords = keywordNames.isEmpty() ? Map.of() : new LinkedHashMap<>();
            for (int i = 0; i < keywordNames.size(); i++) {
                keywords.put(keywordNames.get(i), keywordValues.get(i).value(f));
            }
            return new Args(owner, values, keywords);
        }

        void names(Set<String> bound, Set<String> out) {
            positional.forEach(e -> e.names(bound, out));
            keywordValues.forEach(e -> e.names(bound, out));
        }
    }

    /** {@code input | filter(args)}, or a global function call {@code range(3)} (input is null then). */
    public static final class Apply extends Expr {
        final Expr input;
        final Builtin builtin;
        final CallArgs args;
        final int nameOffset;

        public Apply(Expr input, Builtin builtin, CallArgs args, int nameOffset) {
            super(input == null ? nameOffset : input.offset);
            this.input = input;
            this.builtin = builtin;
            this.args = args;
            this.nameOffset = nameOffset;
        }

        @Override
        public Object eval(Frame f) {
            Object in = input == null ? null : builtin.undefinedOk() ? input.eval(f) : input.value(f);
            Args a = args.evaluate(f, builtin.label());
            try {
                builtin.checkArity(a.positional().size(), a.keywords().keySet());
                Object result = builtin.impl().call(in, a);
                return result instanceof Undefined u ? u.at(nameOffset) : result;
            } catch (TemplateError e) {
                throw e.at(nameOffset);
            } catch (RuntimeException e) {
                throw TemplateError.runtime(builtin.label() + " failed: " + e, e).at(nameOffset);
            }
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            if (input != null) {
                input.names(bound, out);
            }
            args.names(bound, out);
        }
    }

    /** {@code input is [not] test(args)}. */
    public static final class Test extends Expr {
        final Expr input;
        final Builtin test;
        final boolean negated;
        final CallArgs args;
        final int nameOffset;

        public Test(Expr input, Builtin test, boolean negated, CallArgs args, int nameOffset) {
            super(input.offset);
            this.input = input;
            this.test = test;
            this.negated = negated;
            this.args = args;
            this.nameOffset = nameOffset;
        }

        @Override
        public Object eval(Frame f) {
            Object in = test.undefinedOk() ? input.eval(f) : input.value(f);
            Args a = args.evaluate(f, test.label());
            try {
                test.checkArity(a.positional().size(), a.keywords().keySet());
                return Values.truthy(test.impl().call(in, a)) != negated;
            } catch (TemplateError e) {
                throw e.at(nameOffset);
            } catch (RuntimeException e) {
                throw TemplateError.runtime(test.label() + " failed: " + e, e).at(nameOffset);
            }
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            input.names(bound, out);
            args.names(bound, out);
        }
    }

    /** {@code receiver.method(args)}: the few Python methods of strings, maps and loop. */
    public static final class MethodCall extends Expr {
        final Expr receiver;
        final String method;
        final CallArgs args;
        final int nameOffset;

        public MethodCall(Expr receiver, String method, CallArgs args, int nameOffset) {
            super(receiver.offset);
            this.receiver = receiver;
            this.method = method;
            this.args = args;
            this.nameOffset = nameOffset;
        }

        @Override
        public Object eval(Frame f) {
            Object r = receiver.value(f);
            Args a = args.evaluate(f, "method '" + method + "'");
            try {
                return Methods.call(r, method, a);
            } catch (TemplateError e) {
                throw e.at(nameOffset);
            } catch (RuntimeException e) {
                throw TemplateError.runtime("method '" + method + "' failed: " + e, e).at(nameOffset);
            }
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            receiver.names(bound, out);
            args.names(bound, out);
        }
    }
}
