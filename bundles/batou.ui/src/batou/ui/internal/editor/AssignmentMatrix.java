package batou.ui.internal.editor;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

import batou.model.Diagnostic;
import batou.model.project.ComponentReference;
import batou.model.project.Project;
import batou.model.project.edit.EnvironmentOutline;
import batou.model.project.edit.EnvironmentOutline.Host;

/**
 * Which host deploys which component: a row per host, a column per component of the project, a check box per
 * cell. A click lists or unlists the component on the host; an ignored entry ({@code "!name"}) is shown checked
 * and greyed, and its context menu toggles ignoring.
 */
final class AssignmentMatrix {

    /** One cell: a host and a component. */
    record Cell(String host, String component) {
    }

    private final EnvironmentEditor editor;
    private final Group group;
    private final Menu menu;
    private final MenuItem ignore;
    private final Map<Cell, Button> buttons = new LinkedHashMap<>();
    private final Map<Cell, String> problems = new HashMap<>();
    private List<String> rows = List.of();
    private List<String> columns = List.of();
    private EnvironmentOutline outline;
    private Cell menuCell;

    AssignmentMatrix(Composite parent, EnvironmentEditor editor) {
        this.editor = editor;
        group = new Group(parent, SWT.NONE);
        group.setText(EditorMessages.Matrix_title);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(group);
        menu = new Menu(group);
        ignore = new MenuItem(menu, SWT.CHECK);
        ignore.setText(EditorMessages.Matrix_ignore);
        ignore.addListener(SWT.Selection, event -> {
            if (menuCell != null) {
                toggleIgnored(menuCell);
            }
        });
        group.addDisposeListener(event -> menu.dispose());
    }

    void refresh(EnvironmentOutline value, Project project) {
        outline = value;
        List<String> hosts = value.hosts().stream().map(Host::name).toList();
        List<String> components = new ArrayList<>(project.components().keySet());
        for (Host host : value.hosts()) {
            for (ComponentReference reference : host.components()) {
                if (!components.contains(reference.name())) {
                    components.add(reference.name()); // listed but unknown: shown so it can be removed
                }
            }
        }
        if (!hosts.equals(rows) || !components.equals(columns)) {
            rebuild(hosts, components);
        }
        for (Map.Entry<Cell, Button> entry : buttons.entrySet()) {
            show(entry.getKey(), entry.getValue());
        }
    }

    private void rebuild(List<String> hosts, List<String> components) {
        for (Control child : group.getChildren()) {
            child.setMenu(null); // a control disposes its menu with it: the shared menu must outlive the cells
            child.dispose();
        }
        buttons.clear();
        problems.clear();
        rows = hosts;
        columns = components;
        if (components.isEmpty()) {
            GridLayoutFactory.swtDefaults().applyTo(group);
            new Label(group, SWT.WRAP).setText(EditorMessages.Matrix_empty);
            return;
        }
        GridLayoutFactory.swtDefaults().numColumns(components.size() + 1).spacing(14, 4).applyTo(group);
        new Label(group, SWT.NONE);
        for (String component : components) {
            Label header = new Label(group, SWT.CENTER);
            header.setText(component);
            GridDataFactory.fillDefaults().align(SWT.CENTER, SWT.CENTER).applyTo(header);
        }
        for (String host : hosts) {
            Label label = new Label(group, SWT.NONE);
            label.setText(host);
            for (String component : components) {
                Cell cell = new Cell(host, component);
                Button button = new Button(group, SWT.CHECK);
                GridDataFactory.fillDefaults().align(SWT.CENTER, SWT.CENTER).applyTo(button);
                button.addListener(SWT.Selection, event -> toggle(cell));
                button.addListener(SWT.MenuDetect, event -> {
                    menuCell = cell;
                    ComponentReference reference = reference(cell);
                    ignore.setSelection(reference != null && reference.ignored());
                });
                button.setMenu(menu);
                editor.decorations().add(button, () -> {
                    ComponentReference reference = reference(cell);
                    return reference == null ? 0 : reference.location().line();
                }, diagnostic -> concerns(cell, diagnostic), problem -> {
                    problems.put(cell, problem);
                    if (outline != null && !button.isDisposed()) {
                        show(cell, button);
                    }
                });
                buttons.put(cell, button);
            }
        }
    }

    /**
     * Whether a problem on the line of a host's components is this cell's: it is at the component's entry, or names
     * the component (a host lists several components on one line; a healthy neighbour shows nothing).
     */
    private boolean concerns(Cell cell, Diagnostic diagnostic) {
        ComponentReference reference = reference(cell);
        if (reference == null) {
            return false;
        }
        return diagnostic.location().column() == reference.location().column()
                || diagnostic.text().contains("'" + cell.component() + "'");
    }

    private ComponentReference reference(Cell cell) {
        Host host = outline == null ? null : outline.host(cell.host());
        return host == null ? null : host.component(cell.component());
    }

    private void show(Cell cell, Button button) {
        ComponentReference reference = reference(cell);
        Host host = outline.host(cell.host());
        boolean ignored = reference != null && (reference.ignored() || host.ignored());
        button.setSelection(reference != null);
        button.setGrayed(ignored);
        String tip;
        if (reference != null && host.ignored()) {
            tip = NLS.bind(EditorMessages.Matrix_ignoredHostTooltip, cell.component(), cell.host());
        } else if (ignored) {
            tip = NLS.bind(EditorMessages.Matrix_ignoredTooltip, cell.component(), cell.host());
        } else {
            tip = NLS.bind(EditorMessages.Matrix_cellTooltip, cell.component(), cell.host());
        }
        String problem = problems.get(cell);
        button.setToolTipText(problem == null ? tip : tip + "\n" + problem);
    }

    /** A click: not listed -> listed; listed -> not listed; ignored -> listed (no longer ignored). */
    private void toggle(Cell cell) {
        ComponentReference reference = reference(cell);
        if (reference == null) {
            editor.edit(edits -> edits.addComponent(cell.host(), cell.component()));
        } else if (reference.ignored()) {
            editor.edit(edits -> edits.setComponentIgnored(cell.host(), cell.component(), false));
        } else {
            editor.edit(edits -> edits.removeComponent(cell.host(), cell.component()));
        }
        Button button = buttons.get(cell);
        if (button != null && !button.isDisposed()) {
            show(cell, button); // also when the edit was refused
        }
    }

    private void toggleIgnored(Cell cell) {
        ComponentReference reference = reference(cell);
        if (reference == null) {
            editor.edit(edits -> edits.addComponent(cell.host(), "!" + cell.component()));
        } else {
            editor.edit(edits -> edits.setComponentIgnored(cell.host(), cell.component(), !reference.ignored()));
        }
    }

    /** The check box of a cell, or null; for tests. */
    Button button(String host, String component) {
        return buttons.get(new Cell(host, component));
    }

    /** Toggles ignoring as the context menu does; for tests. */
    void toggleIgnored(String host, String component) {
        toggleIgnored(new Cell(host, component));
    }
}
