package batou.engine;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;
import batou.engine.events.OutputFilter;
import batou.model.Masking;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootId;
import batou.model.plan.RootPlan;

/**
 * Deploys a plan across its hosts. Every host is connected at once, in parallel; then each root starts as soon as
 * every root it depends on (on any host) has finished, one root at a time per host and at most {@code jobs} roots
 * at once. A root whose dependency failed or was skipped is skipped; other branches go on. After {@link #cancel()}
 * no new root starts and the running ones finish.
 */
public final class Orchestrator {

    private static final int MAX_PARALLEL_CONNECTS = 32;

    private final HostConnector connector;
    private final DeploymentInfo info;
    private final int jobs;
    private final DeploymentListener listener;
    private final Clock clock;
    /** What events and results pass through before anybody sees them; the plan's masking once the run starts. */
    private volatile OutputFilter shown = OutputFilter.of(Masking.none());
    private volatile boolean cancelled;

    public Orchestrator(HostConnector connector, DeploymentInfo info, long jobs, DeploymentListener listener,
            Clock clock) {
        this.connector = connector;
        this.info = info;
        this.jobs = (int) Math.max(1, Math.min(jobs, 1024));
        DeploymentListener target = listener;
        this.listener = event -> {
            DeploymentEvent filtered = shown.apply(event);
            synchronized (target) {
                target.on(filtered);
            }
        };
        this.clock = clock;
    }

    /** No root starts after this; running roots finish and the rest are skipped. Safe from any thread. */
    public void cancel() {
        cancelled = true;
    }

    /** A root finished on a worker thread. */
    private record Completed(RootId id, RootResult result) {
    }

