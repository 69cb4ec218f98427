package batou.ui.internal.secrets;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;

/**
 * A dialog that asks for a file and a little more: a message, the form of the subclass in three columns (label,
 * field, Browse…), a line that says what is missing or wrong, and an OK button enabled only when the form is valid.
 */
abstract class FileFormDialog extends Dialog {

    private final String title;
    private final String message;
    private final String okLabel;
    private Label problem;

    FileFormDialog(Shell parent, String title, String message, String okLabel) {
        super(parent);
        this.title = title;
        this.message = message;
        this.okLabel = okLabel;
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(3).applyTo(area);
        Label text = new Label(area, SWT.WRAP);
        text.setText(message);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(text);
        createForm(area);
        problem = new Label(area, SWT.WRAP);
        GridDataFactory.fillDefaults().span(3, 1).grab(true, false).hint(560, SWT.DEFAULT).applyTo(problem);
        return area;
    }

    /** Creates the form's rows in the three-column {@code area}. */
    abstract void createForm(Composite area);

    /** Checks the form and keeps what is valid; returns what is wrong or missing, or "" when it is valid. */
    abstract String check();

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, okLabel, true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        update();
    }

    /** Checks the form again: shows what is wrong, and enables OK when nothing is. */
    final void update() {
        if (problem == null) {
            return; // still being made
        }
        String wrong = check();
        problem.setText(wrong);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(valid());
        }
    }

    /** Whether the form as checked last can be used. */
    abstract boolean valid();
}
