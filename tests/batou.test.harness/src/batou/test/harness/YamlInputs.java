package batou.test.harness;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Generators of hostile input for the property tests of every YAML reader (project files, the editor, secrets):
 * arbitrary text, and adversarial YAML that is often valid enough to reach the composer and what follows it.
 * Template syntax ({@code {{ }}}, {@code {% %}}) is left out: templates have property tests of their own.
 */
public final class YamlInputs {

    private static final String[] PIECES = { ":", ": ", "- ", "-", "[", "]", "{", "}", ",", "&a", "*a", "&", "*",
        "!", "!!", "|", ">", "'", "\"", "%", "@", "`", "#", "?", "<<", "---", "...", " ", "  ", "\t", "\n", "\r\n",
        "\r", "\u0085", "\u2028", "\u0000", "\u0001", "\u001b", "\u007f", "\ufeff", "\ud800", "\udfff",
        "\ud83d\ude00", "\u00e9", "key", "value", "hosts", "components", "members", "yes", "~", "null", "0x1F",
        "1e400", "-.inf", "0o17", "2001-12-14", "\\", "\\u", "\\x", "\\U0010FFFF", "\\q" };

    private static final String[] TAGS = { "!!str ", "!!int ", "!!float ", "!!bool ", "!!null ", "!!binary ",
        "!!map ", "!!seq ", "!!set ", "!!omap ", "!!timestamp ", "!!python/object:os.system ", "!custom ",
        "!<tag:yaml.org,2002:str> ", "!e!x " };

    private static final String[] PREFIXES = { "", "", "", "\ufeff", "%YAML 1.1\n---\n", "%YAML 1.2\n---\n",
        "%YAML 2.0\n---\n", "%TAG !e! tag:example.com,2000:\n---\n", "%YAML 1.1\n%YAML 1.1\n---\n", "--- ",
        "---\n", "# comment\n", "\t", "\u0000", "%FOO bar\n---\n" };

    private static final String[] SUFFIXES = { "", "", "", "\n...\n", "\n---\nsecond: document\n", "\n--- |\n  x\n",
        "\n\u0000", "\n\t- tab\n", "\n# end" };

    private YamlInputs() {
    }

    /**
     * Arbitrary text: YAML's indicators, every kind of line break and white space, control characters, NUL, byte
     * order marks, lone surrogates, non-BMP characters, long runs; now and then larger than any reader accepts.
     */
    public static String arbitrary(Random random) {
        StringBuilder text = new StringBuilder();
        int pieces = random.nextInt(10) == 0 ? random.nextInt(4000) : random.nextInt(200);
        for (int i = 0; i < pieces; i++) {
            switch (random.nextInt(25)) {
                case 0 -> text.append(String.valueOf((char) random.nextInt(0x10000)).repeat(1 + random.nextInt(4)));
                case 1 -> text.append(PIECES[random.nextInt(PIECES.length)].repeat(random.nextInt(2000)));
                default -> text.append(PIECES[random.nextInt(PIECES.length)]);
            }
        }
        if (random.nextInt(40) == 0) {
            text.append("x".repeat(random.nextInt(3 << 20))); // up to 3 MiB: over every limit
        }
        return withoutTemplates(text.toString());
    }

    /**
     * Adversarial YAML documents: block mappings of flow values, nested block and flow collections (sometimes
     * deeper than 50 levels), anchors and aliases (cycles, alias chains, billion laughs), merge keys, tags, huge
     * and long-line scalars, tabs, byte order marks, NULs, directives, several documents, explicit keys.
     */
    public static String adversarial(Random random) {
        Builder builder = new Builder(random);
        StringBuilder yaml = new StringBuilder(PREFIXES[random.nextInt(PREFIXES.length)]);
        int keys = 1 + random.nextInt(8);
        for (int i = 0; i < keys; i++) {
            switch (random.nextInt(12)) {
                case 0 -> yaml.append(laughs(random));
                case 1 -> yaml.append("? ").append(builder.value(0)).append("\n: ").append(builder.value(0))
                        .append('\n');
                case 2 -> yaml.append(block(builder, random, 0));
                default -> yaml.append(builder.key()).append(": ").append(builder.value(0)).append('\n');
            }
        }
        yaml.append(SUFFIXES[random.nextInt(SUFFIXES.length)]);
        String text = yaml.toString();
        if (random.nextInt(8) == 0) {
            text = text.replace("\n", "\r\n");
        }
        if (random.nextInt(8) == 0 && !text.isEmpty()) {
            int at = random.nextInt(text.length());
            text = text.substring(0, at) + PIECES[random.nextInt(PIECES.length)] + text.substring(at);
        }
        return withoutTemplates(text);
    }

    /** One adversarial flow value (for a place in an otherwise valid file, such as an override). */
    public static String value(Random random) {
        return withoutTemplates(new Builder(random).value(0));
    }

    /** A block mapping nested {@code depth} levels, with flow values and block lists. */
    private static String block(Builder builder, Random random, int depth) {
        StringBuilder out = new StringBuilder();
        String indent = "  ".repeat(depth);
        out.append(indent).append(builder.key()).append(":").append(random.nextInt(10) == 0 ? " &b" + depth : "")
                .append('\n');
        int children = 1 + random.nextInt(3);
        for (int i = 0; i < children; i++) {
            if (depth < 60 && random.nextInt(3) == 0) {
                out.append(block(builder, random, depth + 1));
            } else if (random.nextBoolean()) {
                out.append(indent).append("  - ").append(builder.value(depth)).append('\n');
            } else {
                out.append(indent).append("  ").append(builder.key()).append(": ").append(builder.value(depth))
                        .append('\n');
            }
        }
        return out.toString();
    }

