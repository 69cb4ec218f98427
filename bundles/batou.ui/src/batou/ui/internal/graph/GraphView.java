package batou.ui.internal.graph;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.StackLayout;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;

import batou.engine.RootStatus;
import batou.model.Diagnostic;
import batou.model.configure.Configuration;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.RootId;
import batou.ui.internal.WrappingToolBars;
import batou.ui.internal.deploy.DeploymentRuns;
import batou.ui.internal.project.OpenProject;

/**
 * The graph of the selected environment: a box per host with its root components, arrows in deployment order,
 * the details of the selected component or host beside it, and the live state of a deployment on the nodes.
 * Configures in a background job whenever the project, the environment or the files change; shows the
 * configuration errors instead when there are any.
 */
public final class GraphView {

    public static final String ID = "batou.ui.views.graph";

    /** The scale of PNG exports: twice the screen's, for sharp text. */
    static final double PNG_SCALE = 2;

    private final OpenProject project;
    private final DeploymentRuns runs;
    private final OpenProject.Listener listener = this::projectChanged;

    private Display display;
    private SashForm sash;
    private Composite stack;
    private StackLayout stackLayout;
    private final DeploymentFollower follower = new DeploymentFollower(this);
    private Text message;
    private GraphCanvas canvas;
    private GcTextMeasure measure;
    private Label hint;
    private DetailsPane details;
    private Composite tools;
    private DeploymentPlan plan;
    private GraphDetails planDetails;
    private volatile String shownEnvironment;
    private int generation;
    private int shownGeneration;

