package batou.engine.events;

/** Receives the events of a deployment as they happen; called from the deploying thread. */
@FunctionalInterface
public interface DeploymentListener {

    void on(DeploymentEvent event);
}
