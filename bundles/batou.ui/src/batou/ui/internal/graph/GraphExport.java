package batou.ui.internal.graph;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.LocalResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Transform;
import org.eclipse.swt.widgets.Display;

import batou.engine.RootStatus;
import batou.model.plan.RootId;
import batou.ui.internal.graph.GraphModel.Box;
import batou.ui.internal.graph.GraphModel.Edge;
import batou.ui.internal.graph.GraphModel.HostBox;
import batou.ui.internal.graph.GraphModel.Point;
import batou.ui.internal.graph.GraphModel.RootNode;

/** Writes a laid-out graph as a PNG image (painted as on screen) or as SVG text. */
public final class GraphExport {

    private GraphExport() {
    }

    /**
     * Paints the graph at {@code scale} into a PNG file. Runs on the display thread (it uses SWT graphics).
     */
    public static void png(GraphModel model, Map<RootId, RootStatus> states, Path file, double scale)
            throws IOException {
        Display display = Display.getCurrent();
        if (display == null) {
            throw new IllegalStateException("PNG export runs on the display thread");
        }
        int width = Math.max(1, (int) Math.ceil(model.width() * scale));
        int height = Math.max(1, (int) Math.ceil(model.height() * scale));
        LocalResourceManager resources = new LocalResourceManager(JFaceResources.getResources(display));
        Image image = new Image(display, width, height);
        try {
            GraphPainter painter = new GraphPainter(new GraphStyle(resources));
            GC gc = new GC(image);
            Transform transform = new Transform(display);
            try {
                gc.setBackground(painter.background());
                gc.fillRectangle(0, 0, width, height);
                transform.scale((float) scale, (float) scale);
                gc.setTransform(transform);
                painter.paint(gc, model, new GraphPainter.Decorations(states, null));
            } finally {
                transform.dispose();
                gc.dispose();
            }
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            Path target = file.toAbsolutePath();
            Files.createDirectories(target.getParent());
            try (var out = Files.newOutputStream(target)) {
                loader.save(out, SWT.IMAGE_PNG);
            }
        } finally {
            image.dispose();
            resources.dispose();
        }
    }

