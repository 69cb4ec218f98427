package batou.ui.internal.deploy;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.function.Consumer;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

import batou.engine.RootStatus;
import batou.ui.internal.Columns;

/** The finished runs of this workbench, newest first; double-click shows one again in the view. */
final class RunHistory {

    /** The data key of the table, for tests. */
    static final String TABLE = "batou.ui.deploy.history";

    /** Local time, as the person's locale writes it. */
    static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final DeploymentRuns runs;
    private final TableViewer viewer;

    RunHistory(Composite parent, DeploymentRuns runs, Consumer<DeploymentRun> open) {
        this.runs = runs;
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(TABLE, Boolean.TRUE);
        Columns.add(viewer, DeploymentRun.class, DeployMessages.History_time, 150, r -> time(r.started()));
        Columns.add(viewer, DeploymentRun.class, DeployMessages.History_environment, 110, DeploymentRun::environment);
        Columns.add(viewer, DeploymentRun.class, DeployMessages.History_mode, 80,
                r -> DeployMessages.label(r.mode()));
        Columns.add(viewer, DeploymentRun.class, DeployMessages.History_outcome, 90, r -> r.outcome().label());
        for (RootStatus state : new RootStatus[] { RootStatus.CHANGED, RootStatus.UNCHANGED, RootStatus.FAILED,
                RootStatus.SKIPPED }) {
            Columns.add(viewer, DeploymentRun.class, DeployMessages.label(state), 80,
                    r -> String.valueOf(r.count(state)));
        }
        viewer.addDoubleClickListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (selected instanceof DeploymentRun run) {
                open.accept(run);
            }
        });
        refresh();
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    Table table() {
        return viewer.getTable();
    }

    void refresh() {
        viewer.setInput(runs.history());
    }
}
