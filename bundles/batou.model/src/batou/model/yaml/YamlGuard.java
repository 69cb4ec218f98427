package batou.model.yaml;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionEndEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Stands between snakeyaml's parser and its composer and counts what the document would be if every alias were a
 * copy of its anchor's value: values, characters of text and nesting depth. The composer shares an anchored node
 * wherever it is aliased, but everything downstream (conversions to plain values, expressions, templates) walks the
 * copies; a few hundred bytes of aliases can stand for billions of values, and an alias inside its own anchor for a
 * cycle. Each anchor's expanded size is known when it ends, so the count costs one pass over the events, and a
 * refusal names the line and column of the event that crossed a limit before the composer builds anything from it.
 */
final class YamlGuard implements Parser {

    /** A limit was crossed: the problem, thrown through the composer. */
    static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient ReadProblem problem;

        Refused(ReadProblem problem) {
            super(problem.getMessage(), null, false, false);
            this.problem = problem;
        }

        ReadProblem problem() {
            return problem;
        }
    }

    /** What a complete value stands for when expanded: values, characters, and nesting levels below it. */
    private record Extent(long values, long chars, int height) {
    }

    /** An open list or mapping. */
    private static final class Open {
        final String anchor;
        final long values;
        final long chars;
        int height;

        Open(String anchor, long values, long chars) {
            this.anchor = anchor;
            this.values = values;
            this.chars = chars;
        }
    }

    private final Parser parser;
    private final YamlLimits limits;
    private final Deque<Open> open = new ArrayDeque<>();
    private final Map<String, Extent> anchors = new HashMap<>();
    private long values;
    private long chars;
    private int aliases;
    private Mark last;

    YamlGuard(Parser parser, YamlLimits limits) {
        this.parser = parser;
        this.limits = limits;
    }

    /** Where the parser was last: for snakeyaml's own errors that carry no position. */
    Mark lastMark() {
        return last;
    }

    @Override
    public boolean checkEvent(Event.ID choice) {
        return parser.checkEvent(choice);
    }

    @Override
    public Event peekEvent() {
        Event event = parser.peekEvent();
        if (event != null) {
            last = event.getStartMark();
        }
        return event;
    }

    @Override
    public Event getEvent() {
        Event event = parser.getEvent();
        last = event.getStartMark();
        if (event instanceof ScalarEvent scalar) {
            long length = scalar.getValue().length();
            count(1, length, scalar);
            if (scalar.getAnchor() != null) {
                anchors.put(scalar.getAnchor(), new Extent(1, length, 0));
            }
        } else if (event instanceof CollectionStartEvent start) {
            count(1, 0, start);
            open.push(new Open(start.getAnchor(), values, chars));
            if (open.size() > limits.maxDepth()) {
                throw refuse(start, "nested deeper than " + limits.maxDepth() + " levels",
                        "flatten the structure");
            }
        } else if (event instanceof CollectionEndEvent) {
            Open done = open.pop();
            Extent extent = new Extent(values - done.values + 1, chars - done.chars, done.height + 1);
            if (done.anchor != null) {
                anchors.put(done.anchor, extent);
            }
            contains(extent.height());
        } else if (event instanceof AliasEvent alias) {
            alias(alias);
        }
        return event;
    }

    private void alias(AliasEvent alias) {
        String anchor = alias.getAnchor();
        for (Open collection : open) {
            if (anchor.equals(collection.anchor)) {
                throw refuse(alias, "the alias *" + anchor + " is inside the value of its own anchor &" + anchor
                        + " (a cycle)", "an alias can only repeat a value that ends before it");
            }
        }
        if (++aliases > limits.maxAliases()) {
            throw refuse(alias, "more than " + limits.maxAliases() + " aliases", "write the values out, or use "
                    + "fewer aliases");
        }
        Extent extent = anchors.get(anchor);
        if (extent == null) {
            return; // an undefined alias: the composer reports it
        }
        if (open.size() + extent.height() > limits.maxDepth()) {
            throw refuse(alias, "nested deeper than " + limits.maxDepth() + " levels where the alias *" + anchor
                    + " repeats its value", "flatten the structure");
        }
        count(extent.values(), extent.chars(), alias);
        contains(extent.height());
    }

    private void count(long moreValues, long moreChars, Event at) {
        values += moreValues;
        chars += moreChars;
        if (values > limits.maxValues()) {
            throw refuse(at, "more than " + limits.maxValues() + " values (an alias counts every value it repeats)",
                    "an alias repeats its anchor's whole value: use fewer or smaller ones; large data belongs in "
                            + "files");
        }
        if (chars > limits.maxExpandedChars()) {
            throw refuse(at, "the aliases repeat more than " + limits.maxExpandedChars() + " characters of text",
                    "an alias repeats its anchor's whole text: use fewer or smaller ones");
        }
    }

    /** The open collection holds a value {@code height} levels deep. */
    private void contains(int height) {
        Open parent = open.peek();
        if (parent != null && height > parent.height) {
            parent.height = height;
        }
    }

    private static Refused refuse(Event at, String problem, String hint) {
        Mark mark = at.getStartMark();
        return new Refused(mark == null ? new ReadProblem(problem, hint)
                : new ReadProblem(mark.getLine() + 1, mark.getColumn() + 1, problem, hint));
    }
}
