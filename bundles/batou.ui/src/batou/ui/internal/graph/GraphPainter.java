package batou.ui.internal.graph;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;

import batou.engine.RootStatus;
import batou.model.plan.RootId;
import batou.ui.internal.graph.GraphModel.Box;
import batou.ui.internal.graph.GraphModel.Edge;
import batou.ui.internal.graph.GraphModel.HostBox;
import batou.ui.internal.graph.GraphModel.RootNode;
import batou.ui.internal.graph.TextMeasure.Style;

/**
 * Paints a {@link GraphModel} in model coordinates (the caller sets the zoom and scroll as the GC's transform):
 * host boxes, edges with arrow heads, root nodes in the colours of their deployment state.
 */
final class GraphPainter {

    static final int HOST_ARC = 18;
    static final int NODE_ARC = 12;
    static final int BADGE = 10;

    private final GraphStyle style;

    GraphPainter(GraphStyle style) {
        this.style = style;
    }

    /** The colour behind the graph. */
    Color background() {
        return style.color(GraphPalette.BACKGROUND);
    }

    /** What to paint besides the model: the states and the selection (a root id, a host name or null). */
    record Decorations(Map<RootId, RootStatus> states, Object selection) {
    }

    void paint(GC gc, GraphModel model, Decorations decorations) {
        gc.setAntialias(SWT.ON);
        gc.setTextAntialias(SWT.ON);
        gc.setLineCap(SWT.CAP_ROUND);
        gc.setLineJoin(SWT.JOIN_ROUND);
        for (HostBox host : model.hosts()) {
            paintHost(gc, host, host.name().equals(decorations.selection()));
        }
        for (Edge edge : model.edges()) {
            boolean highlighted = edge.from().equals(decorations.selection())
                    || edge.to().equals(decorations.selection());
            paintEdge(gc, edge, highlighted);
        }
        for (RootNode node : model.nodes()) {
            paintNode(gc, node, decorations.states().get(node.id()), node.id().equals(decorations.selection()));
        }
    }

    private void paintHost(GC gc, HostBox host, boolean selected) {
        Box b = host.bounds();
        gc.setBackground(style.color(GraphPalette.HOST_FILL));
        gc.fillRoundRectangle(x(b), y(b), w(b), h(b), HOST_ARC, HOST_ARC);
        gc.setForeground(style.color(selected ? GraphPalette.SELECTION : GraphPalette.HOST_BORDER));
        gc.setLineWidth(selected ? 2 : 1);
        gc.setLineStyle(SWT.LINE_SOLID);
        gc.drawRoundRectangle(x(b), y(b), w(b), h(b), HOST_ARC, HOST_ARC);
        int textX = (int) Math.round(b.x() + PlanLayout.HOST_PADDING);
        int textY = (int) Math.round(b.y() + PlanLayout.HOST_PADDING * 0.75);
        gc.setFont(style.font(Style.HOST_TITLE));
        gc.setForeground(style.color(GraphPalette.HOST_TITLE));
        gc.drawText(host.name(), textX, textY, true);
        int titleHeight = gc.getFontMetrics().getHeight();
        gc.setFont(style.font(Style.HOST_DETAIL));
        gc.setForeground(style.color(GraphPalette.HOST_DETAIL));
        gc.drawText(host.detail(), textX, textY + titleHeight + (int) PlanLayout.LINE_GAP, true);
    }

    private void paintEdge(GC gc, Edge edge, boolean highlighted) {
        List<GraphModel.Point> points = edge.points();
        if (points.size() < 2) {
            return;
        }
        int color = highlighted ? GraphPalette.SELECTION : GraphPalette.EDGE;
        gc.setForeground(style.color(color));
        gc.setBackground(style.color(color));
        gc.setLineWidth(highlighted ? 2 : 1);
        gc.setLineStyle(SWT.LINE_SOLID);
        int[] polyline = new int[points.size() * 2];
        for (int i = 0; i < points.size(); i++) {
            polyline[2 * i] = (int) Math.round(points.get(i).x());
            polyline[2 * i + 1] = (int) Math.round(points.get(i).y());
        }
        gc.drawPolyline(polyline);
        gc.fillPolygon(arrowHead(points.get(points.size() - 2), points.get(points.size() - 1)));
    }

    /** A triangle whose tip is at {@code tip}, pointing away from {@code from}. */
    static int[] arrowHead(GraphModel.Point from, GraphModel.Point tip) {
        double dx = tip.x() - from.x();
        double dy = tip.y() - from.y();
        double length = Math.max(Math.hypot(dx, dy), 0.0001);
        double ux = dx / length;
        double uy = dy / length;
        double back = 9;
        double half = 4.5;
        double baseX = tip.x() - ux * back;
        double baseY = tip.y() - uy * back;
        return new int[] { (int) Math.round(tip.x()), (int) Math.round(tip.y()),
                (int) Math.round(baseX - uy * half), (int) Math.round(baseY + ux * half),
                (int) Math.round(baseX + uy * half), (int) Math.round(baseY - ux * half) };
    }

    private void paintNode(GC gc, RootNode node, RootStatus state, boolean selected) {
        Box b = node.bounds();
        gc.setBackground(style.color(GraphPalette.fill(state)));
        gc.fillRoundRectangle(x(b), y(b), w(b), h(b), NODE_ARC, NODE_ARC);
        gc.setForeground(style.color(selected ? GraphPalette.SELECTION : GraphPalette.accent(state)));
        gc.setLineWidth(selected ? 3 : state == null ? 1 : 2);
        gc.setLineStyle(state == RootStatus.SKIPPED ? SWT.LINE_DASH : SWT.LINE_SOLID);
        gc.drawRoundRectangle(x(b), y(b), w(b), h(b), NODE_ARC, NODE_ARC);
        gc.setLineStyle(SWT.LINE_SOLID);
        if (state != null) {
            gc.setBackground(style.color(GraphPalette.accent(state)));
            gc.fillOval(x(b) + w(b) - BADGE - 5, y(b) + 5, BADGE, BADGE);
        }
        gc.setFont(style.font(Style.NODE_TITLE));
        gc.setForeground(style.color(GraphPalette.NODE_TITLE));
        Point title = gc.textExtent(node.label());
        int lines = title.y;
        Point detail = null;
        if (!node.detail().isEmpty()) {
            gc.setFont(style.font(Style.NODE_DETAIL));
            detail = gc.textExtent(node.detail());
            lines += (int) PlanLayout.LINE_GAP + detail.y;
        }
        int top = (int) Math.round(b.y() + (b.height() - lines) / 2);
        gc.setFont(style.font(Style.NODE_TITLE));
        gc.drawText(node.label(), (int) Math.round(b.x() + (b.width() - title.x) / 2), top, true);
        if (detail != null) {
            gc.setFont(style.font(Style.NODE_DETAIL));
            gc.setForeground(style.color(GraphPalette.NODE_DETAIL));
            gc.drawText(node.detail(), (int) Math.round(b.x() + (b.width() - detail.x) / 2),
                    top + title.y + (int) PlanLayout.LINE_GAP, true);
        }
    }

    private static int x(Box b) {
        return (int) Math.round(b.x());
    }

    private static int y(Box b) {
        return (int) Math.round(b.y());
    }

    private static int w(Box b) {
        return (int) Math.round(b.width());
    }

    private static int h(Box b) {
        return (int) Math.round(b.height());
    }
}
