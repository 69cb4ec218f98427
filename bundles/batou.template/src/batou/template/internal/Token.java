package batou.template.internal;

/**
 * A lexical token: template text ({@link Kind#DATA}), tag delimiters, or a token inside a tag.
 *
 * @param kind what the token is
 * @param text the token text (for DATA the text to output, for STRING the unescaped value's source)
 * @param value the literal value for STRING, INT and FLOAT tokens
 * @param offset where the token starts in the template source
 */
public record Token(Kind kind, String text, Object value, int offset) {

    /** Token kinds. */
    public enum Kind { DATA, VAR_BEGIN, VAR_END, BLOCK_BEGIN, BLOCK_END, NAME, STRING, INT, FLOAT, OP, EOF }

    /** Whether this is an operator token with the given text. */
    public boolean isOp(String op) {
        return kind == Kind.OP && text.equals(op);
    }

    /** Whether this is a name token with the given text. */
    public boolean isName(String name) {
        return kind == Kind.NAME && text.equals(name);
    }

    /** How the token is shown in error messages. */
    public String describe() {
        return switch (kind) {
            case EOF -> "end of template";
            case VAR_END -> "'}}'";
            case BLOCK_END -> "'%}'";
            case VAR_BEGIN -> "'{{'";
            case BLOCK_BEGIN -> "'{%'";
            case STRING -> "string " + Values.preview(value);
            case DATA -> "text";
            default -> Values.preview(text);
        };
    }
}