    @Inject
    public GraphView(OpenProject project, DeploymentRuns runs) {
        this.project = project;
        this.runs = runs;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        parent.setLayout(new FillLayout());
        sash = new SashForm(parent, SWT.HORIZONTAL | SWT.SMOOTH);
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), sash);
        GraphStyle style = new GraphStyle(resources);

        Composite graphPane = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 0).applyTo(graphPane);
        tools = new WrappingToolBars(graphPane,
                List.of(action(GraphMessages.Action_zoomIn, GraphMessages.Action_zoomIn_tooltip, this::zoomIn),
                        action(GraphMessages.Action_zoomOut, GraphMessages.Action_zoomOut_tooltip, this::zoomOut),
                        action(GraphMessages.Action_fit, GraphMessages.Action_fit_tooltip, this::fit)),
                List.of(action(GraphMessages.Action_exportPng, GraphMessages.Action_exportPng_tooltip,
                        () -> export("png")),
                        action(GraphMessages.Action_exportSvg, GraphMessages.Action_exportSvg_tooltip,
                                () -> export("svg")))).control();
        stack = new Composite(graphPane, SWT.NONE);
        stackLayout = new StackLayout();
        stack.setLayout(stackLayout);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(stack);
        message = new Text(stack, SWT.READ_ONLY | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL);
        canvas = new GraphCanvas(stack, style);
        canvas.onSelection(this::selected);
        measure = new GcTextMeasure(canvas.control(), style);

        Composite detailsPane = new Composite(sash, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(detailsPane);
        hint = new Label(detailsPane, SWT.WRAP);
        hint.setText(GraphMessages.GraphView_nothingSelected);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 4).hint(200, SWT.DEFAULT).applyTo(hint);
        details = new DetailsPane(detailsPane, JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridDataFactory.fillDefaults().grab(true, true).applyTo(details.viewer().getControl());
        sash.setWeights(70, 30);

        project.addListener(listener);
        runs.addListener(follower);
        reload(true);
    }

    private static IAction action(String text, String tooltip, Runnable run) {
        Action action = new Action(text) {
            @Override
            public void run() {
                run.run();
            }
        };
        action.setToolTipText(tooltip);
        return action;
    }

    @Focus
    public void setFocus() {
        (stackLayout.topControl == null ? sash : stackLayout.topControl).setFocus();
    }

    @PreDestroy
    public void dispose() {
        project.removeListener(listener);
        runs.removeListener(follower);
        generation++;
    }

    // --- the API of the view -------------------------------------------------------------------------------------

    /**
     * Shows the deployment state of a root on its node. Any thread: the change is made on the display's thread.
     */
    public void setState(RootId root, RootStatus state) {
        onDisplay(() -> {
            if (state == null) {
                canvas.states().remove(root);
            } else {
                canvas.states().put(root, state);
            }
            canvas.statesChanged();
        });
    }

    /** The environment whose plan is shown, or null. */
    public String environment() {
        return shownEnvironment;
    }

    /** Removes every deployment state. Any thread. */
    public void clearStates() {
        onDisplay(() -> {
            canvas.states().clear();
            canvas.statesChanged();
        });
    }

    /** The deployment states shown now. */
    public Map<RootId, RootStatus> states() {
        return Map.copyOf(canvas.states());
    }

    /** The laid-out graph shown now ({@link GraphModel#EMPTY} while there is none). */
    public GraphModel model() {
        return canvas.model();
    }

    /** The plan shown now, or null. */
    public DeploymentPlan plan() {
        return plan;
    }

    /** True while a configuration started for the current project and environment has not been shown yet. */
    public boolean isUpdating() {
        return shownGeneration != generation;
    }

    /** The scale the graph is drawn at (1: 100 %). */
    public double zoom() {
        return canvas.scale();
    }

    public void zoomIn() {
        canvas.zoom(GraphCanvas.ZOOM_STEP);
    }

    public void zoomOut() {
        canvas.zoom(1 / GraphCanvas.ZOOM_STEP);
    }

    public void fit() {
        canvas.fit();
    }

    /** Selects a root id, a host name, or nothing; the details pane follows. */
    public void select(Object rootOrHost) {
        canvas.select(rootOrHost);
    }

    public void exportPng(Path file) throws IOException {
        GraphExport.png(model(), states(), file, PNG_SCALE);
    }

    public void exportSvg(Path file) throws IOException {
        GraphExport.svg(model(), states(), file);
    }

    GraphCanvas canvas() {
        return canvas;
    }

    Text message() {
        return message;
    }

    /** Whether the graph (not a message) is shown. */
    public boolean showsGraph() {
        return stackLayout.topControl == canvas.control();
    }

    DetailsPane details() {
        return details;
    }

    /** The tool bars of the view's actions. */
    Composite tools() {
        return tools;
    }

    // --- reconfiguring ------------------------------------------------------------------------------------------

    private void projectChanged(OpenProject.Change change) {
        onDisplay(() -> {
            if (change != OpenProject.Change.CONTENT) {
                canvas.states().clear();
            }
            reload(change != OpenProject.Change.CONTENT);
        });
    }

    private void reload(boolean fit) {
        int current = ++generation;
        if (project.root() == null || project.environment() == null) {
            showMessage(project.root() == null ? GraphMessages.GraphView_noProject
                    : GraphMessages.GraphView_noEnvironment);
            shownGeneration = current;
            return;
        }
        String environment = project.environment();
        if (plan == null || !environment.equals(shownEnvironment)) {
            showMessage(NLS.bind(GraphMessages.GraphView_loading, environment));
        }
        Job job = Job.create(NLS.bind(GraphMessages.GraphView_job, environment), monitor -> {
            Configuration configuration;
            GraphModel model = null;
            try {
                configuration = project.configuration(environment);
                if (!configuration.failed()) {
                    model = new PlanLayout(measure).layout(configuration.plan());
                }
            } catch (RuntimeException | LinkageError e) {
                configuration = null;
                String text = e.getMessage() == null ? e.toString() : e.getMessage();
                display.asyncExec(() -> {
                    if (current == generation && !sash.isDisposed()) {
                        showMessage(NLS.bind(GraphMessages.GraphView_failed, environment) + "\n\n" + text);
                        shownGeneration = current;
                    }
                });
                return Status.OK_STATUS;
            }
            Configuration result = configuration;
            GraphModel laidOut = model;
            display.asyncExec(() -> {
                if (current == generation && !sash.isDisposed()) {
                    show(environment, result, laidOut, fit);
                    shownGeneration = current;
                }
            });
            return Status.OK_STATUS;
        });
        job.setSystem(true);
        job.schedule();
    }

    private void show(String environment, Configuration configuration, GraphModel model, boolean fit) {
        if (configuration.failed()) {
            plan = null;
            planDetails = null;
            canvas.setModel(GraphModel.EMPTY, true);
            showMessage(NLS.bind(GraphMessages.GraphView_failed, environment) + "\n\n"
                    + configuration.errors().stream().map(Diagnostic::toString).collect(Collectors.joining("\n")));
            return;
        }
        boolean first = plan == null || !environment.equals(shownEnvironment);
        plan = configuration.plan();
        planDetails = new GraphDetails(plan);
        shownEnvironment = environment;
        if (model.nodes().isEmpty() && model.hosts().isEmpty()) {
            canvas.setModel(model, true);
            showMessage(NLS.bind(GraphMessages.GraphView_emptyPlan, environment));
            return;
        }
        stackLayout.topControl = canvas.control();
        stack.layout();
        canvas.setModel(model, fit || first);
        selected(canvas.selection());
    }

    private void showMessage(String text) {
        message.setText(text);
        stackLayout.topControl = message;
        stack.layout();
    }

    private void selected(Object selection) {
        List<GraphDetails.Section> sections = List.of();
        if (planDetails != null && selection instanceof RootId id) {
            sections = planDetails.root(id);
        } else if (planDetails != null && selection instanceof String host) {
            sections = planDetails.host(host);
        }
        details.show(sections);
        hint.setVisible(sections.isEmpty());
        ((GridData) hint.getLayoutData()).exclude = !sections.isEmpty();
        hint.getParent().layout();
    }

    private void export(String format) {
        if (!showsGraph()) {
            return;
        }
        FileDialog dialog = new FileDialog(sash.getShell(), SWT.SAVE);
        dialog.setText(GraphMessages.Export_title);
        dialog.setFilterExtensions(new String[] { "*." + format });
        dialog.setFileName((shownEnvironment == null ? "graph" : shownEnvironment) + "." + format);
        dialog.setOverwrite(true);
        String chosen = dialog.open();
        if (chosen == null) {
            return;
        }
        Path file = Path.of(chosen);
        try {
            if (format.equals("png")) {
                exportPng(file);
            } else {
                exportSvg(file);
            }
        } catch (IOException | RuntimeException e) {
            MessageDialog.openError(sash.getShell(), GraphMessages.Export_title,
                    NLS.bind(GraphMessages.Export_failed, file, e.getMessage()));
        }
    }

    /** Runs on the display's thread: now when called there, else soon. */
    private void onDisplay(Runnable runnable) {
        if (display.isDisposed()) {
            return;
        }
        Runnable guarded = () -> {
            if (!sash.isDisposed()) {
                runnable.run();
            }
        };
        if (Display.getCurrent() == display) {
            guarded.run();
        } else {
            display.asyncExec(guarded);
        }
    }
}
