package batou.ui.internal.graph;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.FontDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.RGB;

import batou.ui.internal.graph.TextMeasure.Style;

/** The fonts and colours of the graph, allocated from a resource manager that disposes them. */
final class GraphStyle {

    private final ResourceManager resources;
    private final Map<Style, Font> fonts = new EnumMap<>(Style.class);
    private final Map<Integer, Color> colors = new HashMap<>();

    GraphStyle(ResourceManager resources) {
        this.resources = resources;
        FontDescriptor base = JFaceResources.getDefaultFontDescriptor();
        fonts.put(Style.HOST_TITLE, resources.create(base.setStyle(SWT.BOLD).increaseHeight(1)));
        fonts.put(Style.HOST_DETAIL, resources.create(base.increaseHeight(-1)));
        fonts.put(Style.NODE_TITLE, resources.create(base.setStyle(SWT.BOLD)));
        fonts.put(Style.NODE_DETAIL, resources.create(base.increaseHeight(-1)));
    }

    Font font(Style style) {
        return fonts.get(style);
    }

    /** The colour of a {@link GraphPalette} value. */
    Color color(int rgb) {
        return colors.computeIfAbsent(rgb, value -> resources.create(
                ColorDescriptor.createFrom(new RGB(value >> 16 & 0xFF, value >> 8 & 0xFF, value & 0xFF))));
    }
}
