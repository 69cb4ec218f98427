package batou.agent.controller;

/**
 * How an agent ended, or a command that prepares it failed: the reason, for the controller to act on (upload the
 * agent, explain a missing Java), and the description for people (exit status, the end of its error output).
 */
public record AgentEnd(Reason reason, String description) {

    /** Why an agent could not run or ended. */
    public enum Reason {
        /** The target lacks this build of the agent: upload it. */
        MISSING,
        /** The target's copy of the agent does not match its SHA-256: upload it again. */
        DAMAGED,
        /** sudo refused to run it as the service user. */
        SUDO_REFUSED,
        /** No Java on the target. */
        NO_JAVA,
        /** The target's Java is older than 17. */
        OLD_JAVA,
        /** It ended (or the connection closed) for another reason; the description says what is known. */
        ENDED
    }

    public AgentEnd {
        java.util.Objects.requireNonNull(reason, "reason");
    }

    /** An end with no reason known beyond its {@code description}. */
    public static AgentEnd ended(String description) {
        return new AgentEnd(Reason.ENDED, description);
    }
}
