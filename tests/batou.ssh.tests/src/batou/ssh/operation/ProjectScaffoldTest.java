package batou.ssh.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.lib.LibraryPartTypes;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;

/** What New Environment, New Component and Delete write and remove, and what they refuse. */
class ProjectScaffoldTest {

    @TempDir
    Path temp;

    private Path root;

    @BeforeEach
    void project() throws IOException {
        root = ProjectScaffold.createProject(temp.resolve("p"));
    }

    private Configuration configure(String environment) {
        return new Configurator(LibraryPartTypes.registry()).configure(root, environment);
    }

    @Test
    void theNewProjectAndANewEmptyEnvironmentConfigureWithoutProblems() throws IOException {
        assertEquals(List.of(), configure(ProjectScaffold.FIRST_ENVIRONMENT).diagnostics());
        Path file = ProjectScaffold.createEnvironment(root, "qa", null);
        assertEquals(root.resolve("environments/qa/environment.yaml"), file);
        assertEquals(List.of(), configure("qa").diagnostics());
    }

    @Test
    void aCopyTakesTheEnvironmentFileAndNeverTheSecrets() throws IOException {
        Files.writeString(root.resolve("environments/dev/secrets.age"), "encrypted");
        ProjectScaffold.createEnvironment(root, "staging", "dev");
        assertEquals(Files.readString(root.resolve("environments/dev/environment.yaml")),
                Files.readString(root.resolve("environments/staging/environment.yaml")));
        assertEquals(List.of(root.resolve("environments/staging/environment.yaml")),
                Files.list(root.resolve("environments/staging")).toList());
        IOException missing = assertThrows(IOException.class,
                () -> ProjectScaffold.createEnvironment(root, "x", "nope"));
        assertEquals("There is no environment 'nope' in the project.", missing.getMessage());
    }

    @Test
    void aNewComponentConfiguresOnAHost() throws IOException {
        ProjectScaffold.createComponent(root, "web");
        Path dev = root.resolve("environments/dev/environment.yaml");
        Files.writeString(dev, Files.readString(dev).replace("[hello]", "[hello, web]"));
        Configuration configuration = configure("dev");
        assertEquals(List.of(), configuration.diagnostics());
        assertEquals(2, configuration.plan().order().size());
    }

    @Test
    void takenAndMalformedNamesAreRefusedAndWriteNothing() {
        IOException taken = assertThrows(IOException.class, () -> ProjectScaffold.createComponent(root, "hello"));
        assertEquals("The component 'hello' exists already: choose another name.", taken.getMessage());
        assertThrows(IOException.class, () -> ProjectScaffold.createEnvironment(root, "../outside", null));
        assertThrows(IOException.class, () -> ProjectScaffold.createEnvironment(root, "a b", null));
        assertFalse(Files.exists(temp.resolve("outside")));
    }

    @Test
    void deleteRemovesTheFolderAndNeverFollowsALinkInIt() throws IOException {
        Path elsewhere = Files.createDirectory(temp.resolve("elsewhere"));
        Files.writeString(elsewhere.resolve("keep.txt"), "keep");
        Files.createSymbolicLink(root.resolve("components/hello/linked"), elsewhere);
        ProjectScaffold.delete(root, ProjectScaffold.Kind.COMPONENT, "hello");
        assertFalse(Files.exists(root.resolve("components/hello")));
        assertTrue(Files.exists(elsewhere.resolve("keep.txt")), "the link was removed, not followed");
        assertThrows(IOException.class, () -> ProjectScaffold.delete(root, ProjectScaffold.Kind.ENVIRONMENT, ".."));
        assertTrue(Files.isDirectory(root.resolve("environments/dev")));
    }
}
