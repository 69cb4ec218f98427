package batou.ui.internal.graph;

import batou.engine.RootStatus;

/**
 * The colours of the graph as 0xRRGGBB, shared by the canvas, the PNG and the SVG export so that they look alike.
 */
final class GraphPalette {

    static final int BACKGROUND = 0xFBFCFD;
    static final int HOST_FILL = 0xEEF2F7;
    static final int HOST_BORDER = 0xC3CEDC;
    static final int HOST_TITLE = 0x1F2A37;
    static final int HOST_DETAIL = 0x5F6B7A;
    static final int NODE_FILL = 0xFFFFFF;
    static final int NODE_BORDER = 0x4A6FA5;
    static final int NODE_TITLE = 0x17212E;
    static final int NODE_DETAIL = 0x667085;
    static final int EDGE = 0x7D8A9B;
    static final int SELECTION = 0x1A56DB;

    private GraphPalette() {
    }

    /** The fill of a root node in a state (null: no deployment state). */
    static int fill(RootStatus state) {
        if (state == null) {
            return NODE_FILL;
        }
        return switch (state) {
            case PENDING -> 0xF2F4F7;
            case RUNNING -> 0xDCE9FF;
            case CHANGED -> 0xFFEFD6;
            case UNCHANGED -> 0xDFF4E6;
            case FAILED -> 0xFDE0DE;
            case SKIPPED -> 0xE9E9EB;
        };
    }

    /** The border and badge colour of a root node in a state (null: no deployment state). */
    static int accent(RootStatus state) {
        if (state == null) {
            return NODE_BORDER;
        }
        return switch (state) {
            case PENDING -> 0x98A2B3;
            case RUNNING -> 0x2F6FED;
            case CHANGED -> 0xD98200;
            case UNCHANGED -> 0x2E9E57;
            case FAILED -> 0xD92D20;
            case SKIPPED -> 0x8E8E93;
        };
    }

    /** {@code #rrggbb}. */
    static String hex(int rgb) {
        return String.format("#%06x", rgb & 0xFFFFFF);
    }
}
