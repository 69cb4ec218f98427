package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.ProjectFolders;

/** The README's main job: the example project's dev environment deploys, and again without changes. */
class ExampleDeployTest {

    @TempDir
    Path temp;

    @Test
    void exampleDevEnvironmentDeploysAndRedeploysWithoutChanges() throws Exception {
        Path project = temp.resolve("examples");
        ProjectFolders.copy(Product.checkout().resolve("docs/examples"), project);
        Path environment = project.resolve("environments/dev/environment.yaml");
        Path target = temp.resolve("target");
        Files.writeString(environment, Files.readString(environment)
                .replace("/tmp/batou-examples/dev", target.toString()));

        Product.Run first = Product.run(temp, "batou", "deploy", "dev", "-p", project.toString(), "--dirty");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.out().contains("localhost: 5 components, 5 changed"), first.toString());
        assertTrue(first.out().strip().endsWith("DEPLOYMENT FINISHED"), first.toString());
        assertTrue(Files.readString(target.resolve("work/nginx/nginx.conf")).contains("server localhost:8080;"));

        Product.Run second = Product.run(temp, "batou", "deploy", "dev", "-p", project.toString(), "--dirty");
        assertEquals(0, second.exitCode(), second.toString());
        assertTrue(second.out().contains("localhost: 5 components, 0 changed, 5 unchanged"), second.toString());
        assertFalse(second.out().contains("localhost: app"), second.toString());
    }
}
