package batou.ui.internal.graph;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootId;
import batou.model.plan.RootPlan;

/**
 * What the details pane shows for a selected root or host, as sections of name/value rows. Sensitive attributes and
 * provided resources computed from sensitive values are masked, and so is any other value that contains the value
 * of a sensitive attribute of the plan (host data from the secrets, say). No UI code.
 */
public final class GraphDetails {

    /** What a masked value shows. */
    public static final String MASK = "\u2022\u2022\u2022\u2022\u2022\u2022";

    /** A titled group of rows. */
    public record Section(String title, List<Row> rows) {

        public Section {
            rows = List.copyOf(rows);
        }
    }

    /** A name and its value, as shown. */
    public record Row(String name, String value) {
    }

    private final DeploymentPlan plan;
    private final Set<String> secrets = new HashSet<>();

    public GraphDetails(DeploymentPlan plan) {
        this.plan = plan;
        for (HostPlan host : plan.hosts()) {
            for (RootPlan root : host.roots()) {
                for (String name : root.sensitive()) {
                    String value = format(root.attributes().get(name));
                    if (value.length() >= 3) {
                        secrets.add(value);
                    }
                }
            }
        }
    }

    /** The details of a root component. */
    public List<Section> root(RootId id) {
        RootPlan root = plan.root(id);
        if (root == null) {
            return List.of();
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(GraphMessages.Details_component, List.of(
                new Row(GraphMessages.Details_host, id.host()),
                new Row(GraphMessages.Details_component, id.component()),
                new Row(GraphMessages.Details_features, String.join(", ", root.features())),
                new Row(GraphMessages.Details_workDirectory, format(root.workDirectory())),
                new Row(GraphMessages.Details_parts, Integer.toString(root.parts().size())))));
        List<Row> attributes = new ArrayList<>();
        root.attributes().forEach((name, value) -> attributes.add(new Row(name,
                root.sensitive().contains(name) ? MASK : masked(value))));
        sections.add(new Section(GraphMessages.Details_attributes, attributes));
        List<Row> provided = new ArrayList<>();
        root.provided().forEach((name, value) -> provided.add(new Row(name,
                root.sensitiveProvided().contains(name) ? MASK : masked(value))));
        sections.add(new Section(GraphMessages.Details_provides, provided));
        sections.add(new Section(GraphMessages.Details_dependsOn,
                root.dependsOn().stream().map(GraphDetails::rootRow).toList()));
        sections.add(new Section(GraphMessages.Details_neededBy, dependants(id).stream()
                .map(GraphDetails::rootRow).toList()));
        return sections;
    }

    /** The details of a host: its settings, its data and its root components. */
    public List<Section> host(String name) {
        HostPlan host = plan.host(name);
        if (host == null) {
            return List.of();
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(GraphMessages.Details_host, List.of(
                new Row(GraphMessages.Details_name, host.name()),
                new Row(GraphMessages.Details_fqdn, format(host.fqdn())),
                new Row(GraphMessages.Details_platform, format(host.platform())),
                new Row(GraphMessages.Details_connect, format(host.connect())),
                new Row(GraphMessages.Details_serviceUser, format(host.serviceUser())),
                new Row(GraphMessages.Details_targetDirectory, format(host.targetDirectory())),
                new Row(GraphMessages.Details_sshConfig, format(host.sshConfig())))));
        sections.add(new Section(GraphMessages.Details_data, rows(host.data())));
        sections.add(new Section(GraphMessages.Details_components,
                host.roots().stream().map(root -> rootRow(root.id())).toList()));
        return sections;
    }

    private List<Row> rows(Map<String, Object> values) {
        List<Row> rows = new ArrayList<>();
        values.forEach((name, value) -> rows.add(new Row(name, masked(value))));
        return rows;
    }

    private List<RootId> dependants(RootId id) {
        List<RootId> dependants = new ArrayList<>();
        for (RootId other : plan.order()) {
            RootPlan root = plan.root(other);
            if (root != null && root.dependsOn().contains(id)) {
                dependants.add(other);
            }
        }
        return dependants;
    }

    private static Row rootRow(RootId id) {
        return new Row(id.component(), id.host());
    }

    private String masked(Object value) {
        String text = format(value);
        for (String secret : secrets) {
            if (text.contains(secret)) {
                return MASK;
            }
        }
        return text;
    }

    /** A value as shown: null as empty, everything else as text. */
    static String format(Object value) {
        return value == null ? "" : String.valueOf(value);
    }
}
