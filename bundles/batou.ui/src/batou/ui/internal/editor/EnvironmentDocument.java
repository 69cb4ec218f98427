package batou.ui.internal.editor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import batou.model.project.ProjectLoader;
import batou.model.project.edit.EnvironmentEdits;
import batou.model.project.edit.EnvironmentOutline;

/**
 * The text of one environment.yaml being edited: where it lives in its project, whether it differs from the file,
 * and who changed it last (the form or the source), so that views update each other without echoes. UI thread only.
 */
final class EnvironmentDocument {

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
    private EnvironmentOutline outline;

    EnvironmentDocument(Path file) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        this.text = Files.readString(this.file, StandardCharsets.UTF_8);
        this.saved = text;
    }

    Path file() {
        return file;
    }

    /** The project folder: the file is {@code <root>/environments/<name>/environment.yaml}. */
    Path root() {
        return file.getParent().getParent().getParent();
    }

    String environment() {
        return file.getParent().getFileName().toString();
    }

    /** The file as the model names it: {@code environments/<name>/environment.yaml}. */
    String relativeName() {
        return ProjectLoader.ENVIRONMENTS + "/" + environment() + "/" + ProjectLoader.ENVIRONMENT_FILE;
    }

    String text() {
        return text;
    }

    /** What the text says, read once per change. */
    EnvironmentOutline outline() {
        if (outline == null) {
            outline = EnvironmentOutline.read(text, relativeName());
        }
        return outline;
    }

    boolean isDirty() {
        return !text.equals(saved);
    }

    void setText(String value, Origin origin) {
        if (value.equals(text)) {
            return;
        }
        text = value;
        outline = null;
        listeners.forEach(listener -> listener.changed(origin));
    }

    /** Applies an edit of the form; it throws {@link batou.model.project.edit.EditException} when it cannot. */
    void edit(java.util.function.Function<EnvironmentEdits, String> edit) {
        setText(edit.apply(new EnvironmentEdits(text)), Origin.FORM);
    }

    /** Writes the text to the file atomically (a temporary file beside it, then renamed). */
    void save() throws IOException {
        Path temporary = Files.createTempFile(file.getParent(), ".environment", ".yaml.tmp");
        try {
            Files.writeString(temporary, text, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
        saved = text;
        listeners.forEach(listener -> listener.changed(Origin.FILE));
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }
}
