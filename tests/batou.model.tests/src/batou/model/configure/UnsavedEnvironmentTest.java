package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.Diagnostic;
import batou.model.Diagnostics;
import batou.model.project.Project;
import batou.model.project.ProjectLoader;

/** Configuring with the text of environment.yaml or component.yaml given (an editor's unsaved text), not the file. */
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

    @Test
    void anUnsavedComponentTextIsReadInsteadOfItsFileAndErrorsNameTheFileAndLine() {
        new ProjectFixture(root).component("app", """
                attributes:
                  port: {type: int, default: 8080}
                parts:
                  - directory: {path: logs}
                """).environment("dev", "hosts:\n  a: [app]\n");
        Diagnostics diagnostics = new Diagnostics();
        ProjectLoader loader = new ProjectLoader(root, diagnostics);
        Project project = loader.load(Map.of("app", "attributes:\n  port: {type: int, default: 9090}\n"
                + "  name: {typ: string}\nparts: []\n"));
        assertEquals(9090L, project.components().get("app").attributes().get("port").defaultValue().toValue());
        Diagnostic error = diagnostics.sorted().get(0);
        assertEquals("components/app/component.yaml", error.location().file());
        assertEquals(3, error.location().line());
        assertTrue(error.message().contains("'typ'"), error.message());
        assertEquals(8080L, new ProjectLoader(root, new Diagnostics()).load().components().get("app").attributes()
                .get("port").defaultValue().toValue(), "the file is read again without the unsaved text");
    }
}
