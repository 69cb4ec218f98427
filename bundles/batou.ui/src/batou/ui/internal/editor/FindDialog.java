package batou.ui.internal.editor;

import java.util.Locale;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

/**
 * Find in the source page (Ctrl+F): a modeless dialog that selects the next occurrence of what is typed after the
 * caret, wrapping at the end, ignoring case; says when there is none.
 */
final class FindDialog extends Dialog {

    private static final int FIND_NEXT = IDialogConstants.CLIENT_ID + 1;

    private final StyledText target;
    private Text pattern;
    private Label status;

    FindDialog(Shell shell, StyledText target) {
        super(shell);
        this.target = target;
        setShellStyle(SWT.DIALOG_TRIM | SWT.RESIZE | SWT.MODELESS);
        setBlockOnOpen(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(EditorMessages.Find_title);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        GridLayoutFactory.swtDefaults().numColumns(2).applyTo(area);
        new Label(area, SWT.NONE).setText(EditorMessages.Find_label);
        pattern = new Text(area, SWT.BORDER | SWT.SINGLE);
        GridDataFactory.fillDefaults().grab(true, false).hint(260, SWT.DEFAULT).applyTo(pattern);
        String selected = target.getSelectionText();
        if (!selected.isEmpty() && !selected.contains("\n")) {
            pattern.setText(selected);
            pattern.selectAll();
        }
        status = new Label(area, SWT.NONE);
        GridDataFactory.fillDefaults().span(2, 1).grab(true, false).applyTo(status);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, FIND_NEXT, EditorMessages.Find_next, true);
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, false);
    }

    @Override
    protected void buttonPressed(int id) {
        if (id == FIND_NEXT) {
            findNext();
        } else {
            close();
        }
    }

    /** Selects the next occurrence after the selection, from the top when there is none below. */
    void findNext() {
        String wanted = pattern.getText();
        if (wanted.isEmpty() || target.isDisposed()) {
            return;
        }
        String text = target.getText().toLowerCase(Locale.ROOT);
        String needle = wanted.toLowerCase(Locale.ROOT);
        int from = target.getSelection().y;
        int found = text.indexOf(needle, from);
        boolean wrapped = false;
        if (found < 0) {
            found = text.indexOf(needle);
            wrapped = found >= 0;
        }
        if (found < 0) {
            status.setText(NLS.bind(EditorMessages.Find_notFound, wanted));
            return;
        }
        target.setSelection(found, found + needle.length());
        target.showSelection();
        status.setText(wrapped ? EditorMessages.Find_wrapped : "");
    }
}
