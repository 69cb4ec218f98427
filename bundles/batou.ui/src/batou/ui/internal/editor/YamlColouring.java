package batou.ui.internal.editor;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.LineStyleEvent;
import org.eclipse.swt.custom.LineStyleListener;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.widgets.Display;

/** Simple YAML colouring, line by line: comments, and the keys of mappings. System colours: nothing to dispose. */
final class YamlColouring implements LineStyleListener {

    private final Color comment;
    private final Color key;

    YamlColouring(Display display) {
        comment = display.getSystemColor(SWT.COLOR_DARK_GREEN);
        key = display.getSystemColor(SWT.COLOR_DARK_BLUE);
    }

    @Override
    public void lineGetStyle(LineStyleEvent event) {
        String line = event.lineText;
        List<StyleRange> styles = new ArrayList<>();
        int commentStart = commentStart(line);
        int content = 0;
        while (content < line.length() && (line.charAt(content) == ' ' || line.charAt(content) == '-')) {
            content++;
        }
        int colon = keyEnd(line, content, commentStart < 0 ? line.length() : commentStart);
        if (colon > content) {
            StyleRange range = new StyleRange(event.lineOffset + content, colon - content, key, null, SWT.BOLD);
            styles.add(range);
        }
        if (commentStart >= 0) {
            styles.add(new StyleRange(event.lineOffset + commentStart, line.length() - commentStart, comment, null,
                    SWT.ITALIC));
        }
        event.styles = styles.toArray(StyleRange[]::new);
    }

    /** Where a comment starts: '#' at the start or after a blank, outside quotes; -1 without one. */
    static int commentStart(String line) {
        char quote = 0;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    /** The end of a block key at {@code from} (before its ": " or final ':'), or -1. */
    static int keyEnd(String line, int from, int limit) {
        char quote = 0;
        for (int i = from; i < limit; i++) {
            char c = line.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && i == from) {
                quote = c;
            } else if (c == '{' || c == '[') {
                return -1;
            } else if (c == ':' && (i + 1 == limit || line.charAt(i + 1) == ' ')) {
                return i;
            }
        }
        return -1;
    }
}
