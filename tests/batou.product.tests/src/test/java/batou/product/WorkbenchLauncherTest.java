package batou.product;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts {@code batou-workbench} on the X display (Xvfb in CI) and waits for its window to be mapped, as a user
 * would see it. The README's test command runs the build under {@code xvfb-run}.
 */
class WorkbenchLauncherTest {

    @TempDir
    Path temp;

    @Test
    void workbenchOpensAWindowTitledBatou() throws Exception {
        assertNotNull(System.getenv("DISPLAY"), "no X display: run the tests under xvfb-run (see README.md)");
        Process workbench = Product.start(temp, "batou-workbench", "-data", temp.resolve("workspace").toString(),
                "-consoleLog");
        try {
            String window = awaitWindow("\"batou\"", Duration.ofSeconds(90), workbench);
            assertTrue(window.contains("\"batou\""), window);
            assertTrue(workbench.isAlive(), "the workbench keeps running once its window is open");
        } finally {
            workbench.destroy();
            if (!workbench.waitFor(20, TimeUnit.SECONDS)) {
                workbench.destroyForcibly();
            }
        }
        assertFalse(Product.read(temp.resolve("stderr")).contains("Exception"), Product.read(temp.resolve("stderr")));
    }

    /** Polls the X window tree until a window whose name contains {@code name} is viewable. */
    private String awaitWindow(String name, Duration timeout, Process workbench)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!workbench.isAlive()) {
                throw new AssertionError("the workbench exited with " + workbench.exitValue() + "\n--- stdout\n"
                        + Product.read(temp.resolve("stdout")) + "--- stderr\n" + Product.read(temp.resolve("stderr"))
                        + "--- workspace log\n" + Product.read(temp.resolve("workspace/.metadata/.log")));
            }
            for (String line : windowTree().lines().toList()) {
                if (line.contains(name)) {
                    return line;
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("no window " + name + " within " + timeout + "\n" + windowTree() + "\n"
                + Product.read(temp.resolve("stderr")));
    }

    private static String windowTree() throws IOException, InterruptedException {
        Process xwininfo = new ProcessBuilder("xwininfo", "-root", "-tree").redirectErrorStream(true).start();
        String tree = new String(xwininfo.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        xwininfo.waitFor();
        return tree;
    }
}
