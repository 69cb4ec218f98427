package batou.ui.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.core.runtime.Adapters;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.RootStatus;
import batou.ui.WorkbenchContext;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.RootId;
import batou.ui.internal.graph.GraphModel.Box;
import batou.ui.internal.project.OpenProject;
import batou.test.harness.ProjectFolders;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/** The graph view in the running workbench, showing a copy of the example project. */
@ExtendWith(WorkspaceLogGuard.class)
class GraphViewTest {

    private static final RootId APP1 = new RootId("app1", "app");
    private static final RootId POSTGRES = new RootId("db1", "postgres");

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path temp;

    private Path project;
    private IWorkbenchPage page;
    private IViewPart part;
    private GraphView view;

    @BeforeEach
    void showProduction() throws Exception {
        project = temp.resolve("examples");
        ProjectFolders.copy(PlanLayoutTest.EXAMPLES, project);
        openProject.open(project);
        openProject.selectEnvironment("production");
        page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        part = page.showView(GraphView.ID);
        view = Adapters.adapt(part, GraphView.class);
        assertNotNull(view, "the view part is the graph view");
        awaitGraph();
        assertEquals("production", view.plan().environment());
    }

    @AfterEach
    void closeProject() {
        view.clearStates();
        openProject.close();
        processEvents();
        page.hideView(part);
        processEvents();
    }

    @Test
    void showsABoxPerHostANodePerRootAndAnArrowPerDependency() {
        DeploymentPlan plan = view.plan();
        GraphModel model = view.model();
        GraphAssertions.sameElementsAsPlan(plan, model);
        assertEquals(4, model.hosts().size());
        assertEquals(7, model.nodes().size());
        assertEquals(9, model.edges().size(),
                "nginx after both apps; each app and the worker after postgres and redis; backup after postgres");
        assertTrue(view.showsGraph(), "the canvas is shown, not a message");
        Canvas canvas = view.canvas().control();
        assertTrue(canvas.isVisible() && canvas.getSize().x > 100 && canvas.getSize().y > 50,
                "canvas is " + canvas.getSize());
    }

    @Test
    void nodesDoNotOverlapLieInTheirHostAndEdgesRunBetweenThem() {
        GraphAssertions.wellLaidOut(view.model());
    }

    @Test
    void theStateOfARootChangesTheColourOfItsNodeFromAnyThread() throws Exception {
        assertEquals(rgb(GraphPalette.NODE_FILL), pixelInside(POSTGRES));
        Thread deployer = new Thread(() -> view.setState(POSTGRES, RootStatus.FAILED));
        deployer.start();
        deployer.join();
        await(() -> view.states().get(POSTGRES) == RootStatus.FAILED, "the state arrives on the UI thread");
        assertEquals(rgb(GraphPalette.fill(RootStatus.FAILED)), pixelInside(POSTGRES));
        assertEquals(rgb(GraphPalette.NODE_FILL), pixelInside(APP1), "other nodes keep their colour");

        view.setState(APP1, RootStatus.RUNNING);
        assertEquals(rgb(GraphPalette.fill(RootStatus.RUNNING)), pixelInside(APP1));
        view.clearStates();
        assertTrue(view.states().isEmpty());
        assertEquals(rgb(GraphPalette.NODE_FILL), pixelInside(POSTGRES));
        assertEquals(rgb(GraphPalette.NODE_FILL), pixelInside(APP1));
    }

    @Test
    void clickingANodeShowsItsAttributesWithSecretsMasked() {
        click(center(view.model().node(APP1).bounds()));
        assertEquals(APP1, view.canvas().selection());
        List<String> rows = detailRows();
        assertTrue(rows.contains("Attributes/secret_key=" + GraphDetails.MASK), rows.toString());
        assertTrue(rows.contains("Attributes/port=8080"), rows.toString());
        assertTrue(rows.contains("Attributes/workers=16"), "the environment's override: " + rows);
        assertTrue(rows.contains("Provides/app-backend=app1.prod.example.com:8080"), rows.toString());
        assertTrue(rows.contains("Depends on/postgres=db1"), rows.toString());
        assertTrue(rows.contains("Depends on/redis=db1"), rows.toString());
        assertTrue(rows.contains("Needed by/nginx=lb1"), rows.toString());
        assertFalse(rows.stream().anyMatch(row -> row.contains("change-me")), "no secret shown: " + rows);
    }

