package batou.model.plan;

/** A root component on a host: the unit batou orders, deploys and reports. */
public record RootId(String host, String component) implements Comparable<RootId> {

    /** {@code component on host}, for messages. */
    public String describe() {
        return "'" + component + "' on host '" + host + "'";
    }

    /** {@code host/component}. */
    @Override
    public String toString() {
        return host + "/" + component;
    }

    @Override
    public int compareTo(RootId other) {
        int byHost = host.compareTo(other.host);
        return byHost != 0 ? byHost : component.compareTo(other.component);
    }
}
