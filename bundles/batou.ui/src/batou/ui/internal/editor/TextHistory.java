package batou.ui.internal.editor;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The texts a document had before each change, for undo and redo. Typing in the source page is one step while it
 * goes on (changes from the source less than {@link #TYPING_PAUSE_MILLIS} apart merge), as in a text editor; each
 * change from a form is a step.
 */
final class TextHistory {

    static final long TYPING_PAUSE_MILLIS = 1000;
    private static final int LIMIT = 200;

    private final Deque<String> undo = new ArrayDeque<>();
    private final Deque<String> redo = new ArrayDeque<>();
    private boolean typing;
    private long lastTyped;

    /** Records that the text {@code before} was changed from {@code origin} at {@code millis}. */
    void changed(String before, YamlDocument.Origin origin, long millis) {
        boolean typed = origin == YamlDocument.Origin.SOURCE;
        if (!(typed && typing && millis - lastTyped < TYPING_PAUSE_MILLIS)) {
            undo.push(before);
            if (undo.size() > LIMIT) {
                undo.removeLast();
            }
        }
        typing = typed;
        lastTyped = millis;
        redo.clear();
    }

    /** The text before the last step, given the text {@code now}; null when there is none. */
    String undo(String now) {
        return step(undo, redo, now);
    }

    /** The text after the step undone last, given the text {@code now}; null when there is none. */
    String redo(String now) {
        return step(redo, undo, now);
    }

    private String step(Deque<String> from, Deque<String> to, String now) {
        typing = false;
        if (from.isEmpty()) {
            return null;
        }
        to.push(now);
        return from.pop();
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Forgets every step: the text was replaced by the file's. */
    void clear() {
        undo.clear();
        redo.clear();
        typing = false;
    }
}
