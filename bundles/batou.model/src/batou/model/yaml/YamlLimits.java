package batou.model.yaml;

/**
 * What one YAML text may cost to read: characters, characters per line (snakeyaml scans a line in time that grows
 * with the square of its length), nesting levels, aliases, and values and characters of text counted as if every
 * alias were a copy of its anchor's value (so that nothing downstream can be made to expand a small file).
 *
 * @param maxChars characters of the whole text (bytes of a file)
 * @param maxLineLength characters of one line
 * @param maxDepth levels of nested lists and mappings, also where an alias repeats a nested value
 * @param maxAliases aliases ({@code *name}) in the text
 * @param maxValues scalars, lists and mappings, each alias counting the values it repeats
 * @param maxExpandedChars characters of all scalars, each alias counting the text it repeats
 */
public record YamlLimits(int maxChars, int maxLineLength, int maxDepth, int maxAliases, int maxValues,
        long maxExpandedChars) {

    /** The limits of every project file and secrets document (docs/reference/project-format.md lists them). */
    public static final YamlLimits DEFAULT = new YamlLimits(1 << 20, 1 << 16, 50, 500, 100_000, 4L << 20);
}
