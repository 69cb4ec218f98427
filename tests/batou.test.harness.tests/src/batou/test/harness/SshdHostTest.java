package batou.test.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.jcraft.jsch.ChannelExec;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.Session;

/** The harness's sshd hosts, reached with JSch and strict host key checking, as the SSH engine will. */
class SshdHostTest {

    @TempDir
    Path temp;

    private static String run(SshdHost host, Path knownHosts, String command) throws Exception {
        JSch jsch = new JSch();
        jsch.setKnownHosts(knownHosts.toString());
        jsch.addIdentity(host.userKey().toString());
        Session session = jsch.getSession("root", host.address(), host.port());
        session.setConfig("StrictHostKeyChecking", "yes");
        session.connect(10_000);
        try {
            ChannelExec channel = (ChannelExec) session.openChannel("exec");
            channel.setCommand(command);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            channel.setOutputStream(out);
            channel.connect(10_000);
            while (!channel.isClosed()) {
                Thread.sleep(10);
            }
            channel.disconnect();
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            session.disconnect();
        }
    }

    @Test
    void twoHostsOnTheirOwnLoopbackAddressesAnswerOverSsh() throws Exception {
        try (SshdHost a = SshdHost.start(temp.resolve("a"), "127.0.0.2");
                SshdHost b = SshdHost.start(temp.resolve("b"), "127.0.0.3")) {
            Path knownHosts = temp.resolve("known_hosts");
            Files.writeString(knownHosts, a.knownHostsLine() + "\n" + b.knownHostsLine() + "\n");
            assertEquals("hello a\n", run(a, knownHosts, "echo hello a"));
            assertEquals("hello b\n", run(b, knownHosts, "echo hello b"));
        }
    }

    @Test
    void anUnknownHostKeyIsRefusedByStrictChecking() throws Exception {
        try (SshdHost host = SshdHost.start(temp.resolve("h"), "127.0.0.2")) {
            Path knownHosts = temp.resolve("known_hosts");
            Files.writeString(knownHosts, "");
            JSchException refused = assertThrows(JSchException.class, () -> run(host, knownHosts, "true"));
            assertTrue(refused.getMessage().contains("reject HostKey"), refused.getMessage());
        }
    }

    @Test
    void droppedConnectionsEndTheClientsSessionAndTheDaemonStaysUp() throws Exception {
        try (SshdHost host = SshdHost.start(temp.resolve("h"), "127.0.0.2")) {
            Path knownHosts = temp.resolve("known_hosts");
            Files.writeString(knownHosts, host.knownHostsLine() + "\n");
            JSch jsch = new JSch();
            jsch.setKnownHosts(knownHosts.toString());
            jsch.addIdentity(host.userKey().toString());
            Session session = jsch.getSession(System.getProperty("user.name"), host.address(), host.port());
            session.setConfig("StrictHostKeyChecking", "yes");
            session.connect(10_000);
            assertEquals(1, host.connections());
            host.dropConnections();
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (session.isConnected() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertFalse(session.isConnected(), "the session survived dropConnections()");
            assertEquals("still up\n", run(host, knownHosts, "echo still up"));
        }
    }
}
