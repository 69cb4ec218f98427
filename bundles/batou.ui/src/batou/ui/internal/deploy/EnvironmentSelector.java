package batou.ui.internal.deploy;

import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.menus.WorkbenchWindowControlContribution;

import batou.ui.internal.project.OpenProject;

/**
 * The environment selector of the main toolbar: the environments of the open project, the selected one being
 * {@link OpenProject#environment()}. Choosing one selects it for every view; it follows changes made elsewhere.
 */
public final class EnvironmentSelector extends WorkbenchWindowControlContribution {

    /** The data key of the combo, for tests. */
    public static final String COMBO = "batou.ui.deploy.environmentCombo";

    private final OpenProject project;
    private Combo combo;
    private final OpenProject.Listener listener = change -> {
        Combo shown = combo;
        if (shown != null && !shown.isDisposed()) {
            shown.getDisplay().asyncExec(this::showEnvironments);
        }
    };

    @Inject
    public EnvironmentSelector(OpenProject project) {
        this.project = project;
    }

    @Override
    protected Control createControl(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(4, 0).applyTo(box);
        Label label = new Label(box, SWT.NONE);
        label.setText(DeployMessages.Selector_label);
        GridDataFactory.fillDefaults().align(SWT.BEGINNING, SWT.CENTER).applyTo(label);
        combo = new Combo(box, SWT.READ_ONLY | SWT.DROP_DOWN);
        combo.setData(COMBO, Boolean.TRUE);
        combo.setToolTipText(DeployMessages.Selector_tooltip);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.CENTER).hint(140, SWT.DEFAULT).applyTo(combo);
        combo.addListener(SWT.Selection, event -> {
            int index = combo.getSelectionIndex();
            if (index >= 0) {
                project.selectEnvironment(combo.getItem(index));
            }
        });
        project.addListener(listener);
        combo.addListener(SWT.Dispose, event -> project.removeListener(listener));
        showEnvironments();
        return box;
    }

    /** Shows the environments of the open project and selects the selected one. */
    private void showEnvironments() {
        if (combo == null || combo.isDisposed()) {
            return;
        }
        List<String> environments = project.environments();
        if (!List.of(combo.getItems()).equals(environments)) {
            combo.setItems(environments.toArray(String[]::new));
        }
        int index = project.environment() == null ? -1 : environments.indexOf(project.environment());
        if (index >= 0) {
            combo.select(index);
        } else {
            combo.deselectAll();
        }
        combo.setEnabled(!environments.isEmpty());
    }

    @Override
    public boolean isDynamic() {
        return false;
    }
}
