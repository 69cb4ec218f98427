package batou.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;
import batou.engine.events.OutputFilter;
import batou.engine.internal.SensitiveFiles;
import batou.engine.internal.TargetLock;
import batou.engine.internal.TargetPaths;
import batou.engine.parts.ExecutablePartTypes;
import batou.engine.processes.RunDirectory;
import batou.model.plan.HostPlan;
import batou.model.plan.RootPlan;

/**
 * A host deployed by this process ({@code connect: local}, and the agent on a remote host): roots converge through
 * a {@link RootDeployer}, their commands in a {@link RunDirectory} of this session; unless predicting, the target
 * directory is locked for the run, what earlier deployments that died left behind is cleaned, and the outcome
 * recorded in {@code .batou/deployed.json}: also after each root that changed or failed, and when the session ends
 * without {@link #finish}, so that the record tells what was done also when the run never reaches its end
 * ({@link DeployedRecord.State}).
 */
public final class LocalHostSession implements HostSession {

    /** The folder of batou's own state in a target directory. */
    public static final String STATE_DIRECTORY = ".batou";

    private final HostPlan host;
    private final DeploymentInfo info;
    private final RootDeployer deployer;
    private final Clock clock;
    private final TargetLock lock;
    private final RunDirectory runDirectory;
    private final List<RootResult> deployed = new ArrayList<>();
    private volatile boolean controllerLost;
    private volatile boolean finished;

    private LocalHostSession(HostPlan host, DeploymentInfo info, RootDeployer deployer, Clock clock,
            TargetLock lock, RunDirectory runDirectory) {
        this.host = host;
        this.info = info;
        this.deployer = deployer;
        this.clock = clock;
        this.lock = lock;
        this.runDirectory = runDirectory;
    }

    /**
     * The connector of hosts deployed in this process ({@code connect: local}) with {@code types}, project files
     * from {@code projectRoot}.
     */
    public static HostConnector connector(ExecutablePartTypes types, Path projectRoot, Clock clock) {
        return (host, info, listener) -> open(host, info, types, projectRoot, listener, clock);
    }

    /** Opens {@code host} here: takes the target directory's lock unless predicting. */
    public static LocalHostSession open(HostPlan host, DeploymentInfo info, ExecutablePartTypes types,
            Path projectRoot, DeploymentListener listener, Clock clock) throws HostSessionException {
        return open(host, info, types, projectRoot::resolve, listener, clock);
    }

    /** Opens {@code host} here with project files found through {@code projectFiles}. */
    public static LocalHostSession open(HostPlan host, DeploymentInfo info, ExecutablePartTypes types,
            java.util.function.Function<String, Path> projectFiles, DeploymentListener listener, Clock clock)
            throws HostSessionException {
        TargetLock lock = null;
        Path state = stateDirectory(host);
        if (!info.predict()) {
            lock = TargetLock.acquire(state, host.name(), info.operator());
            RunDirectory.Sweep swept = RunDirectory.sweep(state);
            String cleaned = swept.isEmpty() ? "" : swept.describe();
            if (lock.takenOverFrom() != null) {
                OutputFilter.of(host.masking()).wrap(listener).on(new DeploymentEvent.Warning(clock.instant(), host.name(), "",
                        "took over the lock of a deployment that ended without releasing it (" + lock.takenOverFrom()
                                + ")" + (cleaned.isEmpty() ? "" : "; cleaned what it left: " + cleaned)));
            } else if (!cleaned.isEmpty()) {
                listener.on(new DeploymentEvent.Warning(clock.instant(), host.name(), "",
                        "cleaned what deployments that ended without doing so left: " + cleaned));
            }
        }
        RunDirectory runDirectory = RunDirectory.of(state, info.predict());
        RootDeployer deployer = new RootDeployer(types, projectFiles, info.predict(), listener, clock,
                runDirectory, SensitiveFiles.load(stateDirectory(host)));
        return new LocalHostSession(host, info, deployer, clock, lock, runDirectory);
    }

    /** {@code <target_directory>/.batou} of {@code host} on this machine. */
    public static Path stateDirectory(HostPlan host) {
        return TargetPaths.resolve(host.targetDirectory()).resolve(STATE_DIRECTORY);
    }

    @Override
    public RootDeployer.Outcome deploy(RootPlan root) {
        long started = System.nanoTime();
        RootDeployer.Outcome outcome = deployer.deploy(host, root);
        if (!info.predict()) {
            List<RootResult> roots = deployed(RootResult.of(root.id(), outcome,
                    (System.nanoTime() - started) / 1_000_000));
            if (outcome.changed() || outcome.failed()) { // a root that changed nothing leaves the record as it is
                try {
                    record(roots, DeployedRecord.State.RUNNING);
                } catch (IOException e) {
                    // finish() reports a record that cannot be written
                }
            }
        }
        return outcome;
    }

    /**
     * The controller is gone: the running root stops before its next part, failing with {@code reason}, no later
     * root starts, and the record will say that the roots deployed so far were deployed without it.
     */
    public void controllerLost(String reason) {
        controllerLost = true;
        deployer.abort(reason);
    }

    @Override
    public void finish(List<RootResult> results) throws HostSessionException {
        if (info.predict()) {
            return;
        }
        try {
            record(results, DeployedRecord.State.FINISHED);
            finished = true;
        } catch (IOException e) {
            throw new HostSessionException("cannot write " + stateDirectory(host).resolve(DeployedRecord.FILE)
                    + ": " + e.getMessage(), e);
        }
    }

    /** The roots this session deployed, after adding {@code result} unless it is null. */
    private List<RootResult> deployed(RootResult result) {
        synchronized (deployed) {
            if (result != null) {
                deployed.add(result);
            }
            return List.copyOf(deployed);
        }
    }

    private void record(List<RootResult> results, DeployedRecord.State state) throws IOException {
        DeployedRecord.of(host.name(), info, clock.instant(), results, state).write(stateDirectory(host));
    }

    /**
     * Kills the commands still running and removes the run directory; records the roots deployed when the run
     * ended without {@link #finish}; then releases the lock.
     */
    @Override
    public void close() {
        runDirectory.close();
        List<RootResult> deployedRoots = deployed(null);
        if (!info.predict() && !finished && !deployedRoots.isEmpty()) {
            try {
                record(deployedRoots, controllerLost ? DeployedRecord.State.CONTROLLER_LOST
                        : DeployedRecord.State.INCOMPLETE);
            } catch (IOException e) {
                // the record after the last root stays
            }
        }
        if (lock != null) {
            lock.close();
        }
    }
}
