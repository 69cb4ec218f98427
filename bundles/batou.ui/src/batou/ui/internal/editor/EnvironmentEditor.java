package batou.ui.internal.editor;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.osgi.util.NLS;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.MultiPageEditorPart;

import batou.model.Diagnostic;
import batou.model.Diagnostics;
import batou.model.project.Project;
import batou.model.project.ProjectLoader;
import batou.model.project.edit.EditException;
import batou.model.project.edit.EnvironmentEdits;
import batou.ui.internal.problems.Problem;
import batou.ui.internal.problems.Problems;
import batou.ui.internal.project.OpenProject;

/**
 * The editor of an environment.yaml: a form (connection settings, hosts, which host deploys which component), the
 * attribute overrides of the root components, and the YAML source. The form edits the text through
 * {@link EnvironmentEdits}, so comments and formatting stay; after every change the environment is configured
 * with the unsaved text and its problems are shown on the fields and in the Problems view.
 */
public final class EnvironmentEditor extends MultiPageEditorPart {

    public static final String ID = "batou.ui.editors.environment";

    static final int FORM_PAGE = 0;
    static final int OVERRIDES_PAGE = 1;
    static final int SOURCE_PAGE = 2;

    private final OpenProject openProject;
    private final Problems problems;
    private EnvironmentDocument document;
    private ProblemDecorations decorations;
    private ConfigurationCheck check;
    private ExternalChanges externalChanges;
    private FormPage form;
    private OverridesPage overrides;
    private SourcePage source;
    private Project project;
    private List<Diagnostic> diagnostics = List.of();
    private boolean checked;

    @Inject
    public EnvironmentEditor(OpenProject openProject, Problems problems) {
        this.openProject = openProject;
        this.problems = problems;
    }

    /** Opens {@code file} (an environment.yaml) in the environment editor, or activates the editor that has it. */
    public static EnvironmentEditor open(IWorkbenchPage page, Path file) throws PartInitException {
        return (EnvironmentEditor) page.openEditor(new PathEditorInput(file), ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        document = PathEditorInput.read(input, "environment editor", EnvironmentDocument::new);
        super.init(site, input);
        setPartName(input.getName());
        setTitleToolTip(input.getToolTipText());
    }

    @Override
    protected void createPages() {
        project = new ProjectLoader(document.root(), new Diagnostics()).load();
        decorations = new ProblemDecorations(document.relativeName());
        form = new FormPage(getContainer(), this);
        setPageText(addPage(form.control()), EditorMessages.Editor_formPage);
        overrides = new OverridesPage(getContainer(), this);
        setPageText(addPage(overrides.control()), EditorMessages.Editor_overridesPage);
        source = new SourcePage(getContainer(), document);
        setPageText(addPage(source.control()), EditorMessages.Editor_sourcePage);
        check = ConfigurationCheck.ofEnvironment(getContainer().getDisplay(), document.root(),
                document.environment(), this::checked);
        document.addListener(this::changed);
        refreshForms();
        externalChanges = new ExternalChanges(document, this);
        EditorCommands.activate(this, document, () -> getActivePage() == SOURCE_PAGE ? source.control() : null);
        check.schedule(document.text());
    }

    private void changed(EnvironmentDocument.Origin origin) {
        firePropertyChange(PROP_DIRTY);
        if (origin == EnvironmentDocument.Origin.FILE) {
            return;
        }
        if (origin == EnvironmentDocument.Origin.FORM) {
            refreshForms();
        } else if (origin != EnvironmentDocument.Origin.SOURCE) {
            refreshForms(false); // the whole text was replaced: every field shows it
        }
        checked = false;
        form.showChecking();
        check.schedule(document.text());
    }

    private void checked(ConfigurationCheck.Result result) {
        project = result.project();
        diagnostics = result.diagnostics();
        checked = true;
        List<Problem> found = new ArrayList<>();
        for (Diagnostic diagnostic : diagnostics) {
            found.add(Problem.of(diagnostic, document.root()));
        }
        problems.set(this, found);
        refreshForms();
        decorations.setDiagnostics(diagnostics);
        form.showSummary(diagnostics);
    }

    /** Shows the text in the form and the overrides again, except in the field being typed into. */
    private void refreshForms() {
        refreshForms(true);
    }

    /**
     * Shows the text in the form and the overrides again.
     *
     * @param keepFocused whether the field with the focus keeps what was typed (while typing); false when the
     *        text changed elsewhere
     */
    private void refreshForms(boolean keepFocused) {
        form.refresh(document.outline(), project, keepFocused);
        overrides.refresh(document.outline(), project, keepFocused);
        decorations.refresh();
    }

    @Override
    protected void pageChange(int newPageIndex) {
        if (newPageIndex != SOURCE_PAGE && form != null) {
            refreshForms(false); // the source may have changed: every field shows the text
        }
        super.pageChange(newPageIndex);
    }

    /**
     * Applies an edit of the form to the text. An edit that cannot be made changes nothing and says why in the
     * form.
     *
     * @return whether the text changed
     */
    boolean edit(Function<EnvironmentEdits, String> edit) {
        String before = document.text();
        try {
            document.edit(edit);
            form.showMessage(null);
        } catch (EditException e) {
            form.showMessage(NLS.bind(EditorMessages.Editor_cannotEdit, e.getMessage()));
            return false;
        }
        return !before.equals(document.text());
    }

    EnvironmentDocument document() {
        return document;
    }

    ProblemDecorations decorations() {
        return decorations;
    }

    /** The diagnostics of the last check of the current text; for tests. */
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

    FormPage form() {
        return form;
    }

    OverridesPage overrides() {
        return overrides;
    }

    SourcePage source() {
        return source;
    }

    /** Shows page {@link #FORM_PAGE}, {@link #OVERRIDES_PAGE} or {@link #SOURCE_PAGE}. */
    void showPage(int index) {
        setActivePage(index);
    }

    /** The page shown. */
    int activePage() {
        return getActivePage();
    }

    /** Shows the source page with {@code line} (1-based) selected. */
    public void showSourceLine(int line) {
        setActivePage(SOURCE_PAGE);
        source.showLine(line);
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
        // one file per environment: Save As is not offered
    }

    @Override
    public void setFocus() {
        if (getActivePage() == SOURCE_PAGE && source != null) {
            source.control().setFocus();
        } else {
            super.setFocus();
        }
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
