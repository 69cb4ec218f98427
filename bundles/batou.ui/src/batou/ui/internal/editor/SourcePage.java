package batou.ui.internal.editor;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;

/** The YAML text of a document, with comments and keys coloured; typing here changes the document. */
final class SourcePage {

    private final YamlDocument document;
    private final StyledText text;
    private boolean updating;

    SourcePage(Composite parent, YamlDocument document) {
        this(parent, document, true);
    }

    /** {@code yaml}: coloured as YAML (the component's other files are templates and files of any kind). */
    SourcePage(Composite parent, YamlDocument document, boolean yaml) {
        this.document = document;
        text = new StyledText(parent, SWT.MULTI | SWT.V_SCROLL | SWT.H_SCROLL);
        text.setFont(JFaceResources.getTextFont());
        text.setLeftMargin(4);
        if (yaml) {
            text.addLineStyleListener(new YamlColouring(text.getDisplay()));
        }
        text.setText(document.text());
        text.addModifyListener(event -> {
            if (!updating) {
                document.setText(text.getText(), YamlDocument.Origin.SOURCE);
            }
        });
        document.addListener(origin -> {
            if (origin != YamlDocument.Origin.SOURCE && !text.isDisposed()) {
                update();
            }
        });
    }

    StyledText control() {
        return text;
    }

    /** Shows the document's text again (after the form, the file or undo changed it), keeping the scroll position. */
    private void update() {
        if (text.getText().equals(document.text())) {
            return;
        }
        int top = text.getTopIndex();
        int caret = Math.min(text.getCaretOffset(), document.text().length());
        updating = true;
        try {
            text.setText(document.text());
        } finally {
            updating = false;
        }
        text.setCaretOffset(caret);
        text.setTopIndex(top);
    }

    /** Selects {@code line} (1-based) and scrolls to it. */
    void showLine(int line) {
        if (line < 1 || line > text.getLineCount()) {
            return;
        }
        int start = text.getOffsetAtLine(line - 1);
        int end = start + text.getLine(line - 1).length();
        text.setSelection(start, end);
        text.showSelection();
        text.setFocus();
    }
}
