package batou.model.plan;

import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.SourceLocation;

/**
 * One part of a root component, resolved: its type ({@code file}, or {@code component} for a sub-component),
 * a label ({@code path} of a file, name of a sub-component), attributes converted to their types, which of them are
 * sensitive, and its own parts (sub-components only), in deployment order.
 */
public record PartNode(String type, String label, Map<String, Object> attributes, Set<String> sensitive,
        List<PartNode> children, SourceLocation location) {

    public PartNode {
        attributes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(attributes));
        sensitive = Set.copyOf(sensitive);
        children = List.copyOf(children);
    }

    /** Every part below this one, depth first, children before their parent as they are deployed. */
    public int size() {
        int size = 1;
        for (PartNode child : children) {
            size += child.size();
        }
        return size;
    }
}
