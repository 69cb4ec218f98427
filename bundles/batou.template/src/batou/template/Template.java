package batou.template;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import batou.template.internal.Bindings;
import batou.template.internal.Budget;
import batou.template.internal.Expr;
import batou.template.internal.Frame;
import batou.template.internal.Lexer;
import batou.template.internal.Node;
import batou.template.internal.Parser;
import batou.template.internal.Reads;
import batou.template.internal.SourceMap;
import batou.template.internal.TemplateError;
import batou.template.internal.TextBuilder;
import batou.template.internal.Values;

/**
 * A parsed Jinja2-compatible template: parse once, render many times. A {@code Template} is immutable and can be
 * rendered from several threads at once.
 *
 * <h2>Syntax</h2>
 * {@code {{ expr }}}, {@code {% if %}/elif/else/endif}, {@code {% for x in seq %}/else/endfor} (with
 * {@code loop.index}, {@code index0}, {@code revindex}, {@code revindex0}, {@code first}, {@code last},
 * {@code length}, {@code previtem}, {@code nextitem}, {@code cycle(...)} and an optional {@code if} filter),
 * {@code {% set x = expr %}}, {@code {% set ns.attr = expr %}}, {@code {% set x %}...{% endset %}},
 * {@code {% raw %}...{% endraw %}}, {@code {# comments #}} and whitespace control with {@code -} on either side of a
 * tag. Expressions, filters and tests follow Jinja2 (see {@code batou.template.internal.Parser} for the precedence).
 *
 * <h2>Behaviour</h2>
 * <ul>
 * <li>Undefined values are strict, like Jinja2's {@code StrictUndefined}: using them raises
 * {@link UndefinedException}; only {@code is defined}, {@code is undefined} and {@code default} accept them.
 * Attribute chains on undefined values stay undefined ({@code a.b.c is defined} is false when {@code a} is
 * missing).</li>
 * <li>Whitespace: {@code trim_blocks} and {@code lstrip_blocks} are off, as in Jinja2. Unlike Jinja2's default
 * ({@code keep_trailing_newline=False}), the trailing newline of the source is <b>kept</b>: batou renders files, and a
 * file template ending in a newline should produce a file ending in a newline.</li>
 * <li>Values print like Python: {@code None}, {@code True}, {@code 1.0}, {@code ['a', 'b']}, {@code {'k': 1}}.</li>
 * <li>Nesting, steps and size are bounded by {@link Limits}: a template that goes beyond them fails with a
 * {@link TemplateException} at the position where it did.</li>
 * </ul>
 */
public final class Template {

    /**
     * What rendering one template may cost, so that a mistaken or hostile template ends in a clear error (with its
     * file, line and column) instead of exhausting the stack, the memory or the time of a deployment. Each limit is
     * checked before the work or the allocation it guards; the defaults are generous for configuration files of a
     * few megabytes and loops over tens of thousands of items.
     *
     * @param depth the deepest nesting of blocks, brackets, unary operators, conditionals and chains of
     *            attributes, filters and tests in the source (a syntax error "nested too deeply"), and of lists,
     *            mappings and namespaces in the values a template prints or compares
     * @param steps the most steps one render may take (error "too many steps"): each statement and output, each
     *            operator, name and literal in them (a call of a filter, test, function or method, and opening a
     *            loop or {@code set} block, count several), each loop iteration, each list item a filter,
     *            comparison or printout handles, and every {@value batou.template.internal.Budget#CHARS_PER_STEP}
     *            characters searched, compared or converted
     * @param size the most characters one render may build in all, its output included, a list item counting as
     *            {@value batou.template.internal.Budget#ITEM} (error "too large"): a text that is built again, in a
     *            loop, counts each time
     */
    public record Limits(int depth, long steps, long size) {

        /** 100 levels, 2 million steps, 16 Mi characters. */
        public static final Limits DEFAULT = new Limits(100, 2_000_000L, 16L << 20);

        /** @throws IllegalArgumentException if a limit is not positive */
        public Limits {
            if (depth < 1 || steps < 1 || size < 1) {
                throw new IllegalArgumentException("template limits must be positive: " + depth + ", " + steps
                        + ", " + size);
            }
        }
    }

    private final String source;
    private final String sourceName;
    private final SourceMap map;
    private final List<Node> body;
    private final boolean literal;
    private final Limits limits;
    private volatile Set<List<String>> referencedPaths;
    private volatile Set<String> referencedNames;
    private final Expr nativeExpr;

