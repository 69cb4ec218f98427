package batou.ui.internal.graph;

/** Measures the texts of the graph in the fonts they are drawn with, so that the layout leaves room for them. */
@FunctionalInterface
public interface TextMeasure {

    /** The kinds of text in the graph; each has its own font. */
    enum Style {
        HOST_TITLE, HOST_DETAIL, NODE_TITLE, NODE_DETAIL
    }

    /** The size of a text, in pixels at 100 %. */
    record Size(double width, double height) {
    }

    Size measure(String text, Style style);

    /**
     * A measure without fonts: a fixed width per character and line height per style. For tests and for callers
     * that have no display.
     */
    static TextMeasure approximate() {
        return (text, style) -> switch (style) {
            case HOST_TITLE -> new Size(text.length() * 8.5, 17);
            case NODE_TITLE -> new Size(text.length() * 8.0, 16);
            case HOST_DETAIL, NODE_DETAIL -> new Size(text.length() * 6.5, 14);
        };
    }
}
