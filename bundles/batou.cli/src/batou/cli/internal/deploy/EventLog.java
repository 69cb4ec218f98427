package batou.cli.internal.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batou.engine.ChangeText;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;
import batou.engine.parts.Change;

/** Keeps every event of a run as report entries, already free of sensitive values. */
final class EventLog implements DeploymentListener {

    private final List<Map<String, Object>> entries = new ArrayList<>();

    @Override
    public void on(DeploymentEvent event) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("event", event.getClass().getSimpleName());
        entry.put("time", event.time().toString());
        entry.put("host", event.host());
        if (event instanceof DeploymentEvent.RootStarted started) {
            entry.put("component", started.component());
        } else if (event instanceof DeploymentEvent.PartChanged changed) {
            entry.put("component", changed.component());
            entry.put("part", changed.path().toString());
            List<Object> changes = new ArrayList<>();
            for (Change change : changed.changes()) {
                List<String> lines = ChangeText.lines(change);
                Map<String, Object> item = new LinkedHashMap<>();
                item.put("kind", change.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
                item.put("summary", lines.get(0));
                if (lines.size() > 1) {
                    item.put("diff", lines.subList(1, lines.size()));
                }
                changes.add(item);
            }
            entry.put("changes", changes);
        } else if (event instanceof DeploymentEvent.RootFinished finished) {
            entry.put("component", finished.component());
            entry.put("changed", finished.changed());
            entry.put("millis", finished.millis());
        } else if (event instanceof DeploymentEvent.RootFailed failed) {
            entry.put("component", failed.component());
            entry.put("part", failed.path().toString());
            entry.put("message", failed.message());
            entry.put("millis", failed.millis());
        } else if (event instanceof DeploymentEvent.RootSkipped skipped) {
            entry.put("component", skipped.component());
            entry.put("reason", skipped.reason());
        } else if (event instanceof DeploymentEvent.Warning warning) {
            entry.put("component", warning.component());
            entry.put("message", warning.message());
        } else if (event instanceof DeploymentEvent.HostFailed failed) {
            entry.put("message", failed.message());
        } else if (event instanceof DeploymentEvent.HostFinished finished) {
            entry.put("changed", finished.changed());
            entry.put("unchanged", finished.unchanged());
            entry.put("failed", finished.failed());
            entry.put("skipped", finished.skipped());
            entry.put("millis", finished.millis());
        }
        entries.add(entry);
    }

    List<Map<String, Object>> entries() {
        return entries;
    }
}
