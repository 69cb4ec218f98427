package batou.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ssh_config as OpenSSH reads it: which Host blocks apply, which value wins, and the defaults. */
class SshConfigTest {

    @TempDir
    Path home;

    private HostConfig resolve(String config, String host) throws Exception {
        Path file = home.resolve(".ssh/config");
        Files.createDirectories(file.getParent());
        Files.writeString(file, config);
        return HostConfig.resolve(SshConfig.read(file, home), host, null, null, "me");
    }

    @Test
    void wildcardBlocksApplyAndTheFirstValueWins() throws Exception {
        String config = """
                # first match wins, as in OpenSSH
                Host web1.staging.example.com
                  HostName 10.0.0.5
                Host *.staging.example.com !db*.staging.example.com
                  Port 2222
                  User deploy
                Host web?.staging.example.com
                  Port 3333
                Host *
                  User nobody
                  IdentityFile ~/.ssh/deploy_key
                  IdentityFile %d/.ssh/%r@%h
                """;
        HostConfig web1 = resolve(config, "web1.staging.example.com");
        assertEquals("10.0.0.5", web1.hostName());
        assertEquals(2222, web1.port());
        assertEquals("deploy", web1.user());
        assertEquals(List.of(home.resolve(".ssh/deploy_key"), home.resolve(".ssh/deploy@10.0.0.5")),
                web1.identityFiles());
        assertTrue(web1.identityFilesConfigured());
        assertEquals("[10.0.0.5]:2222", web1.knownHostsName());

        HostConfig web2 = resolve(config, "WEB2.staging.example.com");
        assertEquals("web2.staging.example.com", web2.hostName(), "the alias, lower case, is the default HostName");
        assertEquals(2222, web2.port());

        HostConfig db = resolve(config, "db1.staging.example.com");
        assertEquals(22, db.port(), "the negated pattern excludes db hosts from the staging block");
        assertEquals("nobody", db.user());
        assertEquals("db1.staging.example.com", db.knownHostsName());
    }

    @Test
    void defaultsAreOpenSshs() throws Exception {
        HostConfig host = HostConfig.resolve(SshConfig.empty(home), "web1", null, null, "me");
        assertEquals("web1", host.hostName());
        assertEquals(22, host.port());
        assertEquals("me", host.user());
        assertFalse(host.identityFilesConfigured());
        assertEquals(List.of(home.resolve(".ssh/id_ed25519"), home.resolve(".ssh/id_ecdsa"),
                home.resolve(".ssh/id_rsa")), host.identityFiles());
        assertEquals(home.resolve(".ssh/known_hosts"), host.knownHostsToWrite());
        assertEquals(List.of(Path.of("/etc/ssh/ssh_known_hosts"), Path.of("/etc/ssh/ssh_known_hosts2")),
                host.globalKnownHosts());
        assertTrue(host.proxyJump().isEmpty());
        assertNull(host.connectTimeout());
    }

    @Test
    void repeatedPatternsKeepTheirOwnSettings() throws Exception {
        // JSch's OpenSSHConfig keeps one block per pattern text: the second "Host *" would replace the first
        String config = """
                Host *
                  User first
                Host web1
                  HostName 10.0.0.5
                Host *
                  Port 2200
                  User second
                """;
        HostConfig host = resolve(config, "web1");
        assertEquals("first", host.user());
        assertEquals(2200, host.port());
    }

    @Test
    void includeIsExpandedInPlaceAndMatchAllIsHostStar() throws Exception {
        Path included = home.resolve(".ssh/config.d");
        Files.createDirectories(included);
        Files.writeString(included.resolve("10-web"), "Host web1\n  HostName 10.0.0.5\n  Port 2201\n");
        Files.writeString(included.resolve("20-web"), "Host web1\n  Port 2202\n  User from-include\n");
        String config = """
                Include config.d/*
                Match host web1 user root
                  User from-unsupported-match
                Match all
                  ConnectTimeout 7
                  UserKnownHostsFile ~/.ssh/kh "/tmp/with space/kh"
                """;
        HostConfig host = resolve(config, "web1");
        assertEquals("10.0.0.5", host.hostName());
        assertEquals(2201, host.port());
        assertEquals("from-include", host.user());
        assertEquals(Duration.ofSeconds(7), host.connectTimeout());
        assertEquals(List.of(home.resolve(".ssh/kh"), Path.of("/tmp/with space/kh")), host.userKnownHosts());
    }

    @Test
    void proxyJumpHopsAreParsed() throws Exception {
        String config = """
                Host db1
                  ProxyJump bastion,ops@10.0.0.1:2222,[fd00::1]:22
                Host direct
                  ProxyJump none
                """;
        assertEquals(List.of(new HostConfig.Hop(null, "bastion", null), new HostConfig.Hop("ops", "10.0.0.1", 2222),
                new HostConfig.Hop(null, "fd00::1", 22)), resolve(config, "db1").proxyJump());
        assertTrue(resolve(config, "direct").proxyJump().isEmpty());
    }

    @Test
    void mistakesNameTheFileAndLine() throws Exception {
        SshException port = assertThrows(SshException.class, () -> resolve("Host *\n  Port twenty-two\n", "web1"));
        assertTrue(port.getMessage().contains("invalid port 'twenty-two'"), port.getMessage());
        assertTrue(port.getMessage().contains(home.resolve(".ssh/config") + " line 2"), port.getMessage());

        SshException proxyCommand = assertThrows(SshException.class,
                () -> resolve("Host web1\n  ProxyCommand nc %h %p\n", "web1"));
        assertTrue(proxyCommand.getMessage().contains("use ProxyJump instead"), proxyCommand.getMessage());
        assertEquals("web1", proxyCommand.host());
    }
}
