package batou.template.internal;

import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The list {@code range()} returns, computed as it is read: a loop over {@code range(1000000)} allocates no million
 * numbers up front. Its length must be within the items the render could still build.
 */
final class Range extends AbstractList<Object> implements RandomAccess {

    private final long start;
    private final long step;
    private final int size;

    /** @param step not zero */
    Range(long start, long stop, long step, Budget budget) {
        long count;
        if (step > 0) {
            count = start < stop ? Long.divideUnsigned(stop - start - 1, step) + 1 : 0;
        } else {
            count = start > stop ? Long.divideUnsigned(start - stop - 1, -step) + 1 : 0;
        }
        budget.affordItems(count);
        this.start = start;
        this.step = step;
        this.size = (int) count;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return start + index * step;
    }

    @Override
    public int size() {
        return size;
    }
}
