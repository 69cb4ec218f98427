package batou.test.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import batou.engine.events.DeploymentEvent;

/** The recorder keeps every event of hosts reporting at once, and may be read while they do. */
class EventRecorderTest {

    private static final Instant T = Instant.EPOCH;

    @Test
    void findsTheFirstEventOfAKindFromAHostAndShowsEveryEventWhenThereIsNone() {
        EventRecorder events = new EventRecorder();
        events.on(new DeploymentEvent.RootStarted(T, "web1", "app"));
        events.on(new DeploymentEvent.RootStarted(T.plusSeconds(1), "db1", "db"));
        events.on(new DeploymentEvent.RootFinished(T.plusSeconds(2), "db1", "db", true, 5));
        assertEquals("db", events.first(DeploymentEvent.RootStarted.class, "db1").component());
        AssertionError none = assertThrows(AssertionError.class,
                () -> events.first(DeploymentEvent.RootFinished.class, "web1"));
        assertTrue(none.getMessage().startsWith("no RootFinished of web1: [RootStarted["), none.getMessage());
        events.clear();
        assertEquals(List.of(), events.all());
    }

    @Test
    void readingWhileHostsReportNeitherFailsNorLosesEvents() throws Exception {
        EventRecorder events = new EventRecorder();
        ExecutorService hosts = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> reporting = new ArrayList<>();
            for (int h = 0; h < 4; h++) {
                String host = "h" + h;
                reporting.add(hosts.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        events.on(new DeploymentEvent.HostStarted(T, host));
                    }
                }));
            }
            while (!reporting.stream().allMatch(Future::isDone)) {
                events.stream().filter(DeploymentEvent.HostStarted.class::isInstance).count();
            }
            for (Future<?> future : reporting) {
                future.get();
            }
        } finally {
            hosts.shutdown();
            assertTrue(hosts.awaitTermination(10, TimeUnit.SECONDS));
        }
        assertEquals(8_000, events.all().size());
    }
}
