package batou.template;

/**
 * The template source is not valid: an unclosed block, an unexpected token, an unknown filter, test, function or
 * method name, etc. Thrown by {@link Template#parse(String, String, int, int)}.
 */
public final class TemplateSyntaxException extends TemplateException {

    private static final long serialVersionUID = 1L;

    /** See {@link TemplateException#TemplateException(String, int, int, String)}. */
    public TemplateSyntaxException(String sourceName, int line, int column, String detail) {
        super(sourceName, line, column, detail);
    }
}
