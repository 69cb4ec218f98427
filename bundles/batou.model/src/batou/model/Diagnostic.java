package batou.model;

import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * One problem found while loading or configuring a project: where it is, what is wrong and, where it helps, what
 * to do about it. Printed as {@code file:line:column: error: message (hint)}.
 */
public record Diagnostic(Severity severity, SourceLocation location, String message, String hint)
        implements Comparable<Diagnostic>, Serializable {

    private static final Comparator<Diagnostic> ORDER = Comparator.comparing(Diagnostic::location)
            .thenComparing(Diagnostic::severity).thenComparing(Diagnostic::message);

    public Diagnostic {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(message, "message");
        hint = hint == null || hint.isBlank() ? null : hint;
    }

    public static Diagnostic error(SourceLocation location, String message, String hint) {
        return new Diagnostic(Severity.ERROR, location, message, hint);
    }

    public static Diagnostic warning(SourceLocation location, String message, String hint) {
        return new Diagnostic(Severity.WARNING, location, message, hint);
    }

    /** The same diagnostic with the sensitive values of {@code masking} masked in its message and hint. */
    public Diagnostic masked(Masking masking) {
        return new Diagnostic(severity, location, masking.mask(message), masking.mask(hint));
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The message with its hint: {@code message (hint)}. */
    public String text() {
        return hint == null ? message : message + " (" + hint + ")";
    }

    @Override
    public String toString() {
        return location + ": " + severity.label() + ": " + text();
    }

    @Override
    public int compareTo(Diagnostic other) {
        return ORDER.compare(this, other);
    }
}
