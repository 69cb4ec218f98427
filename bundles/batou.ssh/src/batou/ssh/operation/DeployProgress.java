package batou.ssh.operation;

import batou.engine.Phase;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentListener;
import batou.model.configure.Configuration;
import batou.ssh.deploy.ProjectRepository;

/**
 * What a front end hears of a {@link DeployOperation} while it runs, in this order, all from the operation's thread
 * except the engine's events (from the hosts' threads). Every method has a default, so a front end implements what it
 * shows.
 */
public interface DeployProgress extends DeploymentListener {

    /** Nothing to show. */
    DeployProgress NONE = new DeployProgress() {
    };

    /** Only the engine's events, to {@code listener}. */
    static DeployProgress events(DeploymentListener listener) {
        return new DeployProgress() {
            @Override
            public void on(DeploymentEvent event) {
                listener.on(event);
            }
        };
    }

    /** A phase starts: {@link Phase#PREPARING} once the deploy lock is held, then configuring, deploying. */
    default void phase(Phase phase) {
    }

    /** The project's git state, when it is in a git work tree. */
    default void repository(ProjectRepository repository) {
    }

    /**
     * Asked before deploying a project that is not at a clean commit ({@code repository} is null outside git) unless
     * the request allows it; true deploys anyway. The default refuses, as the command line without --dirty does.
     */
    default boolean deployUncommitted(ProjectRepository repository) {
        return false;
    }

    /** The project is not in git and the run goes on (allowed or agreed): it cannot be traced to a commit. */
    default void untraced() {
    }

    /** The run stops before configuring, for {@code reason} (no project, uncommitted changes, ...). */
    default void refused(String reason) {
    }

    /**
     * The environment's first configuration, failed or not, which took {@code millis} (configuring again with the
     * hosts' homes is silent).
     */
    default void configured(Configuration configuration, long millis) {
    }

    @Override
    default void on(DeploymentEvent event) {
    }
}
