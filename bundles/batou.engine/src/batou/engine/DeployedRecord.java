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
import batou.engine.internal.JsonReader;
import batou.model.BatouVersion;

/**
 * What was last deployed on a host, kept in {@code <target_directory>/.batou/deployed.json}: environment, commit,
 * time, operator, each root component with its outcome, and how the record came about ({@link State}): the host
 * writes it also after each root that changed or failed, so that it tells what happened when the deployment never
 * reached its end (the controller lost the connection, the process was killed). {@code batou status} and the
 * workbench read it. A record read back from a host has printable texts only (no terminal control characters): a
 * host must not drive the operator's terminal.
 *
 * @param time an ISO-8601 instant as written ({@link Instant#toString}); a host may have written anything
 * @param batou the version of batou that wrote it
 */
public record DeployedRecord(String host, String environment, String commit, String time, String operator,
        String batou, State state, List<Component> components) {

    public static final String FILE = "deployed.json";

    public DeployedRecord {
        components = List.copyOf(components);
    }

    /**
     * A root component of the record and how its deployment ended; {@code status} is null when the record holds a
     * word this version does not know.
     */
    public record Component(String name, RootStatus status) {
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

    /** The record of the roots {@code results} of the run {@code info} on {@code host}, written at {@code time}. */
    public static DeployedRecord of(String host, DeploymentInfo info, Instant time, List<RootResult> results,
            State state) {
        return new DeployedRecord(host, info.environment(), info.commit(), time.toString(), info.operator(),
                BatouVersion.current().toString(), state,
                results.stream().map(result -> new Component(result.id().component(), result.status())).toList());
    }

    /** The number of components that failed. */
    public int failed() {
        return (int) components.stream().filter(component -> component.status() == RootStatus.FAILED).count();
    }

    /** The record as JSON. */
    public String toJson() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("host", host);
        record.put("environment", environment);
        record.put("commit", commit);
        record.put("time", time);
        record.put("operator", operator);
        record.put("batou", batou);
        record.put("state", state.json);
        List<Object> list = new ArrayList<>();
        for (Component component : components) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("name", component.name());
            item.put("status", component.status() == null ? null : component.status().json());
            item.put("changed", component.status() == RootStatus.CHANGED);
            list.add(item);
        }
        record.put("components", list);
        return Json.write(record, 2) + "\n";
    }

    /**
     * Reads a record written by {@link #toJson}; texts missing from it are "", a missing commit is null.
     *
     * @throws IllegalArgumentException with the reason when {@code json} is not such a record
     */
    public static DeployedRecord read(String json) {
        if (!(JsonReader.parse(json) instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<?> items = map.get("components") instanceof List<?> list ? list : List.of();
        List<Component> components = new ArrayList<>(items.size());
        for (Object item : items) {
            components.add(item instanceof Map<?, ?> m ? new Component(text(m.get("name")),
                    RootStatus.ofJson(m.get("status"))) : new Component("", null));
        }
        return new DeployedRecord(text(map.get("host")), text(map.get("environment")),
                map.get("commit") instanceof String commit ? OutputFilter.printable(commit) : null,
                text(map.get("time")), text(map.get("operator")), text(map.get("batou")),
                State.of(map.get("state")), components);
    }

    private static String text(Object value) {
        return value == null ? "" : OutputFilter.printable(value.toString());
    }

    /** Writes the record atomically into {@code stateDirectory} (a link there is replaced, never followed). */
    public void write(Path stateDirectory) throws IOException {
        try (SafeDirectory state = SafeDirectory.open(stateDirectory, true)) {
            state.write(FILE, toJson().getBytes(StandardCharsets.UTF_8),
                    temporary -> temporary.setPermissions(PosixFilePermissions.fromString("rw-r--r--")));
        }
    }
}
