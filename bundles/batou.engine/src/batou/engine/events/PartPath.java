package batou.engine.events;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A part's place in its root's tree: the root component, the components included inside it, then the part
 * ({@code type label}). Printed as {@code app > logrotate > file /etc/logrotate.d/app}; never parsed back.
 */
public record PartPath(List<String> segments) {

    private static final String SEPARATOR = " > ";

    public PartPath {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a part path starts with its root component");
        }
    }

    /** A path of the given segments, the root component first. */
    public static PartPath of(String... segments) {
        return new PartPath(List.of(segments));
    }

    /** This path with {@code segment} below it. */
    public PartPath child(String segment) {
        List<String> longer = new ArrayList<>(segments.size() + 1);
        longer.addAll(segments);
        longer.add(segment);
        return new PartPath(longer);
    }

    /** The place below the root component ({@code logrotate > file /etc/logrotate.d/app}); a root alone: itself. */
    public String belowRoot() {
        return segments.size() == 1 ? segments.get(0) : String.join(SEPARATOR, segments.subList(1, segments.size()));
    }

    /**
     * The path with {@code text} applied to each segment (e.g. a run's masking). A text that {@code text} changes
     * only as a whole (a secret that spans a separator) makes the whole path, so changed, one segment: what is
     * printed is never less masked than the path as one text.
     */
    public PartPath map(UnaryOperator<String> text) {
        PartPath mapped = new PartPath(segments.stream().map(text).toList());
        String whole = text.apply(toString());
        return whole.equals(mapped.toString()) ? mapped : of(whole);
    }

    @Override
    public String toString() {
        return String.join(SEPARATOR, segments);
    }
}
