package batou.template.internal;

/**
 * Builds text and charges every character to the render's {@link Budget} before appending it: the output of a
 * template and every string the engine builds piece by piece (concatenation, printing, joining, formatting, padding)
 * are made here, so no template can build more than its limit.
 */
public final class TextBuilder {

    private final StringBuilder sb;
    private final Budget budget;

    public TextBuilder(Budget budget) {
        this(budget, 16);
    }

    /** @param capacity the expected length; it is charged only as it is appended */
    public TextBuilder(Budget budget, int capacity) {
        this.budget = budget;
        this.sb = new StringBuilder(capacity);
    }

    public Budget budget() {
        return budget;
    }

    public TextBuilder append(String s) {
        budget.produce(s.length());
        sb.append(s);
        return this;
    }

    public TextBuilder append(char c) {
        budget.produce(1);
        sb.append(c);
        return this;
    }

    public TextBuilder append(CharSequence s, int start, int end) {
        budget.produce(end - start);
        sb.append(s, start, end);
        return this;
    }

    public TextBuilder append(long n) {
        return append(Long.toString(n));
    }

    /** Appends {@code s} {@code times} times (nothing for zero or less), charging the whole first. */
    public TextBuilder repeat(String s, long times) {
        if (times <= 0 || s.isEmpty()) {
            return this;
        }
        budget.produce(times > Long.MAX_VALUE / s.length() ? -1 : times * s.length());
        for (long i = 0; i < times; i++) {
            sb.append(s);
        }
        return this;
    }

    @Override
    public String toString() {
        return sb.toString();
    }
}
