package batou.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Collects every problem of a run so that they can be reported together, sorted by file and position.
 * Identical diagnostics are kept once. Not thread-safe.
 */
public final class Diagnostics {

    private final Set<Diagnostic> all = new LinkedHashSet<>();

    public void add(Diagnostic diagnostic) {
        all.add(diagnostic);
    }

    public void error(SourceLocation location, String message) {
        add(Diagnostic.error(location, message, null));
    }

    public void error(SourceLocation location, String message, String hint) {
        add(Diagnostic.error(location, message, hint));
    }

    public void warning(SourceLocation location, String message, String hint) {
        add(Diagnostic.warning(location, message, hint));
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public int errorCount() {
        return (int) all.stream().filter(Diagnostic::isError).count();
    }

    /** Every diagnostic, sorted by file, line, column, severity and message. */
    public List<Diagnostic> sorted() {
        List<Diagnostic> list = new ArrayList<>(all);
        list.sort(null);
        return list;
    }

    public List<Diagnostic> errors() {
        return sorted().stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return sorted().stream().filter(d -> !d.isError()).toList();
    }
}
