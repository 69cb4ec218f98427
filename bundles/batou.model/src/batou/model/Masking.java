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

/**
 * The sensitive values of a run and the one way text that may hold them is shown: every occurrence is replaced by
 * {@value #MASK}, as CI systems mask secrets. Every output of a deployment passes through it (events, reports,
 * console, logs), so a part type that puts a value into a message cannot leak it.
 * <p>
 * The patterns are the secret values themselves (with their URL-encoded and base64 forms, and the lines of
 * multi-line secrets such as key files) and every value computed from them (a DSN with a password in it, a path
 * built from a secret). Texts shorter than {@value #MINIMUM_LENGTH} characters are not masked in free text: masking
 * every "1" or "yes" would make output unreadable. Structural masking (hidden diffs, masked part labels) still
 * applies to them.
 */
public final class Masking {

    public static final String MASK = "[masked]";
    public static final int MINIMUM_LENGTH = 4;
    private static final int MINIMUM_LINE_LENGTH = 8;

    private static final Masking NONE = new Masking(List.of());

    /** Longest first, so that a value containing another one is masked as a whole. */
    private final List<String> patterns;

    private Masking(List<String> patterns) {
        this.patterns = patterns;
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

    /** {@code text} with every sensitive value replaced by {@value #MASK}; null stays null. */
    public String mask(String text) {
        if (text == null || patterns.isEmpty() || text.length() < MINIMUM_LENGTH) {
            return text;
        }
        String masked = text;
        for (String pattern : patterns) {
            if (pattern.length() <= masked.length() && masked.contains(pattern)) {
                masked = masked.replace(pattern, MASK);
            }
        }
        return masked;
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
         * A secret itself (from secrets.age or a secret file): masked as it is, URL-encoded and in base64, and line
         * by line when it has several lines. Lists and mappings count with every value in them.
         */
        public Builder secret(Object value) {
            leaves(value, text -> {
                add(text);
                add(URLEncoder.encode(text, StandardCharsets.UTF_8));
                add(URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20"));
                if (text.length() >= MINIMUM_LENGTH) {
                    add(Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)));
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
