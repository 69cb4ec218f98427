package batou.ui.internal.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import batou.engine.parts.AtomicFiles;
import batou.model.yaml.BoundedYaml;
import batou.model.yaml.ReadProblem;

/**
 * The text of one YAML file of the project being edited ({@code <project>/<kind>/<name>/<file>}: an environment.yaml
 * or a component.yaml): whether it differs from the file, and who changed it last (a form or the source), so that
 * views update each other without echoes. UI thread only.
 */
class YamlDocument {

    /** Who changed the text. */
    enum Origin {
        FORM, SOURCE, FILE
    }

    /** Told after every change. */
    interface Listener {
        void changed(Origin origin);
    }

    private final Path file;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private String text;
    private String saved;

    /** Reads the file as the loader does: a regular file of UTF-8 text within batou's limits, else why not. */
    YamlDocument(Path file) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        try {
            this.text = BoundedYaml.PROJECT.read(this.file);
        } catch (ReadProblem problem) {
            throw new IOException(problem.describe());
        }
        this.saved = text;
    }

    final Path file() {
        return file;
    }

    /** The project folder: the file is {@code <root>/environments/<name>/environment.yaml} or the like. */
    final Path root() {
        return file.getParent().getParent().getParent();
    }

    /** The environment's or the component's name: its folder's. */
    final String name() {
        return file.getParent().getFileName().toString();
    }

    final String text() {
        return text;
    }

    final boolean isDirty() {
        return !text.equals(saved);
    }

    final void setText(String value, Origin origin) {
        if (value.equals(text)) {
            return;
        }
        text = value;
        textChanged();
        listeners.forEach(listener -> listener.changed(origin));
    }

    /** Called when the text changed, before the listeners are told. */
    void textChanged() {
    }

    /** Writes the text to the file atomically, keeping the file's mode (readers see the old or the new file). */
    final void save() throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.UTF_8), null);
        saved = text;
        listeners.forEach(listener -> listener.changed(Origin.FILE));
    }

    final void addListener(Listener listener) {
        listeners.add(listener);
    }
}
