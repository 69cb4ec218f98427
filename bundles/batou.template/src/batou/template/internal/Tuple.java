package batou.template.internal;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/** An immutable sequence that prints like a Python tuple: {@code ('a', 1)}. Produced by {@code (a, b)} and items(). */
public final class Tuple extends AbstractList<Object> implements RandomAccess {

    private final Object[] items;

    public Tuple(Object... items) {
        this.items = items;
    }

    public static Tuple of(List<?> list) {
        return new Tuple(list.toArray());
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }
}
