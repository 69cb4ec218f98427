package batou.ssh.operation;

import java.nio.file.Path;
import java.util.function.Function;

import batou.engine.RunMode;
import batou.model.configure.Configuration;
import batou.model.configure.HostHomes;
import batou.model.parts.PartTypeRegistry;
import batou.ssh.SshSettings;

/**
 * What a {@link DeployOperation} runs: {@code environment} of the project at {@code project} in {@code mode}.
 *
 * @param configure configures the environment with its secrets (the front end's vault and passphrase prompt), with
 *        the homes of the hosts once they are known; may be called twice
 * @param registry the part types of local hosts and of the project files SSH hosts receive
 * @param jobs at most this many roots at once; 0 for the environment's {@code jobs} setting
 * @param dirty deploy uncommitted changes or a project outside git without asking
 * @param settings SSH settings, with the host-key policy ({@link SshSettings#withAcceptNewHostKeys})
 */
public record DeployRequest(Path project, String environment, RunMode mode,
        Function<HostHomes, Configuration> configure, PartTypeRegistry registry, long jobs, boolean dirty,
        SshSettings settings, DeployProgress progress, Cancellation cancellation) {

    /** A request with the environment's jobs, not dirty, default SSH settings, no progress and its own cancel. */
    public static DeployRequest of(Path project, String environment, RunMode mode,
            Function<HostHomes, Configuration> configure, PartTypeRegistry registry) {
        return new DeployRequest(project, environment, mode, configure, registry, 0, false, SshSettings.defaults(),
                DeployProgress.NONE, new Cancellation());
    }

    public DeployRequest withJobs(long newJobs) {
        return new DeployRequest(project, environment, mode, configure, registry, newJobs, dirty, settings, progress,
                cancellation);
    }

    public DeployRequest withDirty(boolean newDirty) {
        return new DeployRequest(project, environment, mode, configure, registry, jobs, newDirty, settings, progress,
                cancellation);
    }

    public DeployRequest withSettings(SshSettings newSettings) {
        return new DeployRequest(project, environment, mode, configure, registry, jobs, dirty, newSettings, progress,
                cancellation);
    }

    public DeployRequest withProgress(DeployProgress newProgress) {
        return new DeployRequest(project, environment, mode, configure, registry, jobs, dirty, settings, newProgress,
                cancellation);
    }

    public DeployRequest withCancellation(Cancellation newCancellation) {
        return new DeployRequest(project, environment, mode, configure, registry, jobs, dirty, settings, progress,
                newCancellation);
    }
}
