package batou.ui.internal.graph;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;

/**
 * Measures texts with a GC in the graph's fonts. May be called from any thread: the measuring runs on the
 * display's thread. Remembers what it measured.
 */
final class GcTextMeasure implements TextMeasure {

    private record Key(String text, Style style) {
    }

    private final Control control;
    private final Display display;
    private final GraphStyle style;
    private final Map<Key, Size> sizes = new ConcurrentHashMap<>();

    /** Measures as drawn on {@code control}, whose display thread does the work; until it is disposed. */
    GcTextMeasure(Control control, GraphStyle style) {
        this.control = control;
        this.display = control.getDisplay();
        this.style = style;
    }

    @Override
    public Size measure(String text, Style textStyle) {
        Key key = new Key(text, textStyle);
        Size known = sizes.get(key);
        if (known != null) {
            return known;
        }
        Size[] size = { TextMeasure.approximate().measure(text, textStyle) };
        Runnable gcMeasure = () -> {
            if (!control.isDisposed()) {
                GC gc = new GC(control);
                try {
                    gc.setFont(style.font(textStyle));
                    Point extent = gc.textExtent(text);
                    size[0] = new Size(extent.x, extent.y);
                } finally {
                    gc.dispose();
                }
            }
        };
        if (display.getThread() == Thread.currentThread()) {
            gcMeasure.run();
        } else if (!display.isDisposed()) {
            display.syncExec(gcMeasure);
        }
        sizes.put(key, size[0]);
        return size[0];
    }
}
