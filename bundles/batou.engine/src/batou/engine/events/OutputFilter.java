package batou.engine.events;

import java.util.function.UnaryOperator;

import batou.model.Masking;

/**
 * What every text of a deployment passes through before anybody sees it: control characters neutralised (a host's
 * output must not drive the operator's terminal) and sensitive values masked. The engine applies it to every event
 * and result where they are made ({@code RootDeployer}, {@code Orchestrator}), on the controller and in the agent, so
 * a part type cannot forget it; front ends apply it again to whatever else they print.
 */
public final class OutputFilter implements UnaryOperator<String> {

    private static final OutputFilter PRINTABLE = new OutputFilter(Masking.none());

    private final Masking masking;

    private OutputFilter(Masking masking) {
        this.masking = masking;
    }

    public static OutputFilter of(Masking masking) {
        return masking.isEmpty() ? PRINTABLE : new OutputFilter(masking);
    }

    public Masking masking() {
        return masking;
    }

    /**
     * {@code text} as it may be shown: masked, then printable (in this order, so that a secret with a control
     * character in it is still found). Null stays null.
     */
    @Override
    public String apply(String text) {
        return printable(masking.mask(text));
    }

    /** The event as it may be shown. */
    public DeploymentEvent apply(DeploymentEvent event) {
        return event.map(this);
    }

    /** A listener that gets every event through this filter. */
    public DeploymentListener wrap(DeploymentListener listener) {
        return event -> listener.on(apply(event));
    }

    /**
     * {@code text} without the characters that drive a terminal or reorder what it shows: C0 and C1 controls other
     * than newline and tab, DEL, and the Unicode bidirectional overrides become visible escapes ({@code \x1b},
     * {@code \u202e}).
     */
    public static String printable(String text) {
        if (text == null) {
            return null;
        }
        int first = firstControl(text);
        if (first < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!isControl(c)) {
                out.append(c);
            } else if (c < 0x100) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out.toString();
    }

    private static int firstControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isControl(char c) {
        if (c == '\n' || c == '\t') {
            return false;
        }
        return c < 0x20 || c >= 0x7f && c <= 0x9f || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069
                || c == 0x200e || c == 0x200f || c == 0x061c;
    }
}
