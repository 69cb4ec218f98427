package batou.ui.internal.deploy;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;

/**
 * The unified diff of one changed file, coloured: added lines green, removed lines red, hunk headers blue. A
 * sensitive file shows only that its diff is hidden. Modeless, so several can stay open beside the view.
 */
final class DiffDialog extends Dialog {

    /** The data key of the diff text, for tests. */
    static final String TEXT = "batou.ui.deploy.diff";

    private final FileChange change;

    DiffDialog(Shell parent, FileChange change) {
        super(parent);
        this.change = change;
        setShellStyle(SWT.DIALOG_TRIM | SWT.RESIZE | SWT.MODELESS);
        setBlockOnOpen(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(NLS.bind(DeployMessages.Diff_title, change.content().path(), change.root().host()));
    }

    @Override
    protected Point getInitialSize() {
        return new Point(820, 560);
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(), area);
        Color added = resources.create(ColorDescriptor.createFrom(new RGB(0, 120, 0)));
        Color removed = resources.create(ColorDescriptor.createFrom(new RGB(180, 0, 0)));
        Color hunk = resources.create(ColorDescriptor.createFrom(new RGB(0, 70, 160)));
        StyledText text = new StyledText(area, SWT.MULTI | SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        text.setData(TEXT, Boolean.TRUE);
        text.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(text);
        StringBuilder content = new StringBuilder();
        List<StyleRange> styles = new ArrayList<>();
        List<String> lines = change.diffLines();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int start = content.length();
            content.append(line).append('\n');
            if (i == 0 || line.startsWith("--- ") || line.startsWith("+++ ")) {
                styles.add(new StyleRange(start, line.length(), null, null, SWT.BOLD));
            } else if (line.startsWith("@@")) {
                styles.add(new StyleRange(start, line.length(), hunk, null));
            } else if (line.startsWith("+")) {
                styles.add(new StyleRange(start, line.length(), added, null));
            } else if (line.startsWith("-")) {
                styles.add(new StyleRange(start, line.length(), removed, null));
            }
        }
        text.setText(content.toString());
        styles.forEach(text::setStyleRange);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, IDialogConstants.CLOSE_LABEL, true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        } else {
            super.buttonPressed(buttonId);
        }
    }
}
