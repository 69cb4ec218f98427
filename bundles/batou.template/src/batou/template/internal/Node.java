package batou.template.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A statement node: text, output, if, for, set. Immutable. */
public abstract class Node {

    /** Appends the output of this node. */
    public abstract void render(Frame f, StringBuilder out);

    /** Adds the names of variables read and not bound; may add names this node binds to {@code bound}. */
    public void names(Set<String> bound, Set<String> out) {
    }

    /** Renders a list of nodes. */
    public static void renderAll(List<Node> nodes, Frame f, StringBuilder out) {
        for (int i = 0, n = nodes.size(); i < n; i++) {
            nodes.get(i).render(f, out);
        }
    }

    /** Collects the names of a body that has its own scope for analysis. */
    public static void namesOf(List<Node> nodes, Set<String> bound, Set<String> out) {
        Set<String> scope = new HashSet<>(bound);
        for (Node n : nodes) {
            n.names(scope, out);
        }
    }

    /** Template text. */
    public static final class Text extends Node {
        final String text;

        public Text(String text) {
            this.text = text;
        }

        @Override
        public void render(Frame f, StringBuilder out) {
            out.append(text);
        }
    }

    /** {@code {{ expr }}}. */
    public static final class Output extends Node {
        final Expr expr;

        public Output(Expr expr) {
            this.expr = expr;
        }

        public Expr expr() {
            return expr;
        }

        @Override
        public void render(Frame f, StringBuilder out) {
            Object v = expr.value(f);
            if (v instanceof String s) {
                out.append(s);
            } else {
                Values.appendStr(out, v);
            }
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            expr.names(bound, out);
        }
    }

    /** {@code {% if %}...{% elif %}...{% else %}...{% endif %}} (elif is a nested If in the else branch). */
    public static final class If extends Node {
        final Expr test;
        final List<Node> body;
        final List<Node> otherwise;

        public If(Expr test, List<Node> body, List<Node> otherwise) {
            this.test = test;
            this.body = List.copyOf(body);
            this.otherwise = List.copyOf(otherwise);
        }

        @Override
        public void render(Frame f, StringBuilder out) {
            renderAll(Values.truthy(test.value(f)) ? body : otherwise, f, out);
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            test.names(bound, out);
            namesOf(body, bound, out);
            namesOf(otherwise, bound, out);
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
                List<Node> otherwise) {
            this.targets = targets.toArray(new String[0]);
            this.targetOffset = targetOffset;
            this.iter = iter;
            this.iterText = iterText;
            this.filter = filter;
            this.body = List.copyOf(body);
            this.otherwise = List.copyOf(otherwise);
        }

        @Override
        public void render(Frame f, StringBuilder out) {
            Object seq = iter.value(f);
            List<?> items;
            try {
                items = Values.iterable(seq, "'" + iterText + "'");
            } catch (TemplateError e) {
                throw e.at(iter.offset);
            }
            if (filter != null) {
                List<Object> kept = new ArrayList<>();
                for (Object item : items) {
                    Frame scope = f.child();
                    bind(scope, item);
                    if (Values.truthy(filter.value(scope))) {
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
                Frame scope = f.child();
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
            List<?> parts = unpack(item, targets.length, targetOffset);
            for (int i = 0; i < targets.length; i++) {
                scope.set(targets[i], parts.get(i));
            }
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            iter.names(bound, out);
            Set<String> inner = new HashSet<>(bound);
            inner.addAll(List.of(targets));
            inner.add("loop");
            if (filter != null) {
                filter.names(inner, out);
            }
            namesOf(body, inner, out);
            namesOf(otherwise, bound, out);
        }
    }

    static List<?> unpack(Object item, int count, int offset) {
        List<?> parts;
        if (item instanceof Map.Entry<?, ?> e) {
            parts = List.of(e.getKey(), e.getValue());
        } else if (Values.isList(item)) {
            parts = Values.asList(item);
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
        final int offset;

        public Assign(List<String> targets, Expr value, int offset) {
            this.targets = targets.toArray(new String[0]);
            this.value = value;
            this.offset = offset;
        }

        @Override
        public void render(Frame f, StringBuilder out) {
            if (targets.length == 1) {
                f.set(targets[0], value.eval(f));
                return;
            }
            List<?> parts = unpack(value.value(f), targets.length, offset);
            for (int i = 0; i < targets.length; i++) {
                f.set(targets[i], parts.get(i));
            }
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            value.names(bound, out);
            bound.addAll(List.of(targets));
        }
    }

    /** {@code {% set ns.attr = expr %}} on a {@code namespace()}. */
    public static final class SetAttr extends Node {
        final String name;
        final String attr;
        final Expr value;
        final int offset;

        public SetAttr(String name, String attr, Expr value, int offset) {
            this.name = name;
            this.attr = attr;
            this.value = value;
            this.offset = offset;
        }

        @Override
        public void render(Frame f, StringBuilder out) {
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
        public void names(Set<String> bound, Set<String> out) {
            if (!bound.contains(name)) {
                out.add(name);
            }
            value.names(bound, out);
        }
    }

    /** {@code {% set a %}...{% endset %}}: captures rendered text. */
    public static final class SetBlock extends Node {
        final String target;
        final List<Node> body;

        public SetBlock(String target, List<Node> body) {
            this.target = target;
            this.body = List.copyOf(body);
        }

        @Override
        public void render(Frame f, StringBuilder out) {
            StringBuilder captured = new StringBuilder();
            renderAll(body, f.child(), captured);
            f.set(target, captured.toString());
        }

        @Override
        public void names(Set<String> bound, Set<String> out) {
            namesOf(body, bound, out);
            bound.add(target);
        }
    }
}
