package batou.engine;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;
import batou.engine.events.OutputFilter;
import batou.engine.parts.ExecutablePartTypes;
import batou.model.plan.HostPlan;
import batou.model.plan.RootPlan;

/**
 * A host deployed by this process ({@code connect: local}, and the agent on a remote host): roots converge through
 * a {@link RootDeployer}; unless predicting, the target directory is locked for the run and the outcome recorded
 * in {@code .batou/deployed.json}.
 */
public final class LocalHostSession implements HostSession {

    /** The folder of batou's own state in a target directory. */
    public static final String STATE_DIRECTORY = ".batou";

    private final HostPlan host;
    private final DeploymentInfo info;
    private final RootDeployer deployer;
    private final Clock clock;
    private final TargetLock lock;

    private LocalHostSession(HostPlan host, DeploymentInfo info, RootDeployer deployer, Clock clock,
            TargetLock lock) {
        this.host = host;
        this.info = info;
        this.deployer = deployer;
        this.clock = clock;
        this.lock = lock;
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
        if (!info.predict()) {
            lock = TargetLock.acquire(stateDirectory(host), host.name(), info.operator());
            if (lock.takenOverFrom() != null) {
                OutputFilter.of(host.masking()).wrap(listener).on(new DeploymentEvent.Warning(clock.instant(), host.name(), "",
                        "took over the lock of a deployment that ended without releasing it (" + lock.takenOverFrom()
                                + ")"));
            }
        }
        RootDeployer deployer = new RootDeployer(types, projectFiles, info.predict(), listener, clock,
                SensitiveFiles.load(stateDirectory(host)));
        return new LocalHostSession(host, info, deployer, clock, lock);
    }

    /** {@code <target_directory>/.batou} of {@code host} on this machine. */
    public static Path stateDirectory(HostPlan host) {
        return TargetPaths.resolve(host.targetDirectory()).resolve(STATE_DIRECTORY);
    }

    @Override
    public RootDeployer.Outcome deploy(RootPlan root) {
        return deployer.deploy(host, root);
    }

    /** The running root stops before its next part, failing with {@code reason}; no later root should start. */
    public void abort(String reason) {
        deployer.abort(reason);
    }

    @Override
    public void finish(List<RootResult> results) throws HostSessionException {
        if (info.predict()) {
            return;
        }
        try {
            DeployedRecord.write(stateDirectory(host), DeployedRecord.toJson(host.name(), info, clock.instant(),
                    results));
        } catch (IOException e) {
            throw new HostSessionException("cannot write " + stateDirectory(host).resolve(DeployedRecord.FILE)
                    + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (lock != null) {
            lock.close();
        }
    }
}
