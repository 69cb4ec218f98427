package batou.template.internal;

/**
 * What one render may still spend, so that no template runs for ever or fills the memory. Every operation whose cost
 * grows with its input charges it here before it does the work: steps (statements, operators, calls, loop
 * iterations, list items handled, characters searched) and size (characters and list items built, an item counted
 * as {@value #ITEM} characters, the output included, charged before they are allocated). It also knows how deeply
 * values may nest when they are printed or compared. One render, one budget, one thread.
 */
public final class Budget {

    /** Characters searched, compared or converted per step: about as long as one step of any other kind takes. */
    public static final int CHARS_PER_STEP = 64;

    /** The characters of size one list item counts as. */
    public static final int ITEM = 4;

    private final long maxSteps;
    private final long maxSize;
    private final int maxDepth;
    private long steps;
    private long size;

    /**
     * @param maxSteps the most steps a render may take
     * @param maxSize the most characters and list items a render may build
     * @param maxDepth the deepest nesting of values
     */
    public Budget(long maxSteps, long maxSize, int maxDepth) {
        this.maxSteps = maxSteps;
        this.maxSize = maxSize;
        this.maxDepth = maxDepth;
    }

    /** Charges {@code n} steps; raises "too many steps" beyond the limit. */
    public void steps(long n) {
        if (n > maxSteps - steps) {
            steps = maxSteps;
            throw TemplateError.runtime("too many steps: rendering takes more than " + maxSteps + " steps (statements,"
                    + " operations, loop iterations, items and characters handled); loop over less");
        }
        steps += n;
    }

    /** Charges the steps for searching, comparing or converting {@code chars} characters. */
    public void scan(long chars) {
        steps(chars / CHARS_PER_STEP);
    }

    /** Charges {@code n} characters about to be built; raises "too large" beyond the limit. */
    public void produce(long n) {
        afford(n);
        size += n;
    }

    /**
     * Charges {@code n} list items about to be built, each as {@value #ITEM} characters: an item is a reference and
     * usually an object of its own, more memory and work than a character.
     */
    public void items(long n) {
        produce(n > Long.MAX_VALUE / ITEM ? -1 : n * ITEM);
    }

    /** Raises "too large" if {@code n} more list items could not be built; charges nothing. */
    public void affordItems(long n) {
        afford(n > Long.MAX_VALUE / ITEM ? -1 : n * ITEM);
    }

    /** Raises "too large" if {@code n} more characters could not be built; charges nothing. */
    public void afford(long n) {
        if (n < 0 || n > maxSize - size) {
            throw TemplateError.runtime("too large: this needs " + (n < 0 ? "more than " + Long.MAX_VALUE : n)
                    + " more characters, beyond the " + maxSize + " that rendering one template may build (its"
                    + " output included; a list item counts as " + ITEM + ")");
        }
    }

    /** The deepest nesting allowed. */
    public int maxDepth() {
        return maxDepth;
    }

    /** Raises "nested too deeply" when a value is printed or compared {@code depth} levels down. */
    public void depth(int depth) {
        if (depth > maxDepth) {
            throw TemplateError.runtime("nested too deeply: a value has more than " + maxDepth
                    + " levels of lists, mappings or namespaces");
        }
    }
}
