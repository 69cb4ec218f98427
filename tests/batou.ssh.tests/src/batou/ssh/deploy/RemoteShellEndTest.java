package batou.ssh.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import batou.agent.controller.AgentEnd.Reason;

/** The one place that reads why a command on a target failed from its exit status and error output. */
class RemoteShellEndTest {

    private static Reason reason(Integer status, String stderr) {
        return RemoteShell.end(status, stderr, "described").reason();
    }

    @Test
    void theStartCommandsOwnStatusesSayMissingOrDamaged() {
        assertEquals(Reason.MISSING, reason(RemoteShell.AGENT_MISSING, ""));
        assertEquals(Reason.DAMAGED, reason(RemoteShell.AGENT_DAMAGED, ""));
        // sudo may warn and still run the command: its status decides
        assertEquals(Reason.MISSING, reason(RemoteShell.AGENT_MISSING, "sudo: unable to resolve host web1"));
    }

    @Test
    void sudoJavaAndOtherEndsAreToldApart() {
        assertEquals(Reason.SUDO_REFUSED, reason(1, "sudo: a password is required"));
        assertEquals(Reason.NO_JAVA, reason(127, ""));
        assertEquals(Reason.NO_JAVA, reason(1, "sh: 1: java: not found"));
        assertEquals(Reason.NO_JAVA, reason(1, "bash: java: command not found"));
        assertEquals(Reason.OLD_JAVA, reason(1, "Exception in thread \"main\" java.lang.UnsupportedClassVersionError"));
        assertEquals(Reason.ENDED, reason(1, "disk full"));
        assertEquals(Reason.ENDED, reason(null, ""));
        assertEquals("described", RemoteShell.end(1, "", "described").description());
    }
}
