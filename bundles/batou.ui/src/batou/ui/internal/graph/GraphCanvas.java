package batou.ui.internal.graph;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.ScrollBar;

import batou.engine.RootStatus;
import batou.model.plan.RootId;
import batou.ui.internal.graph.GraphModel.HostBox;
import batou.ui.internal.graph.GraphModel.RootNode;

/**
 * The canvas that shows a {@link GraphModel}: double buffered, zoom (Ctrl+wheel, +/-), pan (drag, scroll bars,
 * wheel), fit, and a selection of one root node or host box by clicking. UI thread only.
 */
final class GraphCanvas {

    static final double MIN_SCALE = 0.2;
    static final double MAX_SCALE = 4;
    static final double ZOOM_STEP = 1.25;
    private static final int SCROLL_STEP = 40;
    private static final int DRAG_THRESHOLD = 3;

    private final Canvas canvas;
    private final GraphPainter painter;
    private final Map<RootId, RootStatus> states = new ConcurrentHashMap<>();
    private GraphModel model = GraphModel.EMPTY;
    private Object selection;
    private Consumer<Object> selectionListener = selected -> {
    };
    private double scale = 1;
    private double originX;
    private double originY;
    /** The graph is fitted and follows the canvas's size (maximize, restore, sash), until the user zooms or pans. */
    private boolean fitting = true;
    private int dragStartX;
    private int dragStartY;
    private boolean pressed;
    private boolean dragging;

    GraphCanvas(Composite parent, GraphStyle style) {
        canvas = new Canvas(parent, SWT.DOUBLE_BUFFERED | SWT.NO_BACKGROUND | SWT.H_SCROLL | SWT.V_SCROLL);
        painter = new GraphPainter(style);
        canvas.addListener(SWT.Paint, this::paint);
        canvas.addListener(SWT.Resize, event -> resized());
        canvas.addListener(SWT.MouseDown, this::mouseDown);
        canvas.addListener(SWT.MouseMove, this::mouseMove);
        canvas.addListener(SWT.MouseUp, this::mouseUp);
        canvas.addListener(SWT.MouseVerticalWheel, this::wheel);
        canvas.addListener(SWT.KeyDown, this::key);
        canvas.getHorizontalBar().addListener(SWT.Selection, event -> scrolled());
        canvas.getVerticalBar().addListener(SWT.Selection, event -> scrolled());
    }

    Canvas control() {
        return canvas;
    }

    GraphModel model() {
        return model;
    }

    /** Shows another model; keeps the selection when it is still there, fits when the graph is new. */
    void setModel(GraphModel newModel, boolean fit) {
        model = newModel;
        if (selection instanceof RootId id && model.node(id) == null
                || selection instanceof String host && model.host(host) == null) {
            select(null);
        }
        if (fit) {
            fit();
        } else {
            updateScrollBars();
        }
        canvas.redraw();
    }

    Map<RootId, RootStatus> states() {
        return states;
    }

    void statesChanged() {
        canvas.redraw();
    }

    /** The selected root id, host name, or null. */
    Object selection() {
        return selection;
    }

    void onSelection(Consumer<Object> listener) {
        selectionListener = listener;
    }

    void select(Object selected) {
        if (selected == null ? selection != null : !selected.equals(selection)) {
            selection = selected;
            canvas.redraw();
            selectionListener.accept(selected);
        }
    }

    double scale() {
        return scale;
    }

    /** Where the model's origin is scrolled to, in canvas pixels (x, y). */
    double[] origin() {
        return new double[] { originX, originY };
    }

    /** Zooms by {@code factor} keeping the canvas point (x, y) where it is. */
    void zoom(double factor, int x, int y) {
        double newScale = Math.max(MIN_SCALE, Math.min(MAX_SCALE, scale * factor));
        double modelX = (x + originX) / scale;
        double modelY = (y + originY) / scale;
        scale = newScale;
        originX = modelX * scale - x;
        originY = modelY * scale - y;
        fitting = false;
        updateScrollBars();
        canvas.redraw();
    }

    /** Zooms by {@code factor} around the middle of the canvas. */
    void zoom(double factor) {
        Rectangle area = canvas.getClientArea();
        zoom(factor, area.width / 2, area.height / 2);
    }

    /** Scales the whole graph into the canvas (at most 150 %) and centres it, now and whenever the canvas resizes. */
    void fit() {
        fitting = true;
        Rectangle area = canvas.getClientArea();
        if (area.width <= 0 || area.height <= 0 || model.width() <= 0) {
            return;
        }
        scale = Math.max(MIN_SCALE, Math.min(1.5, Math.min(area.width / model.width(),
                area.height / model.height())));
        originX = 0;
        originY = 0;
        updateScrollBars();
        canvas.redraw();
    }

    /** The model point at a canvas point. */
    double[] toModel(int x, int y) {
        return new double[] { (x + originX) / scale, (y + originY) / scale };
    }

    /** The canvas point of a model point. */
    int[] toCanvas(double x, double y) {
        return new int[] { (int) Math.round(x * scale - originX), (int) Math.round(y * scale - originY) };
    }

    /** What the canvas shows now, painted into a new image the caller disposes. */
    Image snapshot() {
        Rectangle area = canvas.getClientArea();
        Image image = new Image(canvas.getDisplay(), Math.max(1, area.width), Math.max(1, area.height));
        GC gc = new GC(image);
        try {
            paint(gc, area);
        } finally {
            gc.dispose();
        }
        return image;
    }

