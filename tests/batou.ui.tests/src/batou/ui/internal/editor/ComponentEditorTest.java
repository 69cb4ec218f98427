package batou.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static batou.ui.Ui.pump;
import static batou.ui.Ui.waitUntil;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.ui.WorkbenchContext;
import batou.test.harness.ProjectFolders;
import batou.ui.internal.problems.Problem;
import batou.ui.internal.problems.Problems;
import batou.ui.internal.project.OpenProject;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/** The component editor on a copy of docs/examples, typed into in the real workbench. */
@ExtendWith(WorkspaceLogGuard.class)
class ComponentEditorTest {

    private static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);
    private final Problems problems = WorkbenchContext.service(Problems.class);

    @TempDir
    Path project;

    private IWorkbenchPage page;
    private Path file;
    private ComponentEditor editor;

    @BeforeEach
    void openRedis() throws Exception {
        ProjectFolders.copy(EXAMPLES, project);
        file = project.resolve("components/redis/component.yaml");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r-----"));
        openProject.open(project);
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        editor = ComponentEditor.open(page, file);
        waitUntil(editor::isChecked, "the first check");
    }

    @AfterEach
    void closeEditors() {
        page.closeAllEditors(false);
        pump();
        openProject.close();
    }

    @Test
    void aMistakeShowsWithItsLineAboveTheTextAndInTheProblemsViewUntilItIsFixed() throws Exception {
        assertEquals("redis", editor.getTitle());
        assertTrue(editor.status().startsWith("No problems (configured with environment '"), editor.status());
        StyledText source = editor.source().control();
        String original = source.getText();

        source.setText(original.replace("memory: {type: string, default: 256mb}",
                "memory: {type: string, defualt: 256mb}"));
        assertTrue(editor.isDirty());
        waitUntil(() -> editor.isChecked() && !editor.diagnostics().isEmpty(), "the check of the mistake");
        assertEquals(4, editor.diagnostics().get(0).location().line(), editor.diagnostics().toString());
        assertTrue(editor.status().startsWith("Errors: 1, warnings: 0 (configured with environment '"),
                editor.status());
        assertTrue(editor.status().contains("Line 4: ") && editor.status().contains("'defualt'"), editor.status());
        assertTrue(problems.all().stream().map(Problem::file)
                .anyMatch("components/redis/component.yaml"::equals), problems.all().toString());
        assertEquals(original, Files.readString(file), "nothing is written before saving");

        source.setText(original.replace("default: 256mb", "default: 512mb"));
        waitUntil(() -> editor.isChecked() && editor.diagnostics().isEmpty(), "the check of the fix");
        assertTrue(editor.status().startsWith("No problems"), editor.status());
        assertFalse(problems.all().stream().map(Problem::file)
                .anyMatch("components/redis/component.yaml"::equals), problems.all().toString());
        editor.doSave(null);
        assertFalse(editor.isDirty());
        assertEquals(original.replace("default: 256mb", "default: 512mb"), Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "saving keeps the file's mode");
        try (var leftovers = Files.list(file.getParent())) {
            assertEquals(0, leftovers.filter(f -> f.getFileName().toString().startsWith(".")).count());
        }
    }

    @Test
    void aTemplateSourceThatIsMissingIsShownWithTheComponent() {
        StyledText source = editor.source().control();
        source.setText(source.getText().replace("source: redis.conf.j2", "source: missing.conf.j2"));
        waitUntil(() -> editor.isChecked() && !editor.diagnostics().isEmpty(), "the check");
        assertTrue(editor.diagnostics().stream().allMatch(d -> d.location().file().startsWith("components/redis/")),
                editor.diagnostics().toString());
        assertTrue(editor.status().contains("missing.conf.j2"), editor.status());
    }
}
