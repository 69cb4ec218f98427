package batou.ssh.operation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import batou.engine.DeploymentInfo;
import batou.engine.DeploymentResult;
import batou.engine.Orchestrator;
import batou.engine.Phase;
import batou.engine.RunMode;
import batou.model.Masking;
import batou.model.configure.Configuration;
import batou.model.configure.HostHomes;
import batou.model.plan.DeploymentPlan;
import batou.ssh.deploy.DeployLock;
import batou.ssh.deploy.EnvironmentConnector;
import batou.ssh.deploy.ProjectRepository;

/**
 * Deploys, predicts or only configures one environment of a project, for every front end: the one place that
 * decides the order of a run. The deploy lock first (so that nothing, not even the git state, is read while another
 * run of the environment works), then the project's git state (read while the environment is configured with its
 * secrets; uncommitted changes are refused unless the request allows them or its progress agrees), the
 * configuration, then the hosts through an {@link EnvironmentConnector} (local hosts in this process, SSH hosts
 * through an agent), ordered by the engine's {@link Orchestrator}, which records the run on each host. When target
 * directories are in the home ({@code ~}), the environment is configured again with the homes of the hosts first.
 * Whatever goes wrong ends in the {@link DeployReport}, never in an exception.
 */
public final class DeployOperation {

    private final DeployRequest request;
    private final DeployProgress progress;
    private final Map<String, Long> timings = new LinkedHashMap<>();
    private final long started = System.nanoTime();
    private volatile Masking masking = Masking.none();
    private Phase phase = Phase.PREPARING;
    private ProjectRepository repository;
    private DeploymentPlan plan;
    private boolean declined;

    /** One run of {@code request}; {@link #run} once. */
    public DeployOperation(DeployRequest request) {
        this.request = request;
        this.progress = request.progress();
    }

    /** Runs the request; returns when every host is finished. */
    public DeployReport run() {
        DeployLock lock;
        try {
            lock = DeployLock.acquire(request.project(), request.environment());
        } catch (DeployLock.HeldException e) {
            return notStarted(e.getMessage());
        } catch (IOException e) {
            return notStarted("cannot take the deploy lock: " + e.getMessage());
        }
        try {
            return phases();
        } catch (RuntimeException | Error e) {
            return report(null, phase, null, e);
        } finally {
            release(lock);
        }
    }

    private DeployReport phases() {
        progress.phase(Phase.PREPARING);
        Path project = request.project();
        if (!Files.isDirectory(project.resolve("environments"))) {
            return refuse("no batou project at " + project + " (it has no environments/ folder): pass the project "
                    + "folder with -p, or run batou inside it");
        }
        // reading git's state (JGit) and configuring are independent: both at once, reported in this order
        FutureTask<ProjectRepository> reading = new FutureTask<>(() -> ProjectRepository.of(project));
        Thread reader = new Thread(reading, "batou-git-state");
        reader.setDaemon(true);
        reader.start();
        long configureStart = System.nanoTime();
        Configuration configuration = configure(HostHomes.UNKNOWN);
        timings.put("configure", millisSince(configureStart));
        String refusal;
        try {
            refusal = checkRepository(repositoryOf(reading));
        } catch (IOException e) {
            refusal = e.getMessage();
        }
        if (refusal != null) {
            return refuse(refusal);
        }
        phase = Phase.CONFIGURING;
        progress.phase(phase);
        progress.configured(configuration, timings.get("configure"));
        if (configuration.failed()) {
            return report(null, phase, configuration.errors().isEmpty() ? "the configuration failed"
                    : configuration.errors().size() + " configuration errors, the first: "
                            + configuration.errors().get(0), null);
        }
        plan = configuration.plan();
        if (request.mode() == RunMode.CONSISTENCY) {
            return report(null, null, null, null);
        }
        phase = Phase.DEPLOYING;
        progress.phase(phase);
        long deployStart = System.nanoTime();
        DeploymentResult result = deploy();
        timings.put("deploy", millisSince(deployStart));
        return report(result, result.failed() || request.cancellation().cancelled() ? phase : null, null, null);
    }

    /** Notes the git state; the reason to refuse the run, or null. */
    private String checkRepository(ProjectRepository read) {
        repository = read;
        if (read != null) {
            progress.repository(read);
        }
        boolean allowed = read != null && read.clean() || request.dirty() || !request.mode().changesHosts();
        if (!allowed && !progress.deployUncommitted(read)) {
            declined = true;
            return read == null
                    ? "the project is not in a git repository: commit it to git to deploy it, or deploy with --dirty"
                    : "refusing to deploy " + (read.commit() == null ? "without a commit" : "uncommitted changes")
                            + ": commit them, or deploy with --dirty";
        }
        if (read == null) {
            progress.untraced();
        }
        return null;
    }

    private DeploymentResult deploy() {
        DeploymentInfo info = new DeploymentInfo(request.environment(), repository == null ? null
                : repository.commit(), DeploymentInfo.currentOperator(), request.mode());
        try (EnvironmentConnector connector = EnvironmentConnector.forProject(request.project(), request.registry(),
                request.settings())) {
            Orchestrator orchestrator = new Orchestrator(connector, info, request.jobs() > 0 ? request.jobs()
                    : plan.jobs(), progress, Clock.systemUTC());
            request.cancellation().onCancel(orchestrator::cancel);
            return orchestrator.run(withHomes(connector));
        }
    }

    /**
     * The plan configured again with the homes of its hosts when any target directory is in the home ({@code ~},
     * which configuring without connecting keeps), asked in parallel over the connections the deployment then uses,
     * so that {@code {{ component.workdir }}} and everything made from it are real paths on the host.
     */
    private DeploymentPlan withHomes(EnvironmentConnector connector) {
        if (plan.hosts().stream().noneMatch(host -> host.targetDirectory().startsWith("~"))) {
            return plan;
        }
        Configuration configuration = configure(connector::homes);
        if (configuration.failed()) {
            connector.failAll(plan.hosts(), "configuring with the homes of the hosts failed: "
                    + configuration.errors().get(0));
            return plan;
        }
        return configuration.plan();
    }

    /** Configures with the request's configurer; the report masks what every configuration knew. */
    private Configuration configure(HostHomes homes) {
        Configuration configuration = request.configure().apply(homes);
        masking = masking.with(configuration.masking());
        return configuration;
    }

    private static ProjectRepository repositoryOf(FutureTask<ProjectRepository> reading) throws IOException {
        try {
            return reading.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading the git state", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IOException(e.getCause());
        }
    }

    private DeployReport refuse(String reason) {
        progress.refused(reason);
        return report(null, Phase.PREPARING, reason, null);
    }

    private DeployReport report(DeploymentResult result, Phase failedIn, String failure, Throwable unexpected) {
        timings.put("total", millisSince(started));
        return new DeployReport(request.environment(), request.mode(), true, repository, plan, result, masking,
                Collections.unmodifiableMap(new LinkedHashMap<>(timings)), failedIn, failure,
                declined || request.cancellation().cancelled(), unexpected);
    }

    private DeployReport notStarted(String failure) {
        return new DeployReport(request.environment(), request.mode(), false, null, null, null, Masking.none(),
                Map.of(), Phase.PREPARING, failure, false, null);
    }

    /** Releases the lock; one that cannot be released goes away with this process. */
    private static void release(DeployLock lock) {
        try {
            lock.close();
        } catch (IOException e) {
            // the operating system releases it when the process ends
        }
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