    /**
     * A "billion laughs": keys {@code l0} to {@code l<levels-1>}, each indented by {@code indent}, each a list of
     * {@code fanOut} aliases of the one before ({@code fanOut^levels} values once expanded: 9 and 9 give 387
     * million from 500 bytes).
     */
    public static String billionLaughs(String indent, int levels, int fanOut) {
        StringBuilder yaml = new StringBuilder(indent).append("l0: &l0 [")
                .append(String.join(", ", Collections.nCopies(fanOut, "lol"))).append("]\n");
        for (int level = 1; level < levels; level++) {
            yaml.append(indent).append('l').append(level).append(": &l").append(level).append(" [")
                    .append(String.join(", ", Collections.nCopies(fanOut, "*l" + (level - 1)))).append("]\n");
        }
        return yaml.toString();
    }

    /**
     * {@code text} as one double-quoted YAML scalar over lines of at most 4096 characters, each line break escaped
     * (a backslash at its end), so that it reads back as exactly {@code text}: how a test writes a long value within
     * batou's line limit.
     */
    public static String doubleQuotedLines(String text) {
        StringBuilder yaml = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i += 4096) {
            yaml.append(i == 0 ? "" : "\\\n      ").append(text, i, Math.min(text.length(), i + 4096));
        }
        return yaml.append('"').toString();
    }

    private static String laughs(Random random) {
        return billionLaughs("", 2 + random.nextInt(8), 2 + random.nextInt(8));
    }

    private static String withoutTemplates(String text) {
        return text.replace("{{", "{ {").replace("{%", "{ %").replace("{#", "{ #");
    }

    /** Flow values with anchors defined so far, and the anchors still open (an alias of one is a cycle). */
    private static final class Builder {

        private final Random random;
        private final List<String> anchors = new ArrayList<>();
        private final List<String> open = new ArrayList<>();
        private int next;

        Builder(Random random) {
            this.random = random;
        }

        String key() {
            return switch (random.nextInt(10)) {
                case 0 -> "\"quoted key\"";
                case 1 -> "<<";
                case 2 -> "dup";
                case 3 -> Integer.toString(random.nextInt(100));
                default -> "k" + random.nextInt(20);
            };
        }

        String value(int depth) {
            int choice = random.nextInt(depth > 60 ? 6 : 18);
            return switch (choice) {
                case 0 -> "plain " + random.nextInt(1000);
                case 1 -> "\"double \\t \\u00e9 " + random.nextInt(10) + "\"";
                case 2 -> "'single ''quoted'''";
                case 3 -> Integer.toString(random.nextInt());
                case 4 -> alias();
                case 5 -> TAGS[random.nextInt(TAGS.length)] + "tagged";
                case 6, 7 -> flowList(depth);
                case 8, 9 -> flowMap(depth);
                case 10 -> anchored(depth);
                case 11 -> "{<<: " + alias() + ", k: v}";
                case 12 -> "[".repeat(random.nextInt(80)) + "deep" + "]".repeat(random.nextInt(80));
                case 13 -> "x".repeat(random.nextInt(random.nextBoolean() ? 70_000 : 2_000)); // a long line
                case 14 -> "\"" + "\\\\".repeat(random.nextInt(1000)) + "\"";
                case 16 -> inlineLaughs();
                case 17 -> "&c" + next + " [x, *c" + next++ + "]"; // an alias inside its own anchor
                default -> "~";
            };
        }

        /** A billion laughs in one flow value: each item a list of aliases of the one before. */
        private String inlineLaughs() {
            int levels = 2 + random.nextInt(10);
            int fanOut = 2 + random.nextInt(9);
            String first = "l" + next++;
            StringBuilder items = new StringBuilder("[&" + first + " [lol, lol]");
            String previous = first;
            for (int level = 1; level < levels; level++) {
                String name = "l" + next++;
                items.append(", &").append(name).append(" [")
                        .append(String.join(", ", Collections.nCopies(fanOut, "*" + previous))).append(']');
                previous = name;
            }
            anchors.add(previous);
            return items.append(']').toString();
        }

        private String alias() {
            if (!open.isEmpty() && random.nextInt(4) == 0) {
                return "*" + open.get(random.nextInt(open.size())); // a cycle
            }
            return anchors.isEmpty() || random.nextInt(10) == 0 ? "*undefined"
                    : "*" + anchors.get(random.nextInt(anchors.size()));
        }

        private String anchored(int depth) {
            String name = "a" + next++;
            open.add(name);
            String value = random.nextBoolean() ? flowList(depth) : flowMap(depth);
            open.remove(name);
            anchors.add(name);
            return "&" + name + " " + value;
        }

        private String flowList(int depth) {
            List<String> items = new ArrayList<>();
            for (int i = 0, n = random.nextInt(5); i < n; i++) {
                items.add(value(depth + 1));
            }
            return "[" + String.join(", ", items) + "]";
        }

        private String flowMap(int depth) {
            List<String> entries = new ArrayList<>();
            for (int i = 0, n = random.nextInt(5); i < n; i++) {
                entries.add(key() + ": " + value(depth + 1));
            }
            return "{" + String.join(", ", entries) + "}";
        }
    }
}