    private Template(String source, String sourceName, SourceMap map, List<Node> body, boolean literal,
            Limits limits) {
        this.source = source;
        this.sourceName = sourceName;
        this.map = map;
        this.body = body;
        this.literal = literal;
        this.limits = limits;
        this.nativeExpr = body.size() == 1 && body.get(0) instanceof Node.Output o ? o.expr() : null;
    }

    /**
     * How a template prints a number, boolean or text ({@code {{ value }}}, Python's {@code str()}): a float from the
     * secrets written {@code 6.02e23} prints as {@code 6.02e+23}, and masking must know that form too.
     */
    public static String printed(Object scalar) {
        return Values.str(scalar, new Budget(Limits.DEFAULT.steps(), Limits.DEFAULT.size(), Limits.DEFAULT.depth()));
    }

    /**
     * Parses a template.
     *
     * @param source the template text
     * @param sourceName where it comes from (e.g. a file path), used in error messages
     * @throws TemplateSyntaxException if the source is not a valid template
     */
    public static Template parse(String source, String sourceName) throws TemplateSyntaxException {
        return parse(source, sourceName, 1, 1);
    }

    /**
     * Parses a template that starts at a position inside a larger file (e.g. a YAML value), so that errors report
     * positions in that file: the first line of the template is {@code firstLine}, its first character is at
     * {@code firstColumn}; later lines of the template start at column 1.
     *
     * @param source the template text
     * @param sourceName the file, used in error messages
     * @param firstLine the 1-based file line of the template's first character
     * @param firstColumn the 1-based file column of the template's first character
     * @throws TemplateSyntaxException if the source is not a valid template
     */
    public static Template parse(String source, String sourceName, int firstLine, int firstColumn)
            throws TemplateSyntaxException {
        return parse(source, sourceName, firstLine, firstColumn, Limits.DEFAULT);
    }

