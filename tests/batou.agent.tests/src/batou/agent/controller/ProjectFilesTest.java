package batou.agent.controller;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.agent.protocol.ProjectFile;
import batou.lib.LibraryPartTypes;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.HostPlan;
import batou.test.harness.TempProject;

/** What the controller gathers for a host's agent follows the model's rule: nothing from outside the project. */
class ProjectFilesTest {

    private static final PartTypeRegistry TYPES = LibraryPartTypes.registry();

    @TempDir
    Path temp;

    private TempProject project;

    @TempDir
    Path outside;

    @BeforeEach
    void project() {
        project = new TempProject(temp);
    }

    private HostPlan host() throws IOException {
        project.write("components/web/component.yaml", """
                parts:
                  - directory: {path: static, source: static}
                """);
        project.write("components/web/static/index.html", "<h1>hi</h1>\n");
        project.write("environments/test/environment.yaml", """
                environment: {target_directory: /srv/t}
                hosts:
                  web1: [web]
                """);
        Configuration configuration = new Configurator(TYPES).configure(project.root(), "test");
        assertFalse(configuration.failed(), () -> configuration.diagnostics().toString());
        return configuration.plan().host("web1");
    }

    @Test
    void item09_aLinkLeavingTheProjectIsNeverSentToAnAgent() throws IOException {
        HostPlan host = host();
        Files.writeString(outside.resolve("shadow"), "root:$6$secret\n");
        // committed after the check, or placed while the deployment starts: gathered files are checked again
        Files.createSymbolicLink(project.path("components/web/static/shadow"), outside.resolve("shadow"));
        IOException refused = assertThrows(IOException.class, () -> new ProjectFiles(project.root(), TYPES).of(host));
        assertEquals("'components/web/static/shadow' in the project folder 'components/web/static' is a symbolic"
                + " link to " + outside.toRealPath().resolve("shadow") + ", outside the project", refused.getMessage());
    }

    @Test
    void item09_linksInsideTheProjectAreSentAsTheFilesTheyNameAndFoldersAreListed() throws IOException {
        HostPlan host = host();
        Files.createSymbolicLink(project.path("components/web/static/same.html"), Path.of("index.html"));
        List<String> paths = new ProjectFiles(project.root(), TYPES).of(host).stream().map(ProjectFile::path).toList();
        assertEquals(List.of("components/web/static", "components/web/static/index.html",
                "components/web/static/same.html"), paths);
    }
}
