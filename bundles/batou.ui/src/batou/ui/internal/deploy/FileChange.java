package batou.ui.internal.deploy;

import java.util.List;

import batou.engine.ChangeText;
import batou.engine.events.PartPath;
import batou.engine.parts.Change;
import batou.model.plan.RootId;

/** A file whose text a run changed (or, predicting, would change): one entry of the changes list. */
public record FileChange(RootId root, PartPath part, Change.Content content) {

    /** The summary line, then the unified diff, or the note that a sensitive diff is hidden. */
    public List<String> diffLines() {
        return ChangeText.lines(content);
    }
}