    private void paint(Event event) {
        paint(event.gc, canvas.getClientArea());
    }

    private void paint(GC gc, Rectangle area) {
        gc.setBackground(painter.background());
        gc.fillRectangle(area);
        Transform transform = new Transform(canvas.getDisplay());
        try {
            transform.translate((float) -originX, (float) -originY);
            transform.scale((float) scale, (float) scale);
            gc.setTransform(transform);
            painter.paint(gc, model, new GraphPainter.Decorations(Map.copyOf(states), selection));
            gc.setTransform(null);
        } finally {
            transform.dispose();
        }
    }

    private void resized() {
        if (fitting) {
            fit();
        } else {
            updateScrollBars();
        }
    }

    /**
     * Sets the scroll bars to the scaled graph; when the graph is smaller than the canvas it is centred and the bar
     * is off.
     */
    private void updateScrollBars() {
        Rectangle area = canvas.getClientArea();
        originX = updateBar(canvas.getHorizontalBar(), model.width() * scale, area.width, originX);
        originY = updateBar(canvas.getVerticalBar(), model.height() * scale, area.height, originY);
    }

    private static double updateBar(ScrollBar bar, double content, int visible, double origin) {
        if (content <= visible || visible <= 0) {
            bar.setEnabled(false);
            bar.setValues(0, 0, 1, 1, 1, 1);
            return -(visible - content) / 2;
        }
        double clamped = Math.max(0, Math.min(content - visible, origin));
        bar.setEnabled(true);
        bar.setValues((int) Math.round(clamped), 0, (int) Math.ceil(content), visible, SCROLL_STEP,
                Math.max(1, visible - SCROLL_STEP));
        return clamped;
    }

    private void scrolled() {
        fitting = false;
        if (canvas.getHorizontalBar().getEnabled()) {
            originX = canvas.getHorizontalBar().getSelection();
        }
        if (canvas.getVerticalBar().getEnabled()) {
            originY = canvas.getVerticalBar().getSelection();
        }
        canvas.redraw();
    }

    /** Moves the view by (dx, dy) canvas pixels. */
    void pan(double dx, double dy) {
        fitting = false;
        originX += dx;
        originY += dy;
        updateScrollBars();
        canvas.redraw();
    }

    private void mouseDown(Event event) {
        canvas.setFocus();
        if (event.button == 1) {
            pressed = true;
            dragging = false;
            dragStartX = event.x;
            dragStartY = event.y;
        }
    }

    private void mouseMove(Event event) {
        if (pressed) {
            if (!dragging && Math.abs(event.x - dragStartX) + Math.abs(event.y - dragStartY) > DRAG_THRESHOLD) {
                dragging = true;
                canvas.setCursor(canvas.getDisplay().getSystemCursor(SWT.CURSOR_SIZEALL));
            }
            if (dragging) {
                pan(dragStartX - event.x, dragStartY - event.y);
                dragStartX = event.x;
                dragStartY = event.y;
            }
        } else {
            canvas.setToolTipText(tooltip(event.x, event.y));
        }
    }

    private void mouseUp(Event event) {
        if (event.button != 1 || !pressed) {
            return;
        }
        pressed = false;
        if (dragging) {
            dragging = false;
            canvas.setCursor(null);
        } else {
            select(hit(event.x, event.y));
        }
    }

    /** The root id or host name at a canvas point, or null. */
    Object hit(int x, int y) {
        double[] point = toModel(x, y);
        RootNode node = model.nodeAt(point[0], point[1]);
        if (node != null) {
            return node.id();
        }
        HostBox host = model.hostAt(point[0], point[1]);
        return host == null ? null : host.name();
    }

    private String tooltip(int x, int y) {
        Object hit = hit(x, y);
        if (hit instanceof RootId id) {
            RootStatus state = states.get(id);
            return state == null ? id.toString() : id + " \u2013 " + state.name().toLowerCase();
        }
        return null;
    }

    private void wheel(Event event) {
        event.doit = false;
        if ((event.stateMask & SWT.MOD1) != 0) {
            zoom(event.count > 0 ? ZOOM_STEP : 1 / ZOOM_STEP, event.x, event.y);
        } else if ((event.stateMask & SWT.SHIFT) != 0) {
            pan(-event.count * SCROLL_STEP / 3.0, 0);
        } else {
            pan(0, -event.count * SCROLL_STEP / 3.0);
        }
    }

    private void key(Event event) {
        switch (event.character) {
            case '+', '=' -> zoom(ZOOM_STEP);
            case '-' -> zoom(1 / ZOOM_STEP);
            case '0' -> fit();
            default -> {
                switch (event.keyCode) {
                    case SWT.ARROW_LEFT -> pan(-SCROLL_STEP, 0);
                    case SWT.ARROW_RIGHT -> pan(SCROLL_STEP, 0);
                    case SWT.ARROW_UP -> pan(0, -SCROLL_STEP);
                    case SWT.ARROW_DOWN -> pan(0, SCROLL_STEP);
                    case SWT.KEYPAD_ADD -> zoom(ZOOM_STEP);
                    case SWT.KEYPAD_SUBTRACT -> zoom(1 / ZOOM_STEP);
                    default -> {
                        // not ours
                    }
                }
            }
        }
    }
}
