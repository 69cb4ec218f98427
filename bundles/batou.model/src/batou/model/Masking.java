package batou.model;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.template.Template;

/**
 * The sensitive values of a run and the one way text that may hold them is shown: every occurrence is replaced by
 * {@value #MASK}, as CI systems mask secrets. Every output of a deployment passes through it (events, reports,
 * console, logs), so a part type that puts a value into a message cannot leak it.
 * <p>
 * The patterns are the secret values themselves (with their URL-encoded, JSON-escaped and base64 forms, also base64
 * of a text with the secret inside at any offset, and the lines of multi-line secrets such as key files) and every
 * value computed from them (a DSN with a password in it, a path built from a secret). They match regardless of case,
 * so {@code upper}, {@code lower} and {@code title} of a secret are masked too. Texts shorter than {@value #MINIMUM_LENGTH} characters are not masked in free text: masking
 * every "1" or "yes" would make output unreadable. Structural masking (hidden diffs, masked part labels) still
 * applies to them.
 */
public final class Masking {

    public static final String MASK = "[masked]";
    public static final int MINIMUM_LENGTH = 4;
    private static final int MINIMUM_LINE_LENGTH = 8;
    /** Parts of base64 this short could be anywhere in a base64 text. */
    private static final int MINIMUM_BASE64 = 8;

    private static final Masking NONE = new Masking(List.of());

    /** Longest first, so that a value containing another one is masked as a whole. */
    private final List<String> patterns;
    /** The patterns {@linkplain #fold folded}, in the same order. */
    private final List<String> folded;

    private Masking(List<String> patterns) {
        this.patterns = patterns;
        this.folded = patterns.stream().map(Masking::fold).toList();
    }

    public static Masking none() {
        return NONE;
    }

    /** A masking of exactly these patterns (as {@link #patterns()} gave them, e.g. read back from an agent message). */
    public static Masking of(Collection<String> patterns) {
        Set<String> unique = new LinkedHashSet<>();
        for (String pattern : patterns) {
            if (pattern != null && pattern.length() >= MINIMUM_LENGTH && !pattern.equals(MASK)) {
                unique.add(pattern);
            }
        }
        if (unique.isEmpty()) {
            return NONE;
        }
        List<String> sorted = new ArrayList<>(unique);
        sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
        return new Masking(List.copyOf(sorted));
    }

