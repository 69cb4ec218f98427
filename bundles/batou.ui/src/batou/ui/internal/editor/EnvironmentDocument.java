package batou.ui.internal.editor;

import java.io.IOException;
import java.nio.file.Path;

import batou.model.project.ProjectLoader;
import batou.model.project.edit.EnvironmentEdits;
import batou.model.project.edit.EnvironmentOutline;

/**
 * The text of one environment.yaml being edited: where it lives in its project and what it says (its outline, read
 * once per change); the form edits it through {@link EnvironmentEdits}. UI thread only.
 */
final class EnvironmentDocument extends YamlDocument {

    private EnvironmentOutline outline;

    EnvironmentDocument(Path file) throws IOException {
        super(file);
    }

    String environment() {
        return name();
    }

    /** The file as the model names it: {@code environments/<name>/environment.yaml}. */
    String relativeName() {
        return ProjectLoader.ENVIRONMENTS + "/" + environment() + "/" + ProjectLoader.ENVIRONMENT_FILE;
    }

    /** What the text says, read once per change. */
    EnvironmentOutline outline() {
        if (outline == null) {
            outline = EnvironmentOutline.read(text(), relativeName());
        }
        return outline;
    }

    @Override
    void textChanged() {
        outline = null;
    }

    /** Applies an edit of the form; it throws {@link batou.model.project.edit.EditException} when it cannot. */
    void edit(java.util.function.Function<EnvironmentEdits, String> edit) {
        setText(edit.apply(new EnvironmentEdits(text())), Origin.FORM);
    }
}
