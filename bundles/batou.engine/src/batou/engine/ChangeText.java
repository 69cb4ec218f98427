package batou.engine;

import java.util.ArrayList;
import java.util.List;

import batou.engine.internal.Diff;
import batou.engine.parts.Change;

/**
 * How a change is shown to people: its summary line and, for text files, the diff (never a sensitive one). The
 * command line prints these lines; the workbench shows them in its diff viewer.
 */
public final class ChangeText {

    public static final String HIDDEN = "diff hidden: contains sensitive data";

    private ChangeText() {
    }

    /** The lines that show {@code change}: the summary, then the diff or the hidden-diff note. */
    public static List<String> lines(Change change) {
        List<String> lines = new ArrayList<>();
        lines.add(change.summary());
        if (change instanceof Change.Content content) {
            if (content.sensitive()) {
                lines.add(HIDDEN);
            } else {
                List<String> hunks = Diff.unified(content.before(), content.after());
                if (!hunks.isEmpty()) {
                    lines.add("--- " + content.path() + (content.before() == null ? " (new file)" : ""));
                    lines.add("+++ " + content.path());
                    lines.addAll(hunks);
                }
            }
        }
        return lines;
    }
}
