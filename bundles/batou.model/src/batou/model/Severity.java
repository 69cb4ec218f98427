package batou.model;

/** How bad a {@link Diagnostic} is: errors stop a run, warnings are reported and the run goes on. */
public enum Severity {
    ERROR, WARNING;

    public String label() {
        return this == ERROR ? "error" : "warning";
    }
}
