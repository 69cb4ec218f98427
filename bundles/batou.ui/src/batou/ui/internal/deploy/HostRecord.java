package batou.ui.internal.deploy;

import java.util.List;
import java.util.Map;

import org.eclipse.osgi.util.NLS;

import batou.engine.JsonReader;

/**
 * What one host last deployed, from its {@code .batou/deployed.json}: commit, time, operator, components and how
 * many failed; or why that is not known ({@code problem}).
 */
record HostRecord(String host, String commit, String time, String operator, int components, int failed,
        String problem) {

    static HostRecord never(String host) {
        return new HostRecord(host, "", "", "", 0, 0, DeployMessages.Records_never);
    }

    static HostRecord unreadable(String host, String why) {
        return new HostRecord(host, "", "", "", 0, 0, NLS.bind(DeployMessages.Records_unreadable, why));
    }

    /** Reads the record {@code json} of {@code host}. */
    static HostRecord parse(String host, String json) {
        Object parsed;
        try {
            parsed = JsonReader.parse(json);
        } catch (IllegalArgumentException e) {
            return unreadable(host, e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            return unreadable(host, DeployMessages.Records_notAnObject);
        }
        List<?> components = map.get("components") instanceof List<?> list ? list : List.of();
        int failed = (int) components.stream()
                .filter(c -> c instanceof Map<?, ?> m && "failed".equals(m.get("status"))).count();
        String commit = map.get("commit") instanceof String text ? text.substring(0, Math.min(12, text.length()))
                : DeployMessages.Records_noCommit;
        return new HostRecord(host, commit, text(map.get("time")), text(map.get("operator")), components.size(),
                failed, null);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** The state column: the problem, or the components and failures. */
    String summary() {
        return problem != null ? problem : NLS.bind(DeployMessages.Records_summary, components, failed);
    }
}
