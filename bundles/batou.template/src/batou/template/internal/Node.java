package batou.template.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A statement node: text, output, if, for, set. Immutable. Each node knows where it starts in the source and its
 * weight: the steps one render of it costs (itself and the expressions it always evaluates).
 */
public abstract class Node {

    /** Where the node starts in the template source. */
    protected final int offset;
    private final long weight;

    /** The steps opening a scope costs: a frame, and a loop context or a text builder. */
    private static final int SCOPE = 4;

    /** @param exprs the expressions every render of this node evaluates (null entries are ignored) */
    protected Node(int offset, Expr... exprs) {
        this(offset, 1, exprs);
    }

    /** @param own the steps this node itself costs */
    protected Node(int offset, int own, Expr... exprs) {
        this.offset = offset;
        long w = own;
        for (Expr e : exprs) {
            w += e == null ? 0 : e.size();
        }
        this.weight = w;
    }

    /** Appends the output of this node. */
    public abstract void render(Frame f, TextBuilder out);

    /** Adds the context paths this node reads; binds in {@code bound} the names it sets. */
    public void reads(Bindings bound, Reads out) {
    }

    /**
     * Renders a list of nodes, charging each node's weight first. An error without a position gets the position of
     * the node it comes from.
     */
    public static void renderAll(List<Node> nodes, Frame f, TextBuilder out) {
        Budget budget = f.budget();
        for (int i = 0, n = nodes.size(); i < n; i++) {
            Node node = nodes.get(i);
            try {
                budget.steps(node.weight);
                node.render(f, out);
            } catch (TemplateError e) {
                throw e.at(node.offset);
            }
        }
    }

    /** Adds what a body with its own scope reads. */
    public static void readsOf(List<Node> nodes, Bindings bound, Reads out) {
        Bindings scope = bound.child();
        for (Node n : nodes) {
            n.reads(scope, out);
        }
    }

    /** Template text. */
    public static final class Text extends Node {
        final String text;

        public Text(String text, int offset) {
            super(offset);
            this.text = text;
        }

        @Override
        public void render(Frame f, TextBuilder out) {
            out.append(text);
        }
    }

    /** {@code {{ expr }}}. */
    public static final class Output extends Node {
        final Expr expr;

        public Output(Expr expr) {
            super(expr.offset, expr);
            this.expr = expr;
        }

        public Expr expr() {
            return expr;
        }

        @Override
        public void render(Frame f, TextBuilder out) {
            Values.appendStr(out, expr.value(f));
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            expr.reads(bound, out);
        }
    }

    /**
     * {@code {% if %}...{% elif %}...{% else %}...{% endif %}}: the body of the first test that holds, else the
     * {@code else} body. Elif branches are kept side by side, so a long chain is not a deep tree.
     */
    public static final class If extends Node {
        final List<Expr> tests;
        final List<List<Node>> bodies;
        final List<Node> otherwise;

        public If(List<Expr> tests, List<List<Node>> bodies, List<Node> otherwise, int offset) {
            super(offset, tests.toArray(new Expr[0]));
            this.tests = List.copyOf(tests);
            this.bodies = bodies.stream().map(List::copyOf).toList();
            this.otherwise = List.copyOf(otherwise);
        }

        @Override
        public void render(Frame f, TextBuilder out) {
            for (int i = 0, n = tests.size(); i < n; i++) {
                if (Values.truthy(tests.get(i).value(f))) {
                    renderAll(bodies.get(i), f, out);
                    return;
                }
            }
            renderAll(otherwise, f, out);
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            for (int i = 0; i < tests.size(); i++) {
                tests.get(i).reads(bound, out);
                readsOf(bodies.get(i), bound, out);
            }
            readsOf(otherwise, bound, out);
        }
    }

    /** {@code {% for a, b in seq if cond %}...{% else %}...{% endfor %}}. */
    public static final class For extends Node {
        final String[] targets;
        final int targetOffset;
        final Expr iter;
        final String iterText;
        final Expr filter;
        final List<Node> body;
        final List<Node> otherwise;

        public For(List<String> targets, int targetOffset, Expr iter, String iterText, Expr filter, List<Node> body,
                List<Node> otherwise, int offset) {
            super(offset, SCOPE, iter);
            this.targets = targets.toArray(new String[0]);
            this.targetOffset = targetOffset;
            this.iter = iter;
            this.iterText = iterText;
            this.filter = filter;
            this.body = List.copyOf(body);
            this.otherwise = List.copyOf(otherwise);
        }