    /** Writes the graph as an SVG document: a group per host box, edge and root node. */
    public static void svg(GraphModel model, Map<RootId, RootStatus> states, Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(svg(model, states));
        }
    }

    /** The SVG text of the graph. */
    public static String svg(GraphModel model, Map<RootId, RootStatus> states) {
        StringBuilder svg = new StringBuilder();
        svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%s\" height=\"%s\" viewBox=\"0 0 %s %s\""
                        + " font-family=\"sans-serif\">\n",
                number(model.width()), number(model.height()), number(model.width()), number(model.height())));
        svg.append("  <title>").append(escape(model.environment())).append("</title>\n");
        svg.append(String.format(Locale.ROOT, "  <rect width=\"%s\" height=\"%s\" fill=\"%s\" stroke=\"none\"/>\n",
                number(model.width()), number(model.height()), GraphPalette.hex(GraphPalette.BACKGROUND)));
        for (HostBox host : model.hosts()) {
            host(svg, host);
        }
        for (Edge edge : model.edges()) {
            edge(svg, edge);
        }
        for (RootNode node : model.nodes()) {
            node(svg, node, states.get(node.id()));
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void host(StringBuilder svg, HostBox host) {
        Box b = host.bounds();
        double textX = b.x() + PlanLayout.HOST_PADDING;
        double textY = b.y() + PlanLayout.HOST_PADDING * 0.75;
        svg.append("  <g class=\"host\" data-host=\"").append(escape(host.name())).append("\">\n");
        svg.append("    ").append(rect(b, GraphPainter.HOST_ARC / 2.0, GraphPalette.HOST_FILL,
                GraphPalette.HOST_BORDER, 1, false)).append('\n');
        svg.append(String.format(Locale.ROOT,
                "    <text x=\"%s\" y=\"%s\" font-size=\"14\" font-weight=\"bold\" fill=\"%s\">%s</text>\n",
                number(textX), number(textY + 13), GraphPalette.hex(GraphPalette.HOST_TITLE), escape(host.name())));
        svg.append(String.format(Locale.ROOT,
                "    <text x=\"%s\" y=\"%s\" font-size=\"11\" fill=\"%s\">%s</text>\n",
                number(textX), number(textY + 32), GraphPalette.hex(GraphPalette.HOST_DETAIL),
                escape(host.detail())));
        svg.append("  </g>\n");
    }

    private static void edge(StringBuilder svg, Edge edge) {
        List<Point> points = edge.points();
        StringBuilder line = new StringBuilder();
        for (Point point : points) {
            line.append(line.length() == 0 ? "M" : " L").append(number(point.x())).append(',')
                    .append(number(point.y()));
        }
        String color = GraphPalette.hex(GraphPalette.EDGE);
        svg.append("  <g class=\"edge\" data-from=\"").append(escape(edge.from().toString()))
                .append("\" data-to=\"").append(escape(edge.to().toString())).append("\">\n");
        svg.append("    <path d=\"").append(line).append("\" fill=\"none\" stroke=\"").append(color)
                .append("\" stroke-width=\"1\"/>\n");
        if (points.size() >= 2) {
            int[] head = GraphPainter.arrowHead(points.get(points.size() - 2), points.get(points.size() - 1));
            svg.append(String.format(Locale.ROOT,
                    "    <path d=\"M%d,%d L%d,%d L%d,%d z\" fill=\"%s\" stroke=\"none\"/>\n",
                    head[0], head[1], head[2], head[3], head[4], head[5], color));
        }
        svg.append("  </g>\n");
    }

    private static void node(StringBuilder svg, RootNode node, RootStatus state) {
        Box b = node.bounds();
        double centerX = b.x() + b.width() / 2;
        boolean detail = !node.detail().isEmpty();
        svg.append("  <g class=\"node\" data-root=\"").append(escape(node.id().toString())).append('"');
        if (state != null) {
            svg.append(" data-state=\"").append(state.name().toLowerCase(Locale.ROOT)).append('"');
        }
        svg.append(">\n    ").append(rect(b, GraphPainter.NODE_ARC / 2.0, GraphPalette.fill(state),
                GraphPalette.accent(state), state == null ? 1 : 2, state == RootStatus.SKIPPED)).append('\n');
        if (state != null) {
            svg.append(String.format(Locale.ROOT, "    <circle cx=\"%s\" cy=\"%s\" r=\"%s\" fill=\"%s\"/>\n",
                    number(b.right() - 5 - GraphPainter.BADGE / 2.0), number(b.y() + 5 + GraphPainter.BADGE / 2.0),
                    number(GraphPainter.BADGE / 2.0), GraphPalette.hex(GraphPalette.accent(state))));
        }
        double titleY = b.y() + b.height() / 2 - (detail ? 7 : 0);
        svg.append(String.format(Locale.ROOT,
                "    <text x=\"%s\" y=\"%s\" font-size=\"13\" font-weight=\"bold\" fill=\"%s\""
                        + " text-anchor=\"middle\">%s</text>\n",
                number(centerX), number(titleY + 4.5), GraphPalette.hex(GraphPalette.NODE_TITLE),
                escape(node.label())));
        if (detail) {
            svg.append(String.format(Locale.ROOT,
                    "    <text x=\"%s\" y=\"%s\" font-size=\"11\" fill=\"%s\" text-anchor=\"middle\">%s</text>\n",
                    number(centerX), number(titleY + 20), GraphPalette.hex(GraphPalette.NODE_DETAIL),
                    escape(node.detail())));
        }
        svg.append("  </g>\n");
    }

    private static String rect(Box b, double radius, int fill, int stroke, double strokeWidth, boolean dashed) {
        return String.format(Locale.ROOT,
                "<rect x=\"%s\" y=\"%s\" width=\"%s\" height=\"%s\" rx=\"%s\" fill=\"%s\" stroke=\"%s\""
                        + " stroke-width=\"%s\"%s/>",
                number(b.x()), number(b.y()), number(b.width()), number(b.height()), number(radius),
                GraphPalette.hex(fill), GraphPalette.hex(stroke), number(strokeWidth),
                dashed ? " stroke-dasharray=\"4 3\"" : "");
    }

    private static String number(double value) {
        double rounded = Math.round(value * 10) / 10.0;
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : Double.toString(rounded);
    }

    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
                        escaped.append(c);
                    }
                }
            }
        }
        return escaped.toString();
    }
}
