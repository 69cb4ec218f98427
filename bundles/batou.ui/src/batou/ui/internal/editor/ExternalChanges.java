package batou.ui.internal.editor;

import java.io.IOException;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IPartListener2;
import org.eclipse.ui.IWorkbenchPartReference;

/**
 * Keeps an editor's document in step with its file when someone else changes the file (Eclipse's "file changed"
 * conventions): a clean editor takes the new text silently, a dirty one asks whether to replace its text, saving
 * asks before it overwrites a change made on disk, and a deleted file is reported (the editor can save it again or
 * close). Checked when the file changes (a {@link FileWatch}), when the editor is activated and before saving.
 */
final class ExternalChanges implements AutoCloseable {

    private final YamlDocument document;
    private final IEditorPart editor;
    private final IPartListener2 activation;
    private final Shell shell;
    private FileWatch watch;
    private boolean closed;
    /** The text on disk the person chose not to take, so that it is not asked about again. */
    private String declined;
    private boolean deletedTold;
    private boolean asking;

    ExternalChanges(YamlDocument document, IEditorPart editor) {
        this.document = document;
        this.editor = editor;
        this.shell = editor.getSite().getShell();
        activation = new IPartListener2() {
            @Override
            public void partActivated(IWorkbenchPartReference reference) {
                if (reference.getPart(false) == editor) {
                    check();
                }
            }
        };
        editor.getSite().getPage().addPartListener(activation);
        try {
            watch = new FileWatch(document.file(), shell.getDisplay(), this::check);
        } catch (IOException e) {
            watch = null; // no watching (no inotify left): the editor still checks on activation and before saving
        }
    }

    /** Compares the file with the text last read or written and acts on a difference. */
    void check() {
        if (asking || closed || shell.isDisposed()) { // a change noticed while the editor closed
            return;
        }
        String disk;
        try {
            disk = document.onDisk();
        } catch (IOException e) {
            return; // unreadable for now (being written, too large): the editor keeps its text; saving tells why
        }
        if (disk == null) {
            if (!deletedTold) {
                deletedTold = true;
                ask(this::deleted);
            }
            return;
        }
        deletedTold = false;
        if (disk.equals(document.saved()) || disk.equals(declined)) {
            return;
        }
        if (!document.isDirty() || disk.equals(document.text())) {
            document.reload(disk);
            return;
        }
        ask(() -> {
            if (MessageDialog.openQuestion(shell, EditorMessages.Changes_changedTitle,
                    NLS.bind(EditorMessages.Changes_changedQuestion, document.file()))) {
                document.reload(disk);
            } else {
                declined = disk;
            }
        });
    }

    private void deleted() {
        MessageDialog dialog = new MessageDialog(shell, EditorMessages.Changes_deletedTitle, null,
                NLS.bind(EditorMessages.Changes_deletedQuestion, document.file()), MessageDialog.WARNING, 0,
                EditorMessages.Changes_deletedSave, EditorMessages.Changes_deletedClose);
        int answer = dialog.open();
        if (answer == 0) {
            editor.doSave(null); // the text is as saved, so the page's Save would skip it: write it again
        } else if (answer == 1) {
            shell.getDisplay().asyncExec(() -> editor.getSite().getPage().closeEditor(editor, false));
        }
    }

    private void ask(Runnable question) {
        asking = true;
        try {
            question.run();
        } finally {
            asking = false;
        }
    }

    /**
     * Whether saving may write the file: yes when nobody else changed it since it was read or written, else when the
     * person agrees to overwrite that change.
     */
    boolean maySave() {
        String disk;
        try {
            disk = document.onDisk();
        } catch (IOException e) {
            return true; // saving replaces the unreadable file and says so if it cannot
        }
        if (disk == null || disk.equals(document.saved())) {
            return true;
        }
        asking = true;
        try {
            return MessageDialog.openQuestion(shell, EditorMessages.Changes_changedTitle,
                    NLS.bind(EditorMessages.Changes_overwriteQuestion, document.file()));
        } finally {
            asking = false;
        }
    }

    @Override
    public void close() {
        closed = true;
        editor.getSite().getPage().removePartListener(activation);
        if (watch != null) {
            watch.close();
        }
    }
}
