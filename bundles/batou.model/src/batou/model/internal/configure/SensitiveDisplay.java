package batou.model.internal.configure;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.Masking;

/**
 * How a value computed from sensitive values may be shown, and what of it must be masked wherever it appears.
 * Found by computing the value again with a marker in place of every sensitive text it reads:
 * <ul>
 * <li>when the marked text is the real text, the value does not depend on the sensitive values it reads (a
 * template that reads {@code host.name} of a host with secret data): it is not sensitive at all;</li>
 * <li>when putting the real values back where the markers are gives the real text, the sensitive values appear in
 * it verbatim and nothing else in it depends on them: its display is the text with them masked
 * ({@code curl -u admin:[masked] https://...});</li>
 * <li>else a sensitive value was transformed (upper case, base64, a length): the display is {@value Masking#MASK},
 * and the parts of the real text that differ from the marked one (per line) are the transformed secrets, which the
 * run's masking must know too, e.g. for a command that prints them.</li>
 * </ul>
 */
final class SensitiveDisplay {

    private static final char MARK = '\u0001';

    /** Computes a value from a scope, e.g. expands a YAML value or renders a template. */
    @FunctionalInterface
    interface Computation {
        Object compute(Map<String, ?> scope) throws Exception;
    }

    /**
     * The display of a value, the transformed secrets found in it (empty when they appear verbatim), and whether it
     * depends on sensitive values at all.
     */
    record Result(String display, List<String> transformed, boolean dependent) {
    }

    private SensitiveDisplay() {
    }

    /** Analyses {@code value}, which {@code computation} gave in {@code scope}. */
    static Result of(Computation computation, Object value, Map<String, ?> scope, Set<String> sensitiveNames) {
        String real = String.valueOf(value);
        List<String> markers = new ArrayList<>();
        String marked;
        try {
            marked = String.valueOf(computation.compute(new MarkedScope(scope, sensitiveNames, markers)));
        } catch (Exception e) {
            // e.g. arithmetic on a marker: the value depends on the secret beyond its text
            return new Result(Masking.MASK, List.of(real), true);
        }
        if (marked.equals(real) && marked.indexOf(MARK) < 0) {
            return new Result(real, List.of(), false);
        }
        String restored = restore(marked, markers, null);
        if (!markers.isEmpty() && restored.equals(real)) {
            String display = restore(marked, markers, Masking.MASK);
            if (display.indexOf(MARK) < 0) {
                return new Result(display, List.of(), true);
            }
        }
        // where the verbatim secrets are back, what still differs is a transformed one
        return new Result(Masking.MASK, differences(real, restored), true);
    }

    /** {@code text} with every marker replaced by its value, or by {@code mask}. */
    private static String restore(String text, List<String> markers, String mask) {
        String restored = text;
        for (int i = 0; i < markers.size(); i++) {
            restored = restored.replace(marker(i), mask == null ? markers.get(i) : mask);
        }
        return restored;
    }

    /** What of {@code real} differs from {@code marked}: line by line when both have as many lines. */
    private static List<String> differences(String real, String marked) {
        List<String> realLines = real.lines().toList();
        List<String> markedLines = marked.lines().toList();
        if (realLines.size() != markedLines.size()) {
            return List.of(middle(real, marked));
        }
        List<String> found = new ArrayList<>();
        for (int i = 0; i < realLines.size(); i++) {
            if (!realLines.get(i).equals(markedLines.get(i))) {
                found.add(middle(realLines.get(i), markedLines.get(i)));
            }
        }
        return found;
    }

    /** {@code real} without what it has in common with {@code marked} at its start and end. */
    private static String middle(String real, String marked) {
        int start = 0;
        int limit = Math.min(real.length(), marked.length());
        while (start < limit && real.charAt(start) == marked.charAt(start)) {
            start++;
        }
        int end = 0;
        while (end < limit - start && real.charAt(real.length() - 1 - end) == marked.charAt(marked.length() - 1 - end)) {
            end++;
        }
        return real.substring(start, real.length() - end);
    }

    private static String marker(int index) {
        return MARK + "batou" + index + MARK;
    }

    /** The scope with a marker for every text of the sensitive names. */
    private static final class MarkedScope extends AbstractMap<String, Object> {
        private final Map<String, ?> scope;
        private final Set<String> sensitiveNames;
        private final List<String> markers;

        MarkedScope(Map<String, ?> scope, Set<String> sensitiveNames, List<String> markers) {
            this.scope = scope;
            this.sensitiveNames = sensitiveNames;
            this.markers = markers;
        }

        @Override
        public boolean containsKey(Object key) {
            return scope.containsKey(key);
        }

        @Override
        public Object get(Object key) {
            Object value = scope.get(key);
            return key instanceof String name && Expander.holdsSensitive(name, sensitiveNames) ? mark(value) : value;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            throw new UnsupportedOperationException("only get and containsKey");
        }

        private Object mark(Object value) {
            if (value instanceof String text) {
                markers.add(text);
                return marker(markers.size() - 1);
            }
            if (value instanceof HostContext host) {
                return host.withSecretData(this::mark);
            }
            if (value instanceof Collection<?> items) {
                return items.stream().map(this::mark).toList();
            }
            if (value instanceof Map<?, ?> map) {
                Map<Object, Object> marked = new LinkedHashMap<>();
                map.forEach((k, v) -> marked.put(k, mark(v)));
                return marked;
            }
            return value;
        }
    }
}
