package batou.agent.controller;

import batou.engine.HostSessionException;

/** The agent ended before it said a word: not started (no Java, no jar) or crashed at once. */
public final class AgentUnavailableException extends HostSessionException {

    private static final long serialVersionUID = 1L;

    private final transient AgentEnd end;

    public AgentUnavailableException(AgentEnd end) {
        super(end.description());
        this.end = end;
    }

    /** How it ended: the reason, and the words of the message. */
    public AgentEnd end() {
        return end;
    }

    public AgentEnd.Reason reason() {
        return end.reason();
    }
}
