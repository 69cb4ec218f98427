package batou.ui.internal.editor;

import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IInputValidator;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.CellEditor;
import org.eclipse.jface.viewers.EditingSupport;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.jface.viewers.TextCellEditor;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Group;

import batou.model.project.edit.EditException;
import batou.model.project.edit.EnvironmentEdits;
import batou.model.project.edit.EnvironmentOutline;
import batou.model.project.edit.EnvironmentOutline.Host;
import batou.model.project.edit.YamlValues;
import batou.ui.internal.Columns;

/** The hosts of the environment: add, rename, remove, and each host's platform and data (as YAML text). */
final class HostsSection {

    /** The table shows every host (and room for one more), at least this many rows; the form scrolls. */
    private static final int MINIMUM_ROWS = 4;

    private final EnvironmentEditor editor;
    private final TableViewer viewer;
    private final Button remove;
    private EnvironmentOutline outline;

    HostsSection(Composite parent, EnvironmentEditor editor) {
        this.editor = editor;
        Group group = new Group(parent, SWT.NONE);
        group.setText(EditorMessages.Hosts_title);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(group);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(group); // the form's spare height goes to the hosts

        viewer = new TableViewer(group, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        column(EditorMessages.Hosts_name, 150,
                host -> host.ignored() ? NLS.bind(EditorMessages.Hosts_ignored, host.name()) : host.name(),
                Host::name, (host, value) -> edits -> {
                    String problem = HostNames.problem(value.strip(), outline, host.name());
                    if (problem != null) {
                        throw new EditException(problem);
                    }
                    return edits.renameHost(host.name(), value.strip());
                });
        column(EditorMessages.Hosts_platform, 110, host -> text(host.platform()), host -> text(host.platform()),
                (host, value) -> edits -> edits.setHostPlatform(host.name(), value.isBlank() ? null : value.strip()));
        column(EditorMessages.Hosts_data, 240, host -> text(host.data()), host -> text(host.data()),
                (host, value) -> edits -> edits.setHostData(host.name(), data(value)));
        GridDataFactory.fillDefaults().grab(true, true).span(1, 2).applyTo(viewer.getControl());

        Button add = new Button(group, SWT.PUSH);
        add.setText(EditorMessages.Hosts_add);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.TOP).applyTo(add);
        add.addListener(SWT.Selection, event -> addHost());
        remove = new Button(group, SWT.PUSH);
        remove.setText(EditorMessages.Hosts_remove);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.TOP).applyTo(remove);
        remove.addListener(SWT.Selection, event -> {
            Host host = selected();
            if (host != null && confirmRemoval(host)) {
                editor.edit(edits -> edits.removeHost(host.name()));
            }
        });
        remove.setEnabled(false);
        viewer.addSelectionChangedListener(event -> remove.setEnabled(selected() != null));
    }

    private static String text(EnvironmentOutline.Value value) {
        return value == null ? "" : value.text();
    }

    /** The data typed as YAML: a mapping, or nothing. */
    private static Map<String, ?> data(String text) {
        if (text.isBlank()) {
            return null;
        }
        Object value = YamlValues.parse(text);
        if (value instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> data = (Map<String, ?>) map;
            return data;
        }
        throw new EditException(EditorMessages.Hosts_dataInvalid);
    }

    private void column(String title, int width, Function<Host, String> label, Function<Host, String> value,
            BiFunction<Host, String, Function<EnvironmentEdits, String>> edit) {
        TableViewerColumn column = Columns.add(viewer, Host.class, title, width, label);
        TextCellEditor cellEditor = new TextCellEditor(viewer.getTable());
        column.setEditingSupport(new EditingSupport(viewer) {
            @Override
            protected CellEditor getCellEditor(Object element) {
                return cellEditor;
            }

            @Override
            protected boolean canEdit(Object element) {
                return true;
            }

            @Override
            protected Object getValue(Object element) {
                return value.apply((Host) element);
            }

            @Override
            protected void setValue(Object element, Object newValue) {
                Host host = (Host) element;
                if (!newValue.equals(value.apply(host))) {
                    // after the cell editor has closed, so that the table shows the rows of the changed text
                    viewer.getControl().getDisplay().asyncExec(() -> {
                        if (!viewer.getControl().isDisposed()) {
                            editor.edit(edit.apply(host, (String) newValue));
                        }
                    });
                }
            }
        });
    }

    private boolean confirmRemoval(Host host) {
        MessageDialog dialog = new MessageDialog(viewer.getControl().getShell(), EditorMessages.Hosts_removeTitle, null,
                NLS.bind(EditorMessages.Hosts_removeQuestion, host.name()), MessageDialog.QUESTION, 1,
                EditorMessages.Hosts_removeConfirm, IDialogConstants.CANCEL_LABEL);
        return dialog.open() == 0;
    }

    private void addHost() {
        IInputValidator validator = name -> HostNames.problem(name.strip(), outline, null);
        InputDialog dialog = new InputDialog(viewer.getControl().getShell(), EditorMessages.Hosts_addTitle,
                EditorMessages.Hosts_addMessage, "", validator);
        if (dialog.open() == Window.OK) {
            editor.edit(edits -> edits.addHost(dialog.getValue().strip()));
        }
    }

    private Host selected() {
        return (Host) ((IStructuredSelection) viewer.getSelection()).getFirstElement();
    }

    void refresh(EnvironmentOutline value) {
        outline = value;
        if (viewer.isCellEditorActive()) {
            if (value.hosts().equals(viewer.getInput())) {
                return; // a check finished while a cell is edited: nothing to show anew
            }
            viewer.cancelEditing(); // the hosts changed elsewhere (the source, undo, the file): show them
        }
        viewer.setInput(value.hosts());
        GridData data = (GridData) viewer.getControl().getLayoutData();
        int rows = Math.max(MINIMUM_ROWS, value.hosts().size() + 1);
        data.heightHint = viewer.getTable().getHeaderHeight() + rows * viewer.getTable().getItemHeight();
    }

    TableViewer viewer() {
        return viewer;
    }
}
