package batou.ui.internal.problems;

import java.nio.file.Path;

import batou.model.Diagnostic;

/**
 * One row of the Problems view: a diagnostic and the file it points at.
 *
 * @param file the file as the model names it, relative to the project (e.g. environments/dev/environment.yaml)
 * @param path the file on disk
 */
public record Problem(Diagnostic diagnostic, String file, Path path) {

    /** Line 0: the file as a whole. */
    public int line() {
        return diagnostic.location().line();
    }

    public boolean isError() {
        return diagnostic.isError();
    }

    public String message() {
        return diagnostic.text();
    }

    /** The problem of {@code diagnostic} in the project at {@code root}. */
    public static Problem of(Diagnostic diagnostic, Path root) {
        String file = diagnostic.location().file();
        return new Problem(diagnostic, file, root.resolve(file).normalize());
    }
}
