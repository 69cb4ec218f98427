package batou.ui.internal.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
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

    /**
     * Who changed the text: a form, the source page, saving (only whether it differs from the file changed), the
     * file on disk (changed by someone else: the text was replaced by the file's), undo or redo.
     */
    enum Origin {
        FORM, SOURCE, FILE, DISK, HISTORY
    }

    /** Told after every change. */
    interface Listener {
        void changed(Origin origin);
    }

    private final Path file;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final TextHistory history = new TextHistory();
    private String text;
    private String saved;

    /** Reads the file as the loader does: a regular file of UTF-8 text within batou's limits, else why not. */
    YamlDocument(Path file) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.text = read(this.file);
        this.saved = text;
    }

    private static String read(Path file) throws IOException {
        try {
            return BoundedYaml.PROJECT.read(file);
        } catch (ReadProblem problem) {
            throw new IOException(problem.describe());
        }
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

    /** The text of the file as last read or written by this document. */
    final String saved() {
        return saved;
    }

    /** What the file says now, or null when it is gone; an unreadable file throws saying why. */
    final String onDisk() throws IOException {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        return read(file);
    }

    /** Takes the file's text {@code value} (changed by someone else) as the text and as saved. */
    final void reload(String value) {
        saved = value;
        if (value.equals(text)) {
            listeners.forEach(listener -> listener.changed(Origin.FILE));
            return;
        }
        setText(value, Origin.DISK);
    }

    final void setText(String value, Origin origin) {
        if (value.equals(text)) {
            return;
        }
        if (origin == Origin.FORM || origin == Origin.SOURCE) {
            history.changed(text, origin, System.currentTimeMillis());
        } else if (origin == Origin.DISK) {
            history.clear();
        }
        text = value;
        textChanged();
        listeners.forEach(listener -> listener.changed(origin));
    }

    /** Undoes the last change (a form's edit or a run of typing); false when there is none. */
    final boolean undo() {
        return restore(history.undo(text));
    }

    /** Redoes the change undone last; false when there is none. */
    final boolean redo() {
        return restore(history.redo(text));
    }

    private boolean restore(String value) {
        if (value == null) {
            return false;
        }
        setText(value, Origin.HISTORY);
        return true;
    }

    final boolean canUndo() {
        return history.canUndo();
    }

    final boolean canRedo() {
        return history.canRedo();
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