        @Override
        public void render(Frame f, TextBuilder out) {
            Budget budget = f.budget();
            Object seq = iter.value(f);
            List<?> items;
            try {
                items = Values.iterable(seq, "'" + iterText + "'", budget);
            } catch (TemplateError e) {
                throw e.at(iter.offset);
            }
            Frame scope = f.child();
            if (filter != null) {
                List<Object> kept = new ArrayList<>();
                for (Object item : items) {
                    budget.steps(1 + filter.size());
                    scope.clear();
                    bind(scope, item);
                    if (Values.truthy(filter.value(scope))) {
                        budget.items(1);
                        kept.add(item);
                    }
                }
                items = kept;
            }
            if (items.isEmpty()) {
                renderAll(otherwise, f, out);
                return;
            }
            LoopContext loop = new LoopContext(items);
            for (int i = 0, n = items.size(); i < n; i++) {
                budget.steps(1);
                scope.clear();
                loop.advance(i);
                scope.set("loop", loop);
                bind(scope, items.get(i));
                renderAll(body, scope, out);
            }
        }

        private void bind(Frame scope, Object item) {
            if (targets.length == 1) {
                scope.set(targets[0], item);
                return;
            }
            List<?> parts = unpack(item, targets.length, targetOffset, scope.budget());
            for (int i = 0; i < targets.length; i++) {
                scope.set(targets[i], parts.get(i));
            }
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            iter.reads(bound, out);
            Bindings inner = bound.child();
            for (String target : targets) {
                inner.bind(target);
            }
            inner.bind("loop");
            if (filter != null) {
                filter.reads(inner, out);
            }
            readsOf(body, inner, out);
            readsOf(otherwise, bound, out);
        }
    }

    static List<?> unpack(Object item, int count, int offset, Budget budget) {
        List<?> parts;
        if (item instanceof Map.Entry<?, ?> e) {
            parts = List.of(e.getKey(), e.getValue());
        } else if (Values.isList(item)) {
            parts = Values.asList(item, budget);
        } else {
            throw TemplateError.runtime("cannot unpack '" + Values.typeName(item) + "' into " + count
                    + " names: it is not a sequence", offset);
        }
        if (parts.size() != count) {
            throw TemplateError.runtime("cannot unpack " + parts.size() + " values into " + count + " names",
                    offset);
        }
        return parts;
    }

    /** {@code {% set a = expr %}} and {@code {% set a, b = expr %}}. */
    public static final class Assign extends Node {
        final String[] targets;
        final Expr value;

        public Assign(List<String> targets, Expr value, int offset) {
            super(offset, value);
            this.targets = targets.toArray(new String[0]);
            this.value = value;
        }

        @Override
        public void render(Frame f, TextBuilder out) {
            if (targets.length == 1) {
                f.set(targets[0], value.eval(f));
                return;
            }
            List<?> parts = unpack(value.value(f), targets.length, offset, f.budget());
            for (int i = 0; i < targets.length; i++) {
                f.set(targets[i], parts.get(i));
            }
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            value.reads(bound, out);
            for (String target : targets) {
                bound.bind(target);
            }
        }
    }

    /** {@code {% set ns.attr = expr %}} on a {@code namespace()}. */
    public static final class SetAttr extends Node {
        final String name;
        final String attr;
        final Expr value;

        public SetAttr(String name, String attr, Expr value, int offset) {
            super(offset, value);
            this.name = name;
            this.attr = attr;
            this.value = value;
        }

        @Override
        public void render(Frame f, TextBuilder out) {
            Object target = f.lookup(name);
            if (target == Values.MISSING) {
                throw TemplateError.undefined(name, "'" + name + "' is undefined", offset);
            }
            if (!(target instanceof Namespace ns)) {
                throw TemplateError.runtime("cannot set attribute '" + attr + "' of '" + name + "' ("
                        + Values.typeName(target) + "): only namespace() objects can be changed"
                        + " (create one with {% set " + name + " = namespace() %})", offset);
            }
            ns.set(attr, value.value(f));
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            out.add(bound.has(name) ? null : List.of(name));
            value.reads(bound, out);
        }
    }

    /** {@code {% set a %}...{% endset %}}: captures rendered text. */
    public static final class SetBlock extends Node {
        final String target;
        final List<Node> body;

        public SetBlock(String target, List<Node> body, int offset) {
            super(offset, SCOPE);
            this.target = target;
            this.body = List.copyOf(body);
        }

        @Override
        public void render(Frame f, TextBuilder out) {
            TextBuilder captured = new TextBuilder(f.budget());
            renderAll(body, f.child(), captured);
            f.set(target, captured.toString());
        }

        @Override
        public void reads(Bindings bound, Reads out) {
            readsOf(body, bound, out);
            bound.bind(target);
        }
    }
}
