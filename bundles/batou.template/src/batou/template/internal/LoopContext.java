package batou.template.internal;

import java.util.List;

import batou.template.TemplateObject;

/** The {@code loop} variable inside {@code for}: index, index0, revindex, revindex0, first, last, length, ... */
public final class LoopContext implements TemplateObject {

    private final List<?> items;
    private int index0;

    LoopContext(List<?> items) {
        this.items = items;
    }

    void advance(int index) {
        this.index0 = index;
    }

    @Override
    public Object attribute(String name) {
        int length = items.size();
        return switch (name) {
            case "index" -> (long) index0 + 1;
            case "index0" -> (long) index0;
            case "revindex" -> (long) (length - index0);
            case "revindex0" -> (long) (length - index0 - 1);
            case "first" -> index0 == 0;
            case "last" -> index0 == length - 1;
            case "length" -> (long) length;
            case "previtem" -> index0 > 0 ? items.get(index0 - 1) : UNDEFINED;
            case "nextitem" -> index0 < length - 1 ? items.get(index0 + 1) : UNDEFINED;
            default -> UNDEFINED;
        };
    }

    /** {@code loop.cycle(a, b, ...)}: the argument for the current iteration, round robin. */
    public Object cycle(List<?> values) {
        if (values.isEmpty()) {
            throw TemplateError.runtime("loop.cycle() needs at least one value");
        }
        return values.get(index0 % values.size());
    }

    @Override
    public String toString() {
        return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
    }
}