    public DeploymentResult run(DeploymentPlan plan) {
        shown = OutputFilter.of(plan.masking());
        long started = System.nanoTime();
        DeploymentResult result = new DeploymentResult();
        Map<String, Host> hosts = new LinkedHashMap<>();
        ExecutorService connects = Executors.newFixedThreadPool(
                Math.max(1, Math.min(plan.hosts().size(), MAX_PARALLEL_CONNECTS)), daemon("batou-connect"));
        ExecutorService workers = Executors.newFixedThreadPool(jobs, daemon("batou-deploy"));
        try {
            for (HostPlan host : plan.hosts()) {
                listener.on(new DeploymentEvent.HostStarted(clock.instant(), host.name()));
                hosts.put(host.name(), new Host(host, CompletableFuture.supplyAsync(() -> open(host), connects)));
            }
            schedule(plan, hosts, result, workers);
            finishAll(hosts, result, connects);
        } finally {
            workers.shutdownNow();
            connects.shutdownNow();
            hosts.values().forEach(Host::close);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        for (HostPlan host : plan.hosts()) {
            int[] counts = new int[RootStatus.values().length];
            result.of(host.name()).forEach(r -> counts[r.status().ordinal()]++);
            listener.on(new DeploymentEvent.HostFinished(clock.instant(), host.name(),
                    counts[RootStatus.CHANGED.ordinal()], counts[RootStatus.UNCHANGED.ordinal()],
                    counts[RootStatus.FAILED.ordinal()], counts[RootStatus.SKIPPED.ordinal()],
                    millis));
        }
        return result;
    }

    private HostSession open(HostPlan host) {
        try {
            return connector.open(host, info, listener);
        } catch (HostSessionException e) {
            listener.on(new DeploymentEvent.HostFailed(clock.instant(), host.name(), e.getMessage()));
            throw new CompletionException(e);
        } catch (RuntimeException | Error e) {
            String message = "cannot start the deployment of host '" + host.name() + "': " + e;
            listener.on(new DeploymentEvent.HostFailed(clock.instant(), host.name(), message));
            throw new CompletionException(new HostSessionException(message, e));
        }
    }

    private void schedule(DeploymentPlan plan, Map<String, Host> hosts, DeploymentResult result,
            ExecutorService workers) {
        List<RootId> pending = new ArrayList<>(plan.order());
        Set<String> busy = new HashSet<>();
        Set<RootId> done = new HashSet<>();
        Set<RootId> planned = new HashSet<>(plan.order());
        BlockingQueue<Completed> completed = new LinkedBlockingQueue<>();
        int running = 0;
        while (!pending.isEmpty() || running > 0) {
            for (Iterator<RootId> it = pending.iterator(); it.hasNext();) {
                RootId id = it.next();
                RootPlan root = plan.root(id);
                String reason = cancelled ? "the deployment was cancelled" : blockedBy(root, result);
                if (reason != null) {
                    it.remove();
                    listener.on(new DeploymentEvent.RootSkipped(clock.instant(), id.host(), id.component(), reason));
                    result.add(new RootResult(id, RootStatus.SKIPPED, shown.apply(reason), 0));
                    done.add(id);
                    continue;
                }
                if (running >= jobs || busy.contains(id.host()) || !ready(root, planned, done)) {
                    continue;
                }
                it.remove();
                busy.add(id.host());
                running++;
                Host host = hosts.get(id.host());
                workers.execute(() -> completed.add(new Completed(id, host.deploy(root))));
            }
            if (running == 0) {
                if (!pending.isEmpty()) {
                    throw new IllegalStateException("roots wait for each other: " + pending);
                }
                continue;
            }
            Completed next;
            try {
                next = completed.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                cancelled = true;
                continue;
            }
            running--;
            busy.remove(next.id().host());
            result.add(next.result());
            done.add(next.id());
        }
    }

    /** True when every root {@code root} depends on and that this run deploys has finished. */
    private static boolean ready(RootPlan root, Set<RootId> planned, Set<RootId> done) {
        for (RootId dependency : root.dependsOn()) {
            if (planned.contains(dependency) && !done.contains(dependency)) {
                return false;
            }
        }
        return true;
    }

    /** Why {@code root} cannot run (a dependency failed or was skipped), or null. */
    private static String blockedBy(RootPlan root, DeploymentResult result) {
        for (RootId dependency : root.dependsOn()) {
            RootResult outcome = result.get(dependency);
            if (outcome != null && outcome.failedOrSkipped()) {
                return dependency + (outcome.status() == RootStatus.FAILED ? " failed" : " was skipped");
            }
        }
        return null;
    }

    private void finishAll(Map<String, Host> hosts, DeploymentResult result, ExecutorService pool) {
        List<CompletableFuture<Void>> finishing = new ArrayList<>();
        for (Host host : hosts.values()) {
            finishing.add(CompletableFuture.runAsync(() -> host.finish(result.of(host.plan.name())), pool));
        }
        finishing.forEach(CompletableFuture::join);
    }

    /** A host during the run: its session (once connected) or why it has none. */
    private final class Host {
        final HostPlan plan;
        final CompletableFuture<HostSession> session;
        volatile String lost;

        Host(HostPlan plan, CompletableFuture<HostSession> session) {
            this.plan = plan;
            this.session = session;
        }

        RootResult deploy(RootPlan root) {
            long started = System.nanoTime();
            HostSession open;
            try {
                open = session.join();
            } catch (CompletionException e) {
                return failed(root, "host unavailable: " + e.getCause().getMessage(), started);
            }
            if (lost != null) {
                return failed(root, lost, started);
            }
            try {
                return RootResult.of(root.id(), open.deploy(root), millis(started)).map(shown);
            } catch (HostSessionException e) {
                lost = e.getMessage();
                listener.on(new DeploymentEvent.HostFailed(clock.instant(), plan.name(), e.getMessage()));
                return failed(root, e.getMessage(), started);
            } catch (RuntimeException | Error e) {
                // an error (e.g. out of memory) ends this host, never the run: the scheduler waits for every root
                lost = "internal error while deploying " + root.id() + ": " + e;
                listener.on(new DeploymentEvent.HostFailed(clock.instant(), plan.name(), lost));
                return failed(root, lost, started);
            }
        }

        void finish(List<RootResult> results) {
            if (lost != null) {
                return;
            }
            HostSession open;
            try {
                open = session.join(); // a host without roots may still be connecting
            } catch (CompletionException | java.util.concurrent.CancellationException unavailable) {
                return; // reported when it failed
            }
            try {
                open.finish(results);
            } catch (HostSessionException | RuntimeException e) {
                listener.on(new DeploymentEvent.Warning(clock.instant(), plan.name(), "",
                        "the deployment ran, but the host could not record it: " + e.getMessage()));
            }
        }

        void close() {
            if (!session.isDone()) {
                session.cancel(false);
            }
            HostSession open = session.isCompletedExceptionally() || session.isCancelled() ? null
                    : session.getNow(null);
            if (open != null) {
                open.close();
            }
        }

        private RootResult failed(RootPlan root, String message, long started) {
            return new RootResult(root.id(), RootStatus.FAILED, shown.apply(message), millis(started));
        }
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
