package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.Diagnostic;

/** Configuring with the text of environment.yaml given (an editor's unsaved text) instead of read from disk. */
class UnsavedEnvironmentTest {

    @TempDir
    Path root;

    @Test
    void theGivenTextIsConfiguredAndErrorsNameTheFileAndLine() {
        new ProjectFixture(root).component("app", """
                attributes:
                  port: {type: int, default: 8080}
                parts:
                  - directory: {path: logs}
                """).environment("dev", "hosts:\n  a: [app]\n");
        Configurator configurator = new Configurator(ProjectFixture.REGISTRY);
        Configuration saved = configurator.configure(root, "dev", null, null);
        assertNotNull(saved.plan(), ProjectFixture.printed(saved));

        Configuration unsaved = configurator.configure(root, "dev", "hosts:\n  a: [app]\ncomponents:\n  app: {port: eighty}\n",
                null);
        assertTrue(unsaved.failed());
        Diagnostic error = unsaved.errors().get(0);
        assertEquals("environments/dev/environment.yaml", error.location().file());
        assertEquals(4, error.location().line());
        assertTrue(error.message().contains("cannot convert 'eighty' to int"), error.message());
    }
}
