package batou.engine.parts;

import java.util.List;

/** What verify found: up to date, or the changes an update makes. */
public record Verdict(List<Change> changes) {

    private static final Verdict UP_TO_DATE = new Verdict(List.of());

    public Verdict {
        changes = List.copyOf(changes);
    }

    public static Verdict upToDate() {
        return UP_TO_DATE;
    }

    public static Verdict update(Change... changes) {
        if (changes.length == 0) {
            throw new IllegalArgumentException("an update needs at least one change");
        }
        return new Verdict(List.of(changes));
    }

    public static Verdict update(List<Change> changes) {
        if (changes.isEmpty()) {
            throw new IllegalArgumentException("an update needs at least one change");
        }
        return new Verdict(changes);
    }

    public boolean needsUpdate() {
        return !changes.isEmpty();
    }
}
