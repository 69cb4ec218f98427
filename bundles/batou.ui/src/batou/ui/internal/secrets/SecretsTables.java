package batou.ui.internal.secrets;

import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import batou.secrets.Member;
import batou.secrets.SecretEntry;
import batou.ui.internal.Columns;
import batou.ui.internal.secrets.SecretsSnapshot.SecretFile;

/**
 * The three tables of the secrets view: members, secret values (masked but for the one row the user revealed) and
 * secret files. Rows are the names only ({@link Member}, {@link SecretEntry}, {@link SecretFile}); a value is asked
 * from the snapshot only for the revealed row.
 */
final class SecretsTables {

    /** What a secret value shows until it is revealed. */
    static final String MASK = "\u2022\u2022\u2022\u2022\u2022\u2022";

    private final TableViewer members;
    private final TableViewer secrets;
    private final TableViewer files;
    private SecretsSnapshot snapshot = SecretsSnapshot.empty();
    private SecretEntry revealed;

    SecretsTables(Composite parent) {
        SashForm sash = new SashForm(parent, SWT.VERTICAL);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(sash);
        members = table(sash, SecretsMessages.SecretsView_members);
        column(members, SecretsMessages.SecretsView_memberType, 90, element -> ((Member) element).type());
        column(members, SecretsMessages.SecretsView_memberComment, 140, element -> ((Member) element).comment());
        column(members, SecretsMessages.SecretsView_memberFingerprint, 420,
                element -> ((Member) element).fingerprint());
        secrets = table(sash, SecretsMessages.SecretsView_secrets);
        column(secrets, SecretsMessages.SecretsView_key, 220, Object::toString);
        column(secrets, SecretsMessages.SecretsView_value, 300, this::valueText);
        files = table(sash, SecretsMessages.SecretsView_files);
        column(files, SecretsMessages.SecretsView_fileName, 220, element -> ((SecretFile) element).name());
        column(files, SecretsMessages.SecretsView_fileSize, 140, element -> size((SecretFile) element));
        sash.setWeights(3, 5, 2);
    }

    private static TableViewer table(Composite parent, String title) {
        Composite section = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().margins(0, 2).applyTo(section);
        Label label = new Label(section, SWT.NONE);
        label.setText(title);
        TableViewer viewer = new TableViewer(section, SWT.SINGLE | SWT.FULL_SELECTION | SWT.BORDER | SWT.V_SCROLL
                | SWT.H_SCROLL);
        viewer.getTable().setHeaderVisible(true);
        viewer.getTable().setLinesVisible(true);
        viewer.setContentProvider(ArrayContentProvider.getInstance());
        GridDataFactory.fillDefaults().grab(true, true).applyTo(viewer.getControl());
        return viewer;
    }

    private static void column(TableViewer viewer, String title, int width, Function<Object, String> text) {
        Columns.add(viewer, Object.class, title, width, text);
    }

    private String valueText(Object element) {
        SecretEntry entry = (SecretEntry) element;
        return entry.equals(revealed) ? snapshot.value(entry).orElse("") : MASK;
    }

    private static String size(SecretFile file) {
        return file.size() < 0 ? SecretsMessages.SecretsView_unknownSize
                : NLS.bind(SecretsMessages.SecretsView_bytes, file.size());
    }

    /** Shows a snapshot, every value masked. */
    void show(SecretsSnapshot shown) {
        snapshot = shown;
        revealed = null;
        members.setInput(shown.members());
        secrets.setInput(shown.entries());
        files.setInput(shown.files());
    }

    /** Shows the value of {@code entry} in its row, or masks them all again ({@code null}). */
    void reveal(SecretEntry entry) {
        SecretEntry before = revealed;
        revealed = entry;
        if (before != null && !secrets.getControl().isDisposed()) {
            secrets.update(before, null);
        }
        if (entry != null) {
            secrets.update(entry, null);
        }
    }

    SecretEntry revealed() {
        return revealed;
    }

    TableViewer members() {
        return members;
    }

    TableViewer secrets() {
        return secrets;
    }

    TableViewer files() {
        return files;
    }
}
