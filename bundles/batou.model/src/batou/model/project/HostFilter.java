package batou.model.project;

/** Which providers a requirement accepts: from any host, or only from the requiring component's own host. */
public enum HostFilter {
    ANY("any"), SAME("same");

    private final String label;

    HostFilter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static HostFilter byLabel(String label) {
        for (HostFilter filter : values()) {
            if (filter.label.equals(label)) {
                return filter;
            }
        }
        return null;
    }
}
