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

import batou.engine.files.SafeDirectory;

/**
 * What was last deployed on a host, kept in {@code <target_directory>/.batou/deployed.json}: environment, commit,
 * time, operator, and each root component with its outcome. {@code batou status} reads it back.
 */
public final class DeployedRecord {

    public static final String FILE = "deployed.json";

    private DeployedRecord() {
    }

    /** The record as JSON. */
    public static String toJson(String host, DeploymentInfo info, Instant time, List<RootResult> results) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("host", host);
        record.put("environment", info.environment());
        record.put("commit", info.commit());
        record.put("time", time.toString());
        record.put("operator", info.operator());
        record.put("batou", batou.model.BatouVersion.current().toString());
        List<Object> components = new ArrayList<>();
        for (RootResult result : results) {
            Map<String, Object> component = new LinkedHashMap<>();
            component.put("name", result.id().component());
            component.put("status", result.status().name().toLowerCase(java.util.Locale.ROOT));
            component.put("changed", result.status() == RootResult.Status.CHANGED);
            components.add(component);
        }
        record.put("components", components);
        return Json.write(record, 2) + "\n";
    }

    /** A record read back: what {@code batou status} and the workbench show of a host. */
    public record Summary(String environment, String commit, String time, String operator, int components,
            int failed) {
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
        return new Summary(text(map.get("environment")), map.get("commit") instanceof String commit ? commit : null,
                text(map.get("time")), text(map.get("operator")), components.size(), failed);
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Writes the record atomically into {@code stateDirectory} (a link there is replaced, never followed). */
    public static void write(Path stateDirectory, String json) throws IOException {
        try (SafeDirectory state = SafeDirectory.open(stateDirectory, true)) {
            state.write(FILE, json.getBytes(StandardCharsets.UTF_8),
                    temporary -> temporary.setPermissions(PosixFilePermissions.fromString("rw-r--r--")));
        }
    }
}