    /**
     * Like {@link #parse(String, String, int, int)}, with the limits that parsing and every render of this template
     * keep to.
     *
     * @throws TemplateSyntaxException if the source is not a valid template or is nested deeper than
     *             {@code limits.depth()}
     */
    public static Template parse(String source, String sourceName, int firstLine, int firstColumn, Limits limits)
            throws TemplateSyntaxException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(sourceName, "sourceName");
        Objects.requireNonNull(limits, "limits");
        SourceMap map = new SourceMap(source, firstLine, firstColumn);
        if (!Lexer.hasTags(source)) {
            return new Template(source, sourceName, map, source.isEmpty() ? List.of()
                    : List.of(new Node.Text(source, 0)), true, limits);
        }
        try {
            return new Template(source, sourceName, map, Parser.parse(source, map, limits.depth()), false, limits);
        } catch (TemplateError e) {
            throw new TemplateSyntaxException(sourceName, map.line(Math.max(0, e.offset())),
                    map.column(Math.max(0, e.offset())), e.detail());
        }
    }

    /**
     * Renders the template to text.
     *
     * @param context the variables (null for none); values are maps, lists, arrays, collections, strings, numbers,
     *            booleans, null and {@link TemplateObject}s
     * @throws UndefinedException if an undefined value is used
     * @throws TemplateException for other errors (type errors, bad filter arguments, going beyond the
     *             {@linkplain #limits() limits}, ...)
     */
    public String render(Map<String, ?> context) throws TemplateException {
        if (literal) {
            return source;
        }
        Frame frame = root(context);
        TextBuilder out = new TextBuilder(frame.budget(), (int) Math.min(source.length() + 32L, limits.size()));
        try {
            Node.renderAll(body, frame, out);
        } catch (TemplateError e) {
            throw convert(e);
        } catch (RuntimeException e) {
            throw new TemplateException(sourceName, map.line(0), map.column(0), "rendering failed: " + e, e);
        } catch (StackOverflowError e) {
            throw stackOverflow();
        }
        return out.toString();
    }

    private Frame root(Map<String, ?> context) {
        return Frame.root(context == null ? Map.of() : context, new Budget(limits.steps(), limits.size(),
                limits.depth()));
    }

    private TemplateException stackOverflow() {
        return new TemplateException(sourceName, map.line(0), map.column(0), "nested too deeply: rendering needs"
                + " more stack than this thread has (the values the template reads are nested too deeply)");
    }

    /**
     * Renders the template to a value: if the whole template is exactly one {@code {{ expr }}} (nothing around it,
     * not even whitespace), the value of the expression itself ({@code List}, {@code Map}, {@code Long},
     * {@code Double}, {@code Boolean}, {@code String}, {@code null}, or an object from the context); otherwise the
     * rendered text. Integer, Short and Byte values become Long, Float becomes Double.
     *
     * @throws UndefinedException if an undefined value is used
     * @throws TemplateException for other errors
     */
    public Object renderNative(Map<String, ?> context) throws TemplateException {
        if (nativeExpr == null) {
            return render(context);
        }
        Frame frame = root(context);
        try {
            return Values.normalize(nativeExpr.value(frame));
        } catch (TemplateError e) {
            throw convert(e);
        } catch (RuntimeException e) {
            throw new TemplateException(sourceName, map.line(0), map.column(0), "rendering failed: " + e, e);
        } catch (StackOverflowError e) {
            throw stackOverflow();
        }
    }

    /** Whether the source has no {@code {{}, {@code {%} or {@code {#}: rendering returns the source unchanged. */
    public boolean isLiteral() {
        return literal;
    }

    /**
     * The top-level variable names the template reads from its context, in order of first use, for dependency
     * analysis: e.g. {@code {"host", "port"}} for {@code {{ host.fqdn }}:{{ port }}}. Names the template sets itself
     * before reading them, loop variables and {@code loop} are not included; a name set only in some branches is.
     * They are the first elements of the {@link #referencedPaths() paths}.
     */
    public Set<String> referencedNames() {
        Set<String> names = referencedNames;
        if (names == null) {
            Set<String> found = new LinkedHashSet<>();
            for (List<String> path : referencedPaths()) {
                found.add(path.get(0));
            }
            names = Collections.unmodifiableSet(found);
            referencedNames = names;
        }
        return names;
    }

    /**
     * The attribute paths the template reads from its context, in order of first use, found in its source without
     * rendering it: each path is a context name followed by the attribute names ({@code .name}) and literal string
     * keys ({@code ['name']}) read from it. {@code {{ host.name }} {{ host.data['db password'] }}} reads
     * {@code [host, name]} and {@code [host, data, db password]}.
     * <p>
     * <b>Contract.</b> A path means that the template may read the value at that path <em>and anything inside
     * it</em>; it reads nothing else from its context. So where access is dynamic, the path stops at the longest
     * prefix written in the source, and callers that must be conservative (e.g. about secrets) stay so:
     * <ul>
     * <li>a subscript that is not a literal string ({@code host.data[key]}, {@code servers[0]}) or a slice stops at
     * its base ({@code [host, data]}, {@code [servers]});</li>
     * <li>a value used as a whole stops there: printed, passed to a filter, test, function or method
     * ({@code host | attr('name')}, {@code host.data.get('pw')} read {@code [host]} and {@code [host, data]}),
     * used by an operator or comparison, put into a list, dict, tuple or namespace, or chosen by
     * {@code a if c else b};</li>
     * <li>aliases stop at what they alias: {@code {% set h = host %}} and {@code {% for h in hosts %}} read
     * {@code [host]} and {@code [hosts]}; later reads through {@code h} (or {@code loop}) are not reported again,
     * being inside that value;</li>
     * <li>a name the template sets before reading it is not a context read; a name set in only one branch of an
     * {@code if}, or inside a loop or {@code set} block, counts as unset after that block.</li>
     * </ul>
     * An undefined-check such as {@code host.data.pw is defined} or {@code host.data.pw | default('')} reads its
     * path too.
     */
    public Set<List<String>> referencedPaths() {
        Set<List<String>> paths = referencedPaths;
        if (paths == null) {
            Reads reads = new Reads();
            Node.readsOf(body, Bindings.none(), reads);
            paths = reads.paths();
            referencedPaths = paths;
        }
        return paths;
    }

    /** The limits that parsing and every render of this template keep to. */
    public Limits limits() {
        return limits;
    }

    /** The template source. */
    public String source() {
        return source;
    }

    /** Where the template comes from, as given to {@code parse}. */
    public String sourceName() {
        return sourceName;
    }

    @Override
    public String toString() {
        return "Template[" + sourceName + "]";
    }

    private TemplateException convert(TemplateError e) {
        int offset = Math.max(0, e.offset());
        int line = map.line(offset);
        int column = map.column(offset);
        return switch (e.kind()) {
            case SYNTAX -> new TemplateSyntaxException(sourceName, line, column, e.detail());
            case UNDEFINED -> new UndefinedException(sourceName, line, column, e.detail(), e.undefinedName());
            case RUNTIME -> new TemplateException(sourceName, line, column, e.detail(), e.getCause());
        };
    }
}
