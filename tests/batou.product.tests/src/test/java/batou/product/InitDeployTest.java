package batou.product;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The first job of a new user: {@code batou init DIR}, then {@code batou deploy dev -p DIR}, with the launcher. */
class InitDeployTest {

    @TempDir
    Path temp;

    @Test
    void aNewProjectDeploysAtOnce() throws Exception {
        Path project = temp.resolve("first");
        Product.Run init = Product.run(temp, "batou", "init", project.toString());
        assertEquals(0, init.exitCode(), init.toString());
        assertTrue(init.out().contains("Initialised a git repository"), init.toString());

        Product.Run deploy = Product.run(temp, "batou", "deploy", "dev", "-p", project.toString());
        assertEquals(0, deploy.exitCode(), deploy.toString());
        assertTrue(deploy.out().strip().endsWith("DEPLOYMENT FINISHED"), deploy.toString());
        assertEquals("Hello from hello on localhost.\n",
                Files.readString(project.resolve("deployed/dev/work/hello/hello.txt")));
    }
}
