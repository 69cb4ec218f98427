package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.SshNetwork;

/**
 * The product's {@code batou} deploys over SSH: the agent is built from the product's own bundles (jars in
 * plugins/), uploaded to two loopback sshd hosts and run there; a second run changes nothing.
 */
class SshDeployTest {

    @TempDir
    Path temp;

    @Test
    void theLauncherDeploysTwoHostsOverSsh() throws Exception {
        try (SshNetwork network = SshNetwork.start(temp.resolve("net"), "one", "two")) {
            Path project = temp.resolve("project");
            Files.createDirectories(project.resolve("components/hello"));
            Files.writeString(project.resolve("components/hello/component.yaml"), """
                    provide:
                      greeting: "hello from {{ host.name }}"
                    parts:
                      - file: {path: hello.txt, content: "hello from {{ host.name }}\\n"}
                    """);
            Files.createDirectories(project.resolve("components/listener"));
            Files.writeString(project.resolve("components/listener/component.yaml"), """
                    require:
                      greeting: {resource: greeting, one: true}
                    parts:
                      - file: {path: heard.txt, content: "{{ greeting }}\\n"}
                    """);
            Files.createDirectories(project.resolve("environments/test"));
            Files.writeString(project.resolve("environments/test/environment.yaml"), """
                    environment: {connect: ssh, ssh_config: "%s", jobs: 2}
                    hosts:
                      one: {components: [hello], target_directory: "%s"}
                      two: {components: [listener], target_directory: "%s"}
                    """.formatted(network.sshConfig(), temp.resolve("one"), temp.resolve("two")));

            Product.Run first = Product.run(temp, "batou", "deploy", "test", "-p", project.toString(), "--dirty");
            assertEquals(0, first.exitCode(), first.toString());
            assertTrue(first.out().contains("one: 1 components, 1 changed"), first.toString());
            assertEquals("hello from one\n", Files.readString(temp.resolve("two/work/listener/heard.txt")));

            Product.Run second = Product.run(temp, "batou", "deploy", "test", "-p", project.toString(), "--dirty");
            assertEquals(0, second.exitCode(), second.toString());
            assertTrue(second.out().contains("two: 1 components, 0 changed, 1 unchanged"), second.toString());

            Product.Run status = Product.run(temp, "batou", "status", "test", "-p", project.toString());
            assertEquals(0, status.exitCode(), status.toString());
            assertTrue(status.out().contains("one: no commit"), status.toString());
        }
    }
}
