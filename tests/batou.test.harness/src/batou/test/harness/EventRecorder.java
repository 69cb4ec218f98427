package batou.test.harness;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;

/**
 * The events of a deployment in the order they arrived. Hosts deploy in parallel and report from their own threads,
 * so every read is a copy taken under the lock: a test may read while a deployment still runs.
 */
public final class EventRecorder implements DeploymentListener {

    private final List<DeploymentEvent> events = new ArrayList<>();

    @Override
    public synchronized void on(DeploymentEvent event) {
        events.add(event);
    }

    /** The events so far. */
    public synchronized List<DeploymentEvent> all() {
        return List.copyOf(events);
    }

    public Stream<DeploymentEvent> stream() {
        return all().stream();
    }

    /** The first event of {@code kind} from {@code host}; fails the test, showing every event, when there is none. */
    public <T extends DeploymentEvent> T first(Class<T> kind, String host) {
        return stream().filter(kind::isInstance).map(kind::cast).filter(event -> event.host().equals(host))
                .findFirst().orElseThrow(() -> new AssertionError(
                        "no " + kind.getSimpleName() + " of " + host + ": " + this));
    }

    /** Forgets the events so far, e.g. before deploying again. */
    public synchronized void clear() {
        events.clear();
    }

    /** Every event, for a failing assertion's message. */
    @Override
    public synchronized String toString() {
        return events.toString();
    }
}
