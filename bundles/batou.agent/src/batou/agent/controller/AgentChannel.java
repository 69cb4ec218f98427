package batou.agent.controller;

import java.io.InputStream;
import java.io.OutputStream;

/** A running agent as the controller sees it: its input and output, and what it said when it ended. */
public interface AgentChannel extends AutoCloseable {

    /** The agent's standard output: its messages. */
    InputStream in();

    /** The agent's standard input: our messages. */
    OutputStream out();

    /**
     * Why the agent's output ended, after it ended: the reason, with exit status and the end of its standard error,
     * or that the connection was lost. Waits briefly for the agent to exit.
     */
    AgentEnd end();

    /**
     * Called once the agent said it finished: waits (a few seconds at most) until it really ended, so that what it
     * does on its way out (write its class-data archive, launch a lingering agent in the background) is done when
     * the deployment is (the lingering agent may still be starting).
     */
    default void awaitEnd() {
    }

    @Override
    void close();
}
