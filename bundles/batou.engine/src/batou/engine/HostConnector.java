package batou.engine;

import batou.engine.events.DeploymentListener;
import batou.model.plan.HostPlan;

/** Opens the session of a host: in this process for {@code connect: local}, through SSH and an agent otherwise. */
@FunctionalInterface
public interface HostConnector {

    HostSession open(HostPlan host, DeploymentInfo info, DeploymentListener listener) throws HostSessionException;
}
