package batou.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batou.engine.events.OutputFilter;
import batou.engine.files.SafeDirectory;

/**
 * What was last deployed on a host, kept in {@code <target_directory>/.batou/deployed.json}: environment, commit,
 * time, operator, each root component with its outcome, and how the record came about ({@link State}): the host
 * writes it also after each root that changed or failed, so that it tells what happened when the deployment never
 * reached its end (the controller lost the connection, the process was killed). {@code batou status} reads it.
 */
public final class DeployedRecord {

    public static final String FILE = "deployed.json";

    private DeployedRecord() {
    }

    /** How a record came about; records written before batou knew this are {@link #FINISHED}. */
    public enum State {
        /** The deployment ended and recorded the outcome of every root. */
        FINISHED("finished"),
        /**
         * Written after a root that changed or failed: the deployment still runs, or the process deploying the host
         * ended without recording its end (it was killed, or its machine went down).
         */
        RUNNING("running"),
        /** The agent lost its controller and recorded the roots it had deployed; later roots did not run. */
        CONTROLLER_LOST("controller-lost"),
        /** The deployment of the host ended early (it broke off); the roots it deployed are recorded. */
        INCOMPLETE("incomplete");

        private final String json;

        State(String json) {
            this.json = json;
        }

        static State of(Object json) {
            for (State state : values()) {
                if (state.json.equals(json)) {
                    return state;
                }
            }
            return FINISHED;
        }

        /** What {@code batou status} says about a record in this state, or "" for a finished one. */
        public String describe() {
            return switch (this) {
                case FINISHED -> "";
                case RUNNING -> "not finished: the deployment still runs, or the process deploying the host ended"
                        + " without recording its end (killed?); the roots it deployed so far are counted";
                case CONTROLLER_LOST -> "deployed by the agent after the controller lost the connection: the"
                        + " roots it deployed are counted, the later ones did not run";
                case INCOMPLETE -> "the deployment of the host ended early: the roots it deployed are counted";
            };
        }
    }

    /** The record of a deployment that ended, as JSON. */
    public static String toJson(String host, DeploymentInfo info, Instant time, List<RootResult> results) {
        return toJson(host, info, time, results, State.FINISHED);
    }

    /** The record as JSON. */
    public static String toJson(String host, DeploymentInfo info, Instant time, List<RootResult> results,
            State state) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("host", host);
        record.put("environment", info.environment());
        record.put("commit", info.commit());
        record.put("time", time.toString());
        record.put("operator", info.operator());
        record.put("batou", batou.model.BatouVersion.current().toString());
        record.put("state", state.json);
        List<Object> components = new ArrayList<>();
        for (RootResult result : results) {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("name", result.id().component());
            component.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
            component.put("changed", result.status() == RootStatus.CHANGED);
            components.add(component);
        }
        record.put("components", components);
        return Json.write(record, 2) + "\n";
    }

    /**
     * A record read back: what {@code batou status} and the workbench show of a host. Its texts come from the host
     * and are printable (no terminal control characters): a host must not drive the operator's terminal.
     */
    public record Summary(String environment, String commit, String time, String operator, int components,
            int failed, State state) {
    }

    /**
     * Reads a record written by {@link #toJson}.
     *
     * @throws IllegalArgumentException with the reason when {@code json} is not such a record
     */
    public static Summary read(String json) {
        if (!(JsonReader.parse(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<?> components = map.get("components") instanceof List<?> list ? list : List.of();
        int failed = (int) components.stream()
                .filter(c -> c instanceof Map<?, ?> m && "failed".equals(m.get("status"))).count();
        return new Summary(text(map.get("environment")), map.get("commit") instanceof String commit
                ? OutputFilter.printable(commit) : null, text(map.get("time")), text(map.get("operator")),
                components.size(), failed, State.of(map.get("state")));
    }

    private static String text(Object value) {
        return value == null ? "" : OutputFilter.printable(value.toString());
    }

    /** Writes the record atomically into {@code stateDirectory} (a link there is replaced, never followed). */
    public static void write(Path stateDirectory, String json) throws IOException {
        try (SafeDirectory state = SafeDirectory.open(stateDirectory, true)) {
            state.write(FILE, json.getBytes(StandardCharsets.UTF_8),
                    temporary -> temporary.setPermissions(PosixFilePermissions.fromString("rw-r--r--")));
        }
    }
}
