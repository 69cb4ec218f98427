package batou.ui.internal.editor;

import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;

import batou.model.Diagnostic;
import batou.model.project.Project;
import batou.model.project.edit.EnvironmentOutline;

/** The first page: the state of the check, connection settings, hosts and the host x component matrix. */
final class FormPage {

    private final ScrolledComposite scrolled;
    private final Composite content;
    private final Label summary;
    private final Label message;
    private final SettingsSection settings;
    private final HostsSection hosts;
    private final AssignmentMatrix matrix;

    FormPage(Composite parent, EnvironmentEditor editor) {
        scrolled = new ScrolledComposite(parent, SWT.V_SCROLL | SWT.H_SCROLL);
        scrolled.setExpandHorizontal(true);
        scrolled.setExpandVertical(true);
        content = new Composite(scrolled, SWT.NONE);
        GridLayoutFactory.swtDefaults().margins(10, 10).spacing(10, 10).applyTo(content);
        summary = new Label(content, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(summary);
        message = new Label(content, SWT.WRAP);
        message.setForeground(content.getDisplay().getSystemColor(SWT.COLOR_RED));
        GridDataFactory.fillDefaults().grab(true, false).exclude(true).applyTo(message);
        message.setVisible(false);
        settings = new SettingsSection(content, editor);
        hosts = new HostsSection(content, editor);
        matrix = new AssignmentMatrix(content, editor);
        scrolled.setContent(content);
        showChecking();
    }

    Control control() {
        return scrolled;
    }

    SettingsSection settings() {
        return settings;
    }

    HostsSection hosts() {
        return hosts;
    }

    AssignmentMatrix matrix() {
        return matrix;
    }

    void refresh(EnvironmentOutline outline, Project project, boolean keepFocused) {
        settings.refresh(outline, keepFocused);
        hosts.refresh(outline);
        matrix.refresh(outline, project);
        layout();
    }

    void showChecking() {
        summary.setText(EditorMessages.Form_checking);
    }

    void showSummary(List<Diagnostic> diagnostics) {
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        long warnings = diagnostics.size() - errors;
        summary.setText(diagnostics.isEmpty() ? EditorMessages.Form_ok
                : NLS.bind(EditorMessages.Form_problems, errors, warnings));
        layout();
    }

    /** Shows why the last edit was not made; null hides the message. */
    void showMessage(String text) {
        boolean show = text != null;
        if (show == message.getVisible() && (!show || text.equals(message.getText()))) {
            return;
        }
        message.setText(show ? text : "");
        message.setVisible(show);
        ((org.eclipse.swt.layout.GridData) message.getLayoutData()).exclude = !show;
        layout();
    }

    /** The message shown above the form, or null; for tests. */
    String message() {
        return message.getVisible() ? message.getText() : null;
    }

    private void layout() {
        content.layout(true, true);
        scrolled.setMinSize(content.computeSize(SWT.DEFAULT, SWT.DEFAULT));
    }
}