    @Test
    void clickingAHostShowsItsSettingsAndData() {
        Box host = view.model().host("app1").bounds();
        click(new double[] { host.x() + 6, host.y() + 6 });
        assertEquals("app1", view.canvas().selection());
        List<String> rows = detailRows();
        assertTrue(rows.contains("Host/FQDN=app1.prod.example.com"), rows.toString());
        assertTrue(rows.contains("Host/Platform=debian"), rows.toString());
        assertTrue(rows.contains("Data/cores=8"), rows.toString());
        assertTrue(rows.contains("Components/worker=app1"), rows.toString());

        click(new double[] { 2, 2 });
        assertNull(view.canvas().selection(), "a click beside the hosts selects nothing");
        assertTrue(detailRows().isEmpty());
    }

    @Test
    void zoomsWithCtrlWheelAndButtonsAndFitsTheWholeGraph() {
        GraphCanvas canvas = view.canvas();
        double fitted = canvas.scale();
        assertWholeGraphVisible(canvas);
        view.zoomIn();
        assertEquals(fitted * GraphCanvas.ZOOM_STEP, canvas.scale(), 1e-9);
        // the point under the mouse can only stay where it is when the graph overflows the canvas both ways
        org.eclipse.swt.graphics.Rectangle area = canvas.control().getClientArea();
        for (int i = 0; i < 20 && (view.model().width() * canvas.scale() <= area.width
                || view.model().height() * canvas.scale() <= area.height); i++) {
            view.zoomIn();
        }
        double zoomed = canvas.scale();
        Event wheel = new Event();
        wheel.x = 40;
        wheel.y = 40;
        wheel.count = 3;
        wheel.stateMask = SWT.MOD1;
        double[] before = canvas.toModel(40, 40);
        canvas.control().notifyListeners(SWT.MouseVerticalWheel, wheel);
        assertEquals(zoomed * GraphCanvas.ZOOM_STEP, canvas.scale(), 1e-9);
        double[] after = canvas.toModel(40, 40);
        assertEquals(before[0], after[0], 0.5, "the point under the mouse stays");
        assertEquals(before[1], after[1], 0.5);
        Event key = new Event();
        key.character = '-';
        canvas.control().notifyListeners(SWT.KeyDown, key);
        assertEquals(zoomed, canvas.scale(), 1e-9);
        view.fit();
        assertEquals(fitted, canvas.scale(), 1e-9);
        assertWholeGraphVisible(canvas);
    }

    @Test
    void exportsADecodablePngAndWellFormedSvg() throws Exception {
        view.setState(POSTGRES, RootStatus.CHANGED);
        Path png = temp.resolve("out/production.png");
        view.exportPng(png);
        ImageData[] images = new ImageLoader().load(png.toString());
        assertEquals(1, images.length);
        assertEquals((int) Math.ceil(view.model().width() * GraphView.PNG_SCALE), images[0].width);
        assertEquals((int) Math.ceil(view.model().height() * GraphView.PNG_SCALE), images[0].height);
        Box postgres = view.model().node(POSTGRES).bounds();
        int x = (int) ((postgres.x() + 6) * GraphView.PNG_SCALE);
        int y = (int) ((postgres.y() + postgres.height() / 2) * GraphView.PNG_SCALE);
        assertEquals(rgb(GraphPalette.fill(RootStatus.CHANGED)), images[0].palette.getRGB(images[0].getPixel(x, y)));

        Path svg = temp.resolve("out/production.svg");
        view.exportSvg(svg);
        var document = SvgDocuments.parse(Files.readString(svg));
        assertEquals(view.model().nodes().size(), SvgDocuments.withClass(document, "g", "node").size());
        assertEquals(view.model().hosts().size(), SvgDocuments.withClass(document, "g", "host").size());
        assertEquals(view.model().edges().size(), SvgDocuments.withClass(document, "g", "edge").size());
    }

    @Test
    void showsTheConfigurationErrorsInsteadOfTheGraphUntilTheyAreFixed() throws Exception {
        Path component = project.resolve("components/app/component.yaml");
        String original = Files.readString(component);
        Files.writeString(component, original.replace("type: int, default: 8080", "type: int, default: eighty"));
        openProject.refresh();
        await(() -> !view.isUpdating() && !view.showsGraph(), "the errors are shown");
        assertTrue(view.message().isVisible());
        assertTrue(view.message().getText().contains("production"), view.message().getText());
        assertTrue(view.message().getText().contains("component.yaml"), view.message().getText());
        assertNull(view.plan());

        Files.writeString(component, original);
        openProject.refresh();
        awaitGraph();
        assertEquals(7, view.model().nodes().size());
    }

