package batou.ui.internal.deploy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.engine.events.PartPath;
import batou.engine.parts.Change;
import batou.model.plan.RootId;

/**
 * A finished {@link DeploymentRun} as JSON values ({@link batou.engine.Json}) and back: what the view showed of it,
 * already masked (log lines, failure and file contents passed through the run's masking when they came in; sensitive
 * files carry no text at all), so a stored run holds no secret.
 */
final class StoredRun {

    private StoredRun() {
    }

    static Map<String, Object> of(DeploymentRun run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("environment", run.environment());
        json.put("mode", run.mode().name());
        json.put("started", run.started().toString());
        json.put("finished", run.finished() == null ? null : run.finished().toString());
        json.put("outcome", run.outcome().name());
        json.put("failure", run.failure());
        List<Object> hosts = new ArrayList<>();
        for (String host : run.hosts()) {
            Map<String, Object> roots = new LinkedHashMap<>();
            for (String component : run.roots(host)) {
                RootStatus state = run.state(new RootId(host, component));
                roots.put(component, state == null ? null : state.name());
            }
            hosts.add(Map.of("name", host, "unreachable", run.unreachable(host), "roots", roots));
        }
        json.put("hosts", hosts);
        json.put("log", run.log(0).stream().map(line -> List.of(line.host(), line.text(), line.kind().name()))
                .toList());
        List<Object> changes = new ArrayList<>();
        for (FileChange change : run.changes()) {
            Map<String, Object> stored = new LinkedHashMap<>();
            stored.put("host", change.root().host());
            stored.put("component", change.root().component());
            stored.put("part", change.part().segments());
            stored.put("path", change.content().path());
            stored.put("before", change.content().before());
            stored.put("after", change.content().after());
            stored.put("sensitive", change.content().sensitive());
            changes.add(stored);
        }
        json.put("changes", changes);
        return json;
    }

    /**
     * The run {@code json} stores.
     *
     * @throws IllegalArgumentException or ClassCastException when it is not a stored run
     */
    static DeploymentRun read(Object json) {
        Map<?, ?> stored = (Map<?, ?>) json;
        DeploymentRun run = new DeploymentRun(text(stored, "environment"),
                RunMode.valueOf(text(stored, "mode")), Instant.parse(text(stored, "started")));
        for (Object entry : (List<?>) stored.get("hosts")) {
            Map<?, ?> host = (Map<?, ?>) entry;
            String name = text(host, "name");
            for (Map.Entry<?, ?> root : ((Map<?, ?>) host.get("roots")).entrySet()) {
                run.restore(new RootId(name, (String) root.getKey()), RootStatus.valueOf((String) root.getValue()));
            }
            if (Boolean.TRUE.equals(host.get("unreachable"))) {
                run.restoreUnreachable(name);
            }
        }
        for (Object entry : (List<?>) stored.get("log")) {
            List<?> line = (List<?>) entry;
            run.note((String) line.get(0), (String) line.get(1), LogLine.Kind.valueOf((String) line.get(2)));
        }
        for (Object entry : (List<?>) stored.get("changes")) {
            Map<?, ?> change = (Map<?, ?>) entry;
            List<String> part = ((List<?>) change.get("part")).stream().map(String.class::cast).toList();
            run.restore(new FileChange(new RootId(text(change, "host"), text(change, "component")),
                    new PartPath(part), new Change.Content(text(change, "path"), (String) change.get("before"),
                            (String) change.get("after"), Boolean.TRUE.equals(change.get("sensitive")))));
        }
        if (stored.get("failure") instanceof String failure) {
            run.fail(failure);
        }
        String finished = (String) stored.get("finished");
        run.finish(Outcome.valueOf(text(stored, "outcome")), finished == null ? null : Instant.parse(finished));
        return run;
    }

    private static String text(Map<?, ?> json, String key) {
        if (!(json.get(key) instanceof String text)) {
            throw new IllegalArgumentException("no " + key);
        }
        return text;
    }
}
