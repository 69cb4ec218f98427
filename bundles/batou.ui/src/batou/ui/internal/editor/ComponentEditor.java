package batou.ui.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import batou.model.Diagnostic;
import batou.model.project.ProjectLoader;
import batou.ui.internal.problems.Problem;
import batou.ui.internal.problems.Problems;
import batou.ui.internal.project.OpenProject;

/**
 * The editor of a component.yaml: its YAML source, checked a moment after every change by reading it and
 * configuring an environment with it. The problems in the component's files show above the text and in the
 * Problems view, with their lines.
 */
public final class ComponentEditor extends EditorPart {

    public static final String ID = "batou.ui.editors.component";

    private final OpenProject openProject;
    private final Problems problems;
    private YamlDocument document;
    private Label status;
    private SourcePage source;
    private ConfigurationCheck check;
    private ExternalChanges externalChanges;
    private List<Diagnostic> diagnostics = List.of();
    private boolean checked;

    @Inject
    public ComponentEditor(OpenProject openProject, Problems problems) {
        this.openProject = openProject;
        this.problems = problems;
    }

    /** Opens {@code file} (a component.yaml) in the component editor, or activates the editor that has it. */
    public static ComponentEditor open(IWorkbenchPage page, Path file) throws PartInitException {
        return (ComponentEditor) page.openEditor(new PathEditorInput(file), ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        document = PathEditorInput.read(input, "component editor", YamlDocument::new);
        setSite(site);
        setInput(input);
        setPartName(component());
        setTitleToolTip(input.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        Composite body = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().spacing(0, 4).applyTo(body);
        status = new Label(body, SWT.WRAP);
        GridDataFactory.fillDefaults().grab(true, false).indent(6, 4).applyTo(status);
        source = new SourcePage(body, document);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(source.control());
        check = ConfigurationCheck.ofComponent(parent.getDisplay(), openProject, root(), component(), this::checked);
        document.addListener(this::changed);
        showChecking();
        externalChanges = new ExternalChanges(document, this);
        EditorCommands.activate(this, document, source::control);
        check.schedule(document.text());
    }

    private void changed(YamlDocument.Origin origin) {
        firePropertyChange(PROP_DIRTY);
        if (origin != YamlDocument.Origin.FILE) {
            checked = false;
            showChecking();
            check.schedule(document.text());
        }
    }

    private void showChecking() {
        status.setText(EditorMessages.ComponentEditor_checking);
    }

    private void checked(ConfigurationCheck.Result result) {
        String folder = ProjectLoader.COMPONENTS + "/" + component() + "/";
        diagnostics = result.diagnostics().stream().filter(d -> d.location().file().startsWith(folder)).toList();
        checked = true;
        List<Problem> found = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            found.add(Problem.of(diagnostic, root()));
        }
        problems.set(this, found);
        long errors = diagnostics.stream().filter(Diagnostic::isError).count();
        String environment = result.environment() == null ? EditorMessages.ComponentEditor_notConfigured
                : NLS.bind(EditorMessages.ComponentEditor_checkedWith, result.environment());
        if (diagnostics.isEmpty()) {
            status.setText(NLS.bind(EditorMessages.ComponentEditor_noProblems, environment));
        } else {
            status.setText(NLS.bind(EditorMessages.ComponentEditor_problems, new Object[] { errors,
                    diagnostics.size() - errors, environment, diagnostics.get(0).location().line(),
                    diagnostics.get(0).text() }));
        }
        status.getParent().layout(true);
    }

    private Path root() {
        return document.root();
    }

    private String component() {
        return document.name();
    }

    /** Selects {@code line} (1-based) and scrolls to it. */
    public void showSourceLine(int line) {
        source.showLine(line);
    }

    /** The diagnostics of the last check in the component's files; for tests. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /** Whether the current text has been checked; for tests. */
    public boolean isChecked() {
        return checked;
    }

    /** The text being edited. */
    public String text() {
        return document.text();
    }

    /** The line above the text: checking, or what the check found; for tests. */
    public String status() {
        return status.getText();
    }

    SourcePage source() {
        return source;
    }

    @Override
    public boolean isDirty() {
        return document != null && document.isDirty();
    }

    @Override
    public void doSave(IProgressMonitor monitor) {
        if (!externalChanges.maySave()) {
            if (monitor != null) {
                monitor.setCanceled(true);
            }
            return;
        }
        if (EditorSaving.save(document, openProject)) {
            firePropertyChange(PROP_DIRTY);
        }
    }

    @Override
    public boolean isSaveAsAllowed() {
        return false;
    }

    @Override
    public void doSaveAs() {
        // one file per component: Save As is not offered
    }

    @Override
    public void setFocus() {
        source.control().setFocus();
    }

    @Override
    public void dispose() {
        if (check != null) {
            check.dispose();
        }
        if (externalChanges != null) {
            externalChanges.close();
        }
        problems.set(this, List.of());
        super.dispose();
    }
}