    @Test
    void followsTheSelectedEnvironment() {
        openProject.selectEnvironment("dev");
        awaitGraph();
        assertEquals("dev", view.plan().environment());
        GraphAssertions.sameElementsAsPlan(view.plan(), view.model());
        GraphAssertions.wellLaidOut(view.model());
        assertNotEquals(4, view.model().hosts().size(), "dev is not production");
    }

    @Test
    void aPredictFromTheToolbarColoursTheNodes() throws Exception {
        Path dev = project.resolve("environments/dev/environment.yaml");
        java.nio.file.Files.writeString(dev, java.nio.file.Files.readString(dev)
                .replace("/tmp/batou-examples/dev", temp.resolve("dev-target").toString()));
        openProject.refresh();
        openProject.selectEnvironment("dev");
        awaitGraph();
        Object job = PlatformUI.getWorkbench().getActiveWorkbenchWindow()
                .getService(org.eclipse.ui.handlers.IHandlerService.class)
                .executeCommand(batou.ui.internal.deploy.PredictHandler.COMMAND_ID, null);
        org.eclipse.core.runtime.jobs.Job predict = (org.eclipse.core.runtime.jobs.Job) job;
        await(() -> predict.getState() == org.eclipse.core.runtime.jobs.Job.NONE && predict.getResult() != null,
                "the predict ends");
        await(() -> view.states().size() == view.plan().order().size()
                && view.states().values().stream().allMatch(s -> s == RootStatus.CHANGED),
                "every node shows 'changed': " + view.states());
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private void awaitGraph() {
        await(() -> !view.isUpdating() && view.plan() != null && view.showsGraph(), "the graph is shown");
        processEvents();
    }

    private void assertWholeGraphVisible(GraphCanvas canvas) {
        var area = canvas.control().getClientArea();
        int[] topLeft = canvas.toCanvas(0, 0);
        int[] bottomRight = canvas.toCanvas(view.model().width(), view.model().height());
        assertTrue(topLeft[0] >= -1 && topLeft[1] >= -1, "top left at " + topLeft[0] + "," + topLeft[1]);
        assertTrue(bottomRight[0] <= area.width + 1 && bottomRight[1] <= area.height + 1,
                "bottom right at " + bottomRight[0] + "," + bottomRight[1] + " in " + area);
    }

    /** The colour of the canvas a little inside the left border of a node, where no text is. */
    private RGB pixelInside(RootId id) {
        Box box = view.model().node(id).bounds();
        int[] point = view.canvas().toCanvas(box.x() + 7, box.y() + box.height() / 2);
        Image snapshot = view.canvas().snapshot();
        try {
            ImageData data = snapshot.getImageData();
            return data.palette.getRGB(data.getPixel(point[0], point[1]));
        } finally {
            snapshot.dispose();
        }
    }

    private static RGB rgb(int value) {
        return new RGB(value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF);
    }

    private static double[] center(Box box) {
        return new double[] { box.x() + box.width() / 2, box.y() + box.height() / 2 };
    }

    /** Clicks the canvas at a model point, as the mouse does. */
    private void click(double[] modelPoint) {
        int[] point = view.canvas().toCanvas(modelPoint[0], modelPoint[1]);
        Canvas canvas = view.canvas().control();
        for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
            Event event = new Event();
            event.button = 1;
            event.x = point[0];
            event.y = point[1];
            canvas.notifyListeners(type, event);
        }
        processEvents();
    }

    /** The rows of the details tree as {@code section/name=value}. */
    private List<String> detailRows() {
        List<String> rows = new ArrayList<>();
        for (TreeItem section : view.details().viewer().getTree().getItems()) {
            for (TreeItem row : section.getItems()) {
                rows.add(section.getText(0) + "/" + row.getText(0) + "=" + row.getText(1));
            }
        }
        return rows;
    }

    private void await(BooleanSupplier condition, String what) {
        long deadline = System.currentTimeMillis() + 30_000;
        Display display = Display.getCurrent();
        while (!condition.getAsBoolean()) {
            assertTrue(System.currentTimeMillis() < deadline, () -> "timed out waiting until " + what
                    + "; the view shows: " + view.message().getText());
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // until idle
        }
    }
}
