package batou.ui.internal.deploy;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

import org.eclipse.e4.ui.di.Focus;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;

import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.model.plan.RootId;
import batou.ui.internal.project.OpenProject;

/**
 * The deployment view: the run shown (the running one, the last one, or one re-opened from the history) as a live
 * host x root matrix above its log, its changed files (double-click: the diff), the history of runs and what the
 * hosts of the selected environment last deployed (Hosts); Stop, and why the run failed. Events arrive on the
 * deploying thread; the view reads the run at most every {@value #REFRESH_MILLIS} ms on the UI thread, however many
 * events came.
 */
public final class DeploymentView {

    public static final String ID = "batou.ui.views.deployment";

    /** The data keys of the summary label and the failure line, for tests. */
    public static final String SUMMARY = "batou.ui.deploy.summary";
    public static final String FAILURE = "batou.ui.deploy.failure";

    static final int REFRESH_MILLIS = 100;

    private final OpenProject project;
    private final DeploymentRuns runs;
    private final AtomicBoolean refreshPending = new AtomicBoolean();
    private Display display;
    private Label summary;
    private Button stop;
    private Label failure;
    private RootMatrix matrix;
    private LogConsole log;
    private ChangeList changes;
    private RunHistory history;
    private HostRecords records;
    private DeploymentRun shown;

    private final DeploymentRuns.Listener runsListener = new DeploymentRuns.Listener() {
        @Override
        public void started(DeploymentRun run) {
            onUiThread(() -> {
                show(run);
                stop.setEnabled(runs.running());
            });
        }

        @Override
        public void rootState(DeploymentRun run, RootId root, RootStatus state) {
            scheduleRefresh();
        }

        @Override
        public void updated(DeploymentRun run) {
            scheduleRefresh();
        }

        @Override
        public void finished(DeploymentRun run) {
            scheduleRefresh();
            onUiThread(() -> {
                stop.setEnabled(runs.running());
                history.refresh();
                if (run.mode() == RunMode.DEPLOY && run.outcome() != Outcome.NOT_STARTED) {
                    records.read();
                }
            });
        }
    };

    private final OpenProject.Listener projectListener = change -> {
        if (change == OpenProject.Change.PROJECT) {
            onUiThread(this::showProjectRuns);
        }
        if (change != OpenProject.Change.CONTENT) {
            onUiThread(() -> records.read());
        }
    };

    @Inject
    public DeploymentView(OpenProject project, DeploymentRuns runs) {
        this.project = project;
        this.runs = runs;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        display = parent.getDisplay();
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), parent);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(parent);
        summary = new Label(parent, SWT.WRAP);
        summary.setData(SUMMARY, Boolean.TRUE);
        GridDataFactory.fillDefaults().grab(true, false).indent(4, 4).align(SWT.FILL, SWT.CENTER).applyTo(summary);
        stop = new Button(parent, SWT.PUSH);
        stop.setText(DeployMessages.View_stop);
        stop.setToolTipText(DeployMessages.View_stopTooltip);
        stop.addListener(SWT.Selection, event -> runs.stop());
        stop.setEnabled(runs.running());
        GridDataFactory.fillDefaults().indent(0, 4).applyTo(stop);
        failure = new Label(parent, SWT.WRAP);
        failure.setData(FAILURE, Boolean.TRUE);
        failure.setForeground(resources.create(ColorDescriptor.createFrom(new RGB(190, 0, 0))));
        failure.setFont(JFaceResources.getFontRegistry().getBold(JFaceResources.DEFAULT_FONT));
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).indent(4, 0).applyTo(failure);
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(sash);
        matrix = new RootMatrix(sash, new StateColors(resources));
        CTabFolder tabs = new CTabFolder(sash, SWT.BOTTOM | SWT.BORDER);
        log = new LogConsole(tabs, resources);
        tab(tabs, DeployMessages.View_log, log.control());
        changes = new ChangeList(tabs);
        tab(tabs, DeployMessages.View_changes, changes.table());
        history = new RunHistory(tabs, runs, this::show);
        tab(tabs, DeployMessages.View_history, history.table());
        records = new HostRecords(tabs, project);
        tab(tabs, DeployMessages.View_hosts, records.control());
        tabs.setSelection(0);
        sash.setWeights(35, 65);
        runs.addListener(runsListener);
        project.addListener(projectListener);
        show(runs.latest());
        records.read();
    }

    /** The history of the project just opened, and its last run (from its stored history), or none. */
    private void showProjectRuns() {
        history.refresh();
        show(runs.latest());
    }

    private static void tab(CTabFolder tabs, String title, Control control) {
        CTabItem item = new CTabItem(tabs, SWT.NONE);
        item.setText(title);
        item.setControl(control);
    }

    /** Shows {@code run} (null: none) in the matrix, log and changes. */
    void show(DeploymentRun run) {
        if (summary.isDisposed()) {
            return;
        }
        shown = run;
        String text = summaryOf(run);
        matrix.show(run);
        log.show(run);
        changes.show(run);
        showSummary(text);
    }

    private void refresh() {
        if (summary.isDisposed()) {
            return;
        }
        // the summary is read first: once it shows the end of a run, the rest below shows all of the run
        String text = summaryOf(shown);
        matrix.refresh();
        log.refresh();
        changes.refresh();
        showSummary(text);
    }

    /** The summary, and the failure line (hidden while there is none). */
    private void showSummary(String text) {
        summary.setText(text);
        String why = shown == null ? null : shown.failure();
        failure.setText(why == null ? "" : why);
        failure.setVisible(why != null);
        ((GridData) failure.getLayoutData()).exclude = why == null;
        summary.getParent().layout(new Control[] { summary, failure });
    }

    /** The line above the matrix: what ran, when, how it ended and the counts of root states. */
    static String summaryOf(DeploymentRun run) {
        if (run == null) {
            return DeployMessages.View_noRun;
        }
        return NLS.bind(DeployMessages.View_summary, new Object[] { DeployMessages.label(run.mode()),
                run.environment(), RunHistory.time(run.started()), run.outcome().label(),
                run.count(RootStatus.CHANGED), run.count(RootStatus.UNCHANGED), run.count(RootStatus.FAILED),
                run.count(RootStatus.SKIPPED) });
    }

    /** At most one refresh waits at a time; it reads everything that happened until it runs. */
    private void scheduleRefresh() {
        if (refreshPending.compareAndSet(false, true)) {
            onUiThread(() -> display.timerExec(REFRESH_MILLIS, () -> {
                refreshPending.set(false);
                refresh();
            }));
        }
    }

    private void onUiThread(Runnable runnable) {
        if (display != null && !display.isDisposed()) {
            display.asyncExec(() -> {
                if (!summary.isDisposed()) {
                    runnable.run();
                }
            });
        }
    }

    @Focus
    public void setFocus() {
        matrix.table().setFocus();
    }

    @PreDestroy
    public void dispose() {
        runs.removeListener(runsListener);
        project.removeListener(projectListener);
    }
}
