package batou.ui.internal.deploy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;

import batou.engine.RootStatus;
import batou.model.plan.RootId;
import batou.ui.internal.Columns;

/**
 * The host x root-component matrix of a run: a row per host, a column per root component (in plan order), each
 * cell the state of that root on that host, coloured; empty where the host does not deploy the component.
 */
final class RootMatrix {

    /** The data key of the table, for tests. */
    static final String TABLE = "batou.ui.deploy.matrix";

    private final TableViewer viewer;
    private final StateColors colors;
    private DeploymentRun run;
    private List<String> components = List.of();

    RootMatrix(Composite parent, StateColors colors) {
        this.colors = colors;
        viewer = new TableViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.H_SCROLL | SWT.V_SCROLL);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        Table table = viewer.getTable();
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        table.setData(TABLE, Boolean.TRUE);
        table.setMenu(menu(table));
        column(DeployMessages.Matrix_host, 160, new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return (String) element;
            }
        });
    }

    /**
     * Copy Cell (the state under the pointer where the menu was opened) and Copy Row (the selected host's row, with
     * the header line), tab-separated, as a spreadsheet or a ticket takes them.
     */
    private Menu menu(Table table) {
        int[] column = { -1 };
        table.addListener(SWT.MenuDetect, event -> column[0] = columnAt(table, table.toControl(event.x, event.y)));
        Menu menu = new Menu(table);
        MenuItem cell = new MenuItem(menu, SWT.PUSH);
        cell.setText(DeployMessages.Menu_copyCell);
        cell.addListener(SWT.Selection, event -> CopyText.copy(table, table.getSelection()[0].getText(column[0])));
        MenuItem row = new MenuItem(menu, SWT.PUSH);
        row.setText(DeployMessages.Menu_copyRow);
        row.addListener(SWT.Selection, event -> CopyText.copy(table, header(table) + "\n"
                + line(table.getColumnCount(), table.getSelection()[0]::getText)));
        menu.addListener(SWT.Show, event -> {
            boolean selected = table.getSelectionCount() == 1;
            cell.setEnabled(selected && column[0] >= 0);
            row.setEnabled(selected);
        });
        return menu;
    }

    /** The index of the column at {@code point} of {@code table}, or -1. */
    private static int columnAt(Table table, Point point) {
        TableItem item = table.getItem(point);
        if (item == null) {
            return -1;
        }
        table.setSelection(item);
        for (int i = 0; i < table.getColumnCount(); i++) {
            if (item.getBounds(i).contains(point)) {
                return i;
            }
        }
        return -1;
    }

    private static String header(Table table) {
        return line(table.getColumnCount(), i -> table.getColumn(i).getText());
    }

    private static String line(int columns, IntFunction<String> cell) {
        return IntStream.range(0, columns).mapToObj(cell).collect(Collectors.joining("\t"));
    }

    Table table() {
        return viewer.getTable();
    }

    /** Shows {@code shown} (null: nothing), rebuilding the columns when its components differ. */
    void show(DeploymentRun shown) {
        run = shown;
        refresh();
    }

    /** Reads the run again: new hosts or components, new states. */
    void refresh() {
        List<String> hosts = run == null ? List.of() : run.hosts();
        Set<String> all = new LinkedHashSet<>();
        for (String host : hosts) {
            all.addAll(run.roots(host));
        }
        List<String> now = new ArrayList<>(all);
        if (!now.equals(components)) {
            rebuild(now);
        }
        viewer.setInput(hosts);
        viewer.refresh();
    }

    private void rebuild(List<String> columns) {
        Table table = viewer.getTable();
        table.setRedraw(false);
        try {
            TableColumn[] existing = table.getColumns();
            for (int i = 1; i < existing.length; i++) {
                existing[i].dispose();
            }
            components = columns;
            for (String component : columns) {
                column(component, Math.max(90, component.length() * 9), new StateLabels(component));
            }
        } finally {
            table.setRedraw(true);
        }
    }

    private void column(String title, int width, ColumnLabelProvider labels) {
        Columns.add(viewer, title, width, labels);
    }

    /** The cells of one component's column. */
    private final class StateLabels extends ColumnLabelProvider {
        private final String component;

        StateLabels(String component) {
            this.component = component;
        }

        private RootStatus state(Object host) {
            return run == null ? null : run.state(new RootId((String) host, component));
        }

        /** A root that did not run because its host could not be reached shows that, not "failed" or "skipped". */
        private boolean unreachable(Object host) {
            RootStatus state = state(host);
            return state != null && run.unreachable((String) host) && state != RootStatus.CHANGED
                    && state != RootStatus.UNCHANGED;
        }

        @Override
        public String getText(Object host) {
            RootStatus state = state(host);
            return state == null ? "" : unreachable(host) ? DeployMessages.State_unreachable
                    : DeployMessages.label(state);
        }

        @Override
        public Color getBackground(Object host) {
            RootStatus state = state(host);
            return state == null ? null : unreachable(host) ? colors.unreachable() : colors.of(state);
        }
    }
}
