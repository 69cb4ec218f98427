package batou.ui.internal.deploy;

import java.util.List;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;

import batou.ui.internal.Columns;

/** The files a run changed (predicting: would change), one entry each; double-click opens the diff. */
final class ChangeList {

    /** The data key of the table, for tests. */
    static final String TABLE = "batou.ui.deploy.changes";

    private final TableViewer viewer;
    private DeploymentRun run;
    private int shown = -1;

    ChangeList(Composite parent) {
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(TABLE, Boolean.TRUE);
        Columns.add(viewer, FileChange.class, DeployMessages.Changes_host, 140, c -> c.root().host());
        Columns.add(viewer, FileChange.class, DeployMessages.Changes_component, 140, c -> c.root().component());
        Columns.add(viewer, FileChange.class, DeployMessages.Changes_file, 320, c -> c.content().path());
        Columns.add(viewer, FileChange.class, DeployMessages.Changes_change, 200, ChangeList::kind);
        viewer.addDoubleClickListener(event -> {
            Object selected = ((IStructuredSelection) event.getSelection()).getFirstElement();
            if (selected instanceof FileChange change) {
                new DiffDialog(table.getShell(), change).open();
            }
        });
    }

    private static String kind(FileChange change) {
        String kind = change.content().before() == null ? DeployMessages.Changes_created
                : DeployMessages.Changes_updated;
        return change.content().sensitive() ? kind + " " + DeployMessages.Changes_sensitive : kind;
    }

    Table table() {
        return viewer.getTable();
    }

    void show(DeploymentRun shownRun) {
        run = shownRun;
        shown = -1;
        refresh();
    }

    void refresh() {
        List<FileChange> changes = run == null ? List.of() : run.changes();
        if (changes.size() != shown) {
            shown = changes.size();
            viewer.setInput(changes);
        }
    }
}
