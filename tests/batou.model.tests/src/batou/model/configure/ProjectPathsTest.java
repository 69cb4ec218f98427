package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.plan.RootId;

/**
 * Project files come from the project only, and relative part paths stay in the work directory: absolute paths,
 * {@code ..} and symbolic links that lead elsewhere are configuration errors with file and line.
 */
class ProjectPathsTest {

    @TempDir
    Path root;

    /** Outside the project: what a hostile path would reach. */
    @TempDir
    Path outside;

    private ProjectFixture project;

    @BeforeEach
    void environment() throws IOException {
        Files.writeString(outside.resolve("shadow"), "root:$6$secret\n");
        project = new ProjectFixture(root).environment("dev", """
                hosts:
                  h: [app]
                environment: {target_directory: /srv/t}
                """);
    }

    private void parts(String parts) {
        project.component("app", "parts:\n" + parts);
    }

    private static void assertError(Configuration configuration, String expected) {
        assertNull(configuration.plan(), () -> ProjectFixture.printed(configuration));
        assertEquals(expected, ProjectFixture.printed(configuration));
    }

    private static final String INSIDE = " (project files must be inside the project: put the file into the "
            + "component's folder (or a shared folder of the project) and name it relative to component.yaml)";

    @Test
    void item09_anAbsoluteProjectFileIsRefused() {
        parts("  - template: {path: x, source: " + outside.resolve("shadow") + "}\n");
        assertError(project.configure("dev"), "components/app/component.yaml:2:33: error: project file '"
                + outside.resolve("shadow") + "' is an absolute path, outside the project" + INSIDE);
    }

    @Test
    void item09_aProjectFileThatClimbsOutOfTheProjectIsRefused() {
        parts("  - template: {path: x, source: ../../../../../../../../etc/passwd}\n");
        assertError(project.configure("dev"), "components/app/component.yaml:2:33: error: project file "
                + "'../../../../../../../../etc/passwd' leaves the project" + INSIDE);
    }

    @Test
    void item09_aCommittedLinkToAFileOutsideTheProjectIsRefused() throws IOException {
        parts("  - template: {path: x, source: shadow}\n");
        Files.createSymbolicLink(root.resolve("components/app/shadow"), outside.resolve("shadow"));
        assertError(project.configure("dev"), "components/app/component.yaml:2:33: error: project file "
                + "'components/app/shadow' leads to " + outside.toRealPath().resolve("shadow")
                + " through a symbolic link, outside the project" + INSIDE);
    }

    @Test
    void item09_aLinkToAFolderOutsideTheProjectIsRefusedAsAParentToo() throws IOException {
        parts("  - template: {path: x, source: etc/shadow}\n");
        Files.createSymbolicLink(root.resolve("components/app/etc"), outside);
        assertError(project.configure("dev"), "components/app/component.yaml:2:33: error: project file "
                + "'components/app/etc/shadow' leads to " + outside.toRealPath().resolve("shadow")
                + " through a symbolic link, outside the project" + INSIDE);
    }

    @Test
    void item09_aLinkInsideASyncedFolderThatLeavesTheProjectIsRefused() throws IOException {
        parts("  - directory: {path: static, source: static}\n");
        project.file("components/app/static/index.html", "<h1>hi</h1>\n");
        Files.createSymbolicLink(root.resolve("components/app/static/shadow"), outside.resolve("shadow"));
        assertError(project.configure("dev"), "components/app/component.yaml:2:39: error: "
                + "'components/app/static/shadow' in the project folder 'components/app/static' is a symbolic link"
                + " to " + outside.toRealPath().resolve("shadow") + ", outside the project" + INSIDE);
    }

    @Test
    void item09_pathsAndLinksThatStayInsideTheProjectAreFineAndLinksToNothingAreLeftOut() throws IOException {
        parts("""
                  - template: {path: x, source: ../shared/x.j2}
                  - directory: {path: static, source: static}
                """);
        project.file("components/shared/x.j2", "x\n");
        project.file("components/app/static/index.html", "<h1>hi</h1>\n");
        Files.createSymbolicLink(root.resolve("components/app/static/same.html"), Path.of("index.html"));
        Files.createSymbolicLink(root.resolve("components/app/static/loop"), Path.of("loop"));
        Files.createSymbolicLink(root.resolve("components/app/static/dangling"), Path.of("nowhere"));
        Configuration configuration = project.configure("dev");
        assertFalse(configuration.failed(), () -> ProjectFixture.printed(configuration));
        assertEquals("components/shared/x.j2", configuration.plan().root(new RootId("h", "app")).parts().get(0)
                .attributes().get("source"));
    }

    @Test
    void item09_aRelativePartPathCannotLeaveTheWorkDirectory() {
        parts("""
                  - file: {path: ../../../etc/cron.d/x}
                  - directory: {path: "sub/../../other"}
                  - file: {path: "sub/../inside"}
                """);
        assertError(project.configure("dev"), """
                components/app/component.yaml:2:18: error: path '../../../etc/cron.d/x' leaves the work \
                directory /srv/t/work/app (relative paths are inside the component's work directory; write an \
                absolute path or one starting with ~/ for a place outside it)
                components/app/component.yaml:3:23: error: path 'sub/../../other' leaves the work directory \
                /srv/t/work/app (relative paths are inside the component's work directory; write an absolute path \
                or one starting with ~/ for a place outside it)""");
    }

    @Test
    void item09_anEnvironmentNameCannotLeadOutOfTheEnvironmentsFolder() throws IOException {
        parts("  - file: {path: x}\n");
        Path elsewhere = outside.resolve("evil/environment.yaml");
        Files.createDirectories(elsewhere.getParent());
        Files.writeString(elsewhere, "hosts:\n  h: [app]\n");
        String name = "../" + root.relativize(elsewhere.getParent()); // relative to environments/
        Configuration configuration = project.configure(name);
        assertNull(configuration.plan());
        assertEquals("environments: error: unknown environment '" + name + "': an environment is named after its "
                + "folder in environments/ (environments: dev)", ProjectFixture.printed(configuration));
    }
}
