package batou.model.internal.yaml;

import java.util.ArrayList;
import java.util.List;

import batou.model.SourceLocation;

/** A YAML sequence. */
public record YSequence(List<YNode> items, SourceLocation location) implements YNode {

    public YSequence {
        items = List.copyOf(items);
    }

    @Override
    public Object toValue() {
        List<Object> values = new ArrayList<>(items.size());
        for (YNode item : items) {
            values.add(item.toValue());
        }
        return values;
    }

    @Override
    public String kind() {
        return "a list";
    }
}