    /** The patterns, longest first. */
    public List<String> patterns() {
        return patterns;
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    /** Both maskings at once. */
    public Masking with(Masking other) {
        if (other.isEmpty()) {
            return this;
        }
        if (isEmpty()) {
            return other;
        }
        List<String> all = new ArrayList<>(patterns);
        all.addAll(other.patterns);
        return of(all);
    }

    /** {@code text} with every sensitive value, in any case, replaced by {@value #MASK}; null stays null. */
    public String mask(String text) {
        if (text == null || patterns.isEmpty() || text.length() < MINIMUM_LENGTH) {
            return text;
        }
        String masked = text;
        String searched = null; // masked, folded: computed when needed, again after each replacement
        for (String pattern : folded) {
            if (pattern.length() > masked.length()) {
                continue;
            }
            if (searched == null) {
                searched = fold(masked);
            }
            int at = searched.indexOf(pattern);
            if (at < 0) {
                continue;
            }
            StringBuilder out = new StringBuilder(masked.length());
            int from = 0;
            while (at >= 0) {
                out.append(masked, from, at).append(MASK);
                from = at + pattern.length();
                at = searched.indexOf(pattern, from);
            }
            masked = out.append(masked, from, masked.length()).toString();
            searched = null;
        }
        return masked;
    }

    /** Lower case character by character, so that every index of the folded text is one of the text. */
    private static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(Character.toUpperCase(chars[i]));
        }
        return new String(chars);
    }

    /** True when {@code text} holds a sensitive value. */
    public boolean reveals(String text) {
        return text != null && !mask(text).equals(text);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Masking masking && masking.patterns.equals(patterns);
    }

    @Override
    public int hashCode() {
        return patterns.hashCode();
    }

    @Override
    public String toString() {
        return "Masking(" + patterns.size() + " patterns)"; // never the patterns themselves
    }

    /** Collects the patterns of a run from the values it knows to be sensitive. */
    public static final class Builder {

        private final Set<String> patterns = new LinkedHashSet<>();

        /**
         * A secret itself (from secrets.age or a secret file): masked as it is, as a template prints it (a float),
         * URL-encoded, JSON-escaped, in base64 (also inside the base64 of a longer text, such as {@code user:password}
         * of HTTP basic authentication), and line by line when it has several lines. Lists and mappings count with
         * every value in them.
         */
        public Builder secret(Object value) {
            if (value instanceof Number number) {
                add(Template.printed(number)); // 6.02e23 in the secrets prints as 6.02e+23
            }
            leaves(value, text -> {
                add(text);
                add(URLEncoder.encode(text, StandardCharsets.UTF_8));
                add(URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
                add(jsonEscaped(text, false));
                add(jsonEscaped(text, true));
                if (text.length() >= MINIMUM_LENGTH) {
                    add(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
                    base64Inside(text.getBytes(StandardCharsets.UTF_8));
                }
                if (text.indexOf('\n') >= 0) {
                    text.lines().map(String::strip).filter(line -> line.length() >= MINIMUM_LINE_LENGTH)
                            .forEach(this::add);
                }
            }, true);
            return this;
        }

        /**
         * A value computed from secrets (an attribute or a provided resource whose expression reads one): masked
         * where it appears whole. Numbers and booleans computed from secrets are not patterns (they would mask
         * every such number), nor are multi-line texts (rendered files, whose diffs are hidden anyway).
         */
        public Builder derived(Object value) {
            leaves(value, text -> {
                if (text.indexOf('\n') < 0) {
                    add(text);
                }
            }, false);
            return this;
        }

        /** The patterns of another masking, as they are. */
        public Builder patterns(Masking masking) {
            patterns.addAll(masking.patterns);
            return this;
        }

        public Masking build() {
            return Masking.of(patterns);
        }

        private void add(String pattern) {
            patterns.add(pattern);
        }

        /**
         * The base64 characters that only the secret determines when it starts at byte 1 or 2 of a group of three
         * (at byte 0 the plain base64 of the secret, without its last characters, is such a part too).
         */
        private void base64Inside(byte[] secret) {
            for (int offset = 0; offset < 3; offset++) {
                byte[] shifted = new byte[offset + secret.length];
                System.arraycopy(secret, 0, shifted, offset, secret.length);
                String encoded = Base64.getEncoder().withoutPadding().encodeToString(shifted);
                int first = offset == 0 ? 0 : offset + 1; // characters that hold bits of the bytes before it
                int last = shifted.length * 4 / 3; // characters after it hold bits of the bytes after it
                if (last - first >= MINIMUM_BASE64) {
                    add(encoded.substring(first, last));
                }
            }
        }

        /** The text in a JSON string, without quotes; {@code ascii}: with every non-ASCII character as a u-escape. */
        private static String jsonEscaped(String text, boolean ascii) {
            StringBuilder out = new StringBuilder(text.length() + 8);
            for (char c : text.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    default -> {
                        if (c < 0x20 || (ascii && c > 0x7e)) {
                            out.append(String.format("\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
            return out.toString();
        }

        private static void leaves(Object value, java.util.function.Consumer<String> sink, boolean scalars) {
            if (value == null) {
                return;
            }
            if (value instanceof String text) {
                sink.accept(text);
            } else if (value instanceof Collection<?> items) {
                items.forEach(item -> leaves(item, sink, scalars));
            } else if (value instanceof Map<?, ?> map) {
                map.values().forEach(item -> leaves(item, sink, scalars));
            } else if (value instanceof byte[]) {
                // binary secret files are masked through their base64 form, given as a secret of its own
            } else if (scalars || !(value instanceof Number || value instanceof Boolean)) {
                sink.accept(String.valueOf(value));
            }
        }
    }
}
