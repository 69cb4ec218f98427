package batou.model.internal.yaml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batou.model.SourceLocation;

/** A YAML mapping; keys are scalars (kept as text) in document order, duplicates already reported. */
public record YMapping(List<Entry> entries, SourceLocation location) implements YNode {

    /** One key and its value. */
    public record Entry(YScalar key, YNode value) {
        public String name() {
            return key.text();
        }
    }

    public YMapping {
        entries = List.copyOf(entries);
    }

    /** The value of {@code key}, or null. */
    public YNode get(String key) {
        for (Entry entry : entries) {
            if (entry.name().equals(key)) {
                return entry.value();
            }
        }
        return null;
    }

    public Entry entry(String key) {
        for (Entry entry : entries) {
            if (entry.name().equals(key)) {
                return entry;
            }
        }
        return null;
    }

    @Override
    public Object toValue() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Entry entry : entries) {
            values.put(entry.name(), entry.value().toValue());
        }
        return values;
    }

    @Override
    public String kind() {
        return "a mapping";
    }
}
