package batou.ui.internal.editor;

import java.util.function.Supplier;

import org.eclipse.core.commands.AbstractHandler;
import org.eclipse.core.commands.ExecutionEvent;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IWorkbenchCommandConstants;
import org.eclipse.ui.handlers.IHandlerService;

/**
 * Undo, Redo (Edit menu, Ctrl+Z, Ctrl+Y) and Find (Ctrl+F) of an editor of a {@link YamlDocument}: active while the
 * editor is; undo and redo act on the document, so on every page; Find searches the source page while it is shown.
 */
final class EditorCommands {

    private EditorCommands() {
    }

    /**
     * Activates the commands for {@code editor}; {@code source} gives the source text while it is shown, else null.
     * The activations end with the editor's site.
     */
    static void activate(IEditorPart editor, YamlDocument document, Supplier<StyledText> source) {
        IHandlerService handlers = editor.getSite().getService(IHandlerService.class);
        handlers.activateHandler(IWorkbenchCommandConstants.EDIT_UNDO, new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent event) {
                document.undo();
                return null;
            }

            @Override
            public boolean isEnabled() {
                return document.canUndo();
            }
        });
        handlers.activateHandler(IWorkbenchCommandConstants.EDIT_REDO, new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent event) {
                document.redo();
                return null;
            }

            @Override
            public boolean isEnabled() {
                return document.canRedo();
            }
        });
        handlers.activateHandler(IWorkbenchCommandConstants.EDIT_FIND_AND_REPLACE, new AbstractHandler() {
            @Override
            public Object execute(ExecutionEvent event) {
                StyledText text = source.get();
                if (text != null) {
                    new FindDialog(editor.getSite().getShell(), text).open();
                }
                return null;
            }

            @Override
            public boolean isEnabled() {
                return source.get() != null;
            }
        });
    }
}
