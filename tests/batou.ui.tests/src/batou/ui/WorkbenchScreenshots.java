package batou.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.ui.internal.project.OpenProject;
import batou.ui.internal.project.ProjectMemory;
import batou.ui.internal.views.ProjectExplorerPart;

/**
 * Not a test: the screenshots of docs/user-guide.md, taken from the real workbench with a copy of the example
 * project. Run by docs/screenshots.sh; its name keeps it out of the normal test run.
 */
class WorkbenchScreenshots {

    private static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();

    @TempDir
    static Path temp;

    static Path output;

    @BeforeAll
    static void openExample() throws Exception {
        output = Path.of(System.getProperty("batou.screenshots", "target/screenshots"));
        Files.createDirectories(output);
        Path project = temp.resolve("examples");
        copy(EXAMPLES, project);
        ProjectMemory.open(project);
        OpenProject.get().selectEnvironment("production");
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.setMaximized(false);
        shell.setBounds(0, 0, 1400, 860);
        settle(1500);
    }

    @AfterAll
    static void close() {
        OpenProject.get().close();
    }

    @Test
    void projectExplorer() throws Exception {
        IWorkbenchPage page = page();
        page.showView(ProjectExplorerPart.ID);
        settle(1000);
        capture("workbench");
    }

    static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }

    /** Pumps events for {@code millis} so that background jobs and layouts finish. */
    static void settle(long millis) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            while (display.readAndDispatch()) {
                // pump
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Saves the workbench window as {@code <name>.png}. */
    static void capture(String name) {
        Display display = Display.getCurrent();
        Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
        shell.forceActive();
        settle(300);
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, bounds.x, bounds.y);
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            loader.save(output.resolve(name + ".png").toString(), SWT.IMAGE_PNG);
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path destination = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(file, destination);
                }
            }
        }
    }
}
