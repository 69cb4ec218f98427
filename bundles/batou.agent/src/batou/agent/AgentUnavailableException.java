package batou.agent;

import batou.engine.HostSessionException;

/** The agent ended before it said a word: not started (no Java, no jar) or crashed at once. */
public final class AgentUnavailableException extends HostSessionException {

    private static final long serialVersionUID = 1L;

    public AgentUnavailableException(String message) {
        super(message);
    }
}
