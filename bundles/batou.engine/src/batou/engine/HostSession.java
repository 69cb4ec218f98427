package batou.engine;

import java.util.List;

import batou.model.plan.RootPlan;

/**
 * One host during one deployment: on this machine, or an agent reached over SSH. Roots are deployed one at a time
 * (the orchestrator never calls {@link #deploy} concurrently on one session); events go to the listener given when
 * the session was opened.
 */
public interface HostSession extends AutoCloseable {

    /** Deploys one root of the host; a failing part is an outcome, a lost host an exception. */
    RootDeployer.Outcome deploy(RootPlan root) throws HostSessionException;

    /** The deployment is over for this host: record what happened (unless predicting) and release the host. */
    void finish(List<RootResult> results) throws HostSessionException;

    /** Releases everything; after {@link #finish} or instead of it (abort). Never throws. */
    @Override
    void close();
}
