package batou.ui.internal.problems;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The problems the workbench knows, by who reported them (an editor reports those of its text): what the Problems
 * view shows. Used on the UI thread. One per workbench, in its context: the editors and the view get it injected.
 */
public final class Problems {

    private final Map<Object, List<Problem>> bySource = new LinkedHashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** Replaces the problems reported by {@code source}; an empty list forgets it. */
    public void set(Object source, List<Problem> problems) {
        if (problems.isEmpty()) {
            if (bySource.remove(source) == null) {
                return;
            }
        } else {
            bySource.put(source, List.copyOf(problems));
        }
        listeners.forEach(Runnable::run);
    }

    /**
     * Every problem, errors first, then by file and line; once, although several sources report it (an editor and
     * the check of the saved files, or two environments with the same component).
     */
    public List<Problem> all() {
        Set<Problem> unique = new LinkedHashSet<>();
        bySource.values().forEach(unique::addAll);
        List<Problem> all = new ArrayList<>(unique);
        all.sort((a, b) -> {
            if (a.isError() != b.isError()) {
                return a.isError() ? -1 : 1;
            }
            return a.diagnostic().compareTo(b.diagnostic());
        });
        return all;
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }
}
