package batou.ui.internal;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.events.SelectionListener;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;

/**
 * A wide, editable path field with a Browse… button beside it that asks the {@link FileChooser}; takes two columns
 * of a grid. The field is a combo so that it can offer files found already.
 */
public final class FileField {

    private final Combo path;
    private final Button browse;

    public FileField(Composite parent, String dialogTitle) {
        path = new Combo(parent, SWT.DROP_DOWN | SWT.BORDER);
        GridDataFactory.fillDefaults().grab(true, false).hint(420, SWT.DEFAULT).applyTo(path);
        browse = new Button(parent, SWT.PUSH);
        browse.setText(UIText.Browse);
        browse.addSelectionListener(SelectionListener.widgetSelectedAdapter(e -> {
            String chosen = FileChooser.get().choose(path.getShell(), dialogTitle, path.getText());
            if (chosen != null) {
                path.setText(chosen);
            }
        }));
    }

    public Combo combo() {
        return path;
    }

    public String text() {
        return path.getText().strip();
    }
}
