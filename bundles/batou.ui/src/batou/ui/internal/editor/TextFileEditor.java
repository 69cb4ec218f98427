package batou.ui.internal.editor;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IEditorSite;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.part.EditorPart;

import batou.ui.internal.project.OpenProject;

/**
 * A plain text editor for the other files of a component (templates, files it copies): read as the loader reads
 * project files (UTF-8 text within batou's limits), saved atomically with Ctrl+S.
 */
public final class TextFileEditor extends EditorPart {

    public static final String ID = "batou.ui.editors.text";

    private final OpenProject openProject;
    private YamlDocument document;
    private SourcePage source;
    private ExternalChanges externalChanges;

    @Inject
    public TextFileEditor(OpenProject openProject) {
        this.openProject = openProject;
    }

    /** Opens {@code file} in a text editor, or activates the editor that has it. */
    public static TextFileEditor open(IWorkbenchPage page, Path file) throws PartInitException {
        return (TextFileEditor) page.openEditor(new PathEditorInput(file), ID);
    }

    @Override
    public void init(IEditorSite site, IEditorInput input) throws PartInitException {
        document = PathEditorInput.read(input, "text editor", YamlDocument::new);
        setSite(site);
        setInput(input);
        setPartName(((PathEditorInput) input).file().getFileName().toString());
        setTitleToolTip(input.getToolTipText());
    }

    @Override
    public void createPartControl(Composite parent) {
        // the same text page, changes on disk, undo and find as the component editor's source
        source = new SourcePage(parent, document, false);
        document.addListener(origin -> firePropertyChange(PROP_DIRTY));
        externalChanges = new ExternalChanges(document, this);
        EditorCommands.activate(this, document, source::control);
    }

    /** The text being edited. */
    public String text() {
        return document.text();
    }

    /** The text control; for tests. */
    public StyledText control() {
        return source.control();
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
        // the file stays where the component expects it
    }

    @Override
    public void setFocus() {
        source.control().setFocus();
    }

    @Override
    public void dispose() {
        if (externalChanges != null) {
            externalChanges.close();
        }
        super.dispose();
    }
}
