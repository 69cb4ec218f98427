package batou.template.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

import batou.template.internal.Expr.CallArgs;
import batou.template.internal.Token.Kind;

/**
 * A recursive-descent parser with Jinja2's grammar and operator precedence (lowest first): conditional
 * {@code a if b else c}; {@code or}; {@code and}; {@code not}; comparisons and {@code in}/{@code not in};
 * {@code + -}; {@code ~}; {@code * / // %}; {@code **}; unary {@code - +}; postfix {@code .attr [item] (call)};
 * filters {@code |f} and tests {@code is t}. As in Jinja2, filters and tests bind tighter than any binary operator,
 * {@code ~} binds tighter than {@code + -}, and {@code -2 ** 2} is {@code (-2) ** 2}.
 */
public final class Parser {

    private static final Set<String> COMPARE_OPS = Set.of("==", "!=", "<", ">", "<=", ">=");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else");
    private static final Set<String> UNSUPPORTED = Set.of("macro", "endmacro", "call", "endcall", "include",
            "extends", "block", "endblock", "import", "from", "filter", "endfilter", "with", "endwith", "autoescape",
            "endautoescape", "do", "break", "continue", "trans", "endtrans");
    private static final List<String> TAGS = List.of("if", "elif", "else", "endif", "for", "endfor", "set",
            "endset", "raw", "endraw");

    private record Open(String tag, int offset) {
    }

    private final String src;
    private final SourceMap map;
    private final List<Token> tokens;
    private final Deque<Open> open = new ArrayDeque<>();
    private int pos;

    private Parser(String src, SourceMap map) {
        this.src = src;
        this.map = map;
        this.tokens = Lexer.tokenize(src, map);
    }

    /** Parses a template source into its top-level nodes; raises syntax errors. */
    public static List<Node> parse(String src, SourceMap map) {
        Parser p = new Parser(src, map);
        List<Node> body = p.parseBody(Set.of());
        return List.copyOf(body);
    }

    // ---------------------------------------------------------------- tokens

    private Token peek() {
        return tokens.get(pos);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(pos + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token t = tokens.get(pos);
        if (t.kind() != Kind.EOF) {
            pos++;
        }
        return t;
    }

    /** The source text from an offset to the end of the last consumed token. */
    private String text(int start) {
        Token last = tokens.get(pos - 1);
        return src.substring(start, last.offset() + last.text().length()).strip();
    }

    private static TemplateError syntax(String detail, int offset) {
        return TemplateError.syntax(detail, offset);
    }

    private void expectOp(String op) {
        Token t = peek();
        if (!t.isOp(op)) {
            throw syntax("expected '" + op + "' but found " + t.describe(), t.offset());
        }
        pos++;
    }

    private String expectName(String what) {
        Token t = peek();
        if (t.kind() != Kind.NAME || KEYWORDS.contains(t.text())) {
            throw syntax("expected " + what + " but found " + t.describe(), t.offset());
        }
        pos++;
        return t.text();
    }

    private void expectTagEnd(Kind kind, Token begin) {
        Token t = peek();
        if (t.kind() == kind) {
            pos++;
            return;
        }
        String close = kind == Kind.VAR_END ? "}}" : "%}";
        if (t.kind() == Kind.EOF) {
            throw syntax("unexpected end of template: '" + begin.text() + "' opened at "
                    + map.position(begin.offset()) + " is not closed (add " + close + ")", t.offset());
        }
        throw syntax("expected '" + close + "' but found " + t.describe(), t.offset());
    }

    // ---------------------------------------------------------------- statements

    private List<Node> parseBody(Set<String> ends) {
        List<Node> body = new ArrayList<>();
        while (true) {
            Token t = peek();
            switch (t.kind()) {
                case DATA -> {
                    body.add(new Node.Text(t.text()));
                    pos++;
                }
                case VAR_BEGIN -> {
                    pos++;
                    Expr e = parseTuple(true);
                    expectTagEnd(Kind.VAR_END, t);
                    body.add(new Node.Output(e));
                }
                case BLOCK_BEGIN -> {
                    Token name = peek(1);
                    if (name.kind() == Kind.NAME && ends.contains(name.text())) {
                        return body;
                    }
                    pos++;
                    body.add(parseStatement(t));
                }
                case EOF -> {
                    if (!open.isEmpty()) {
                        Open o = open.peek();
                        throw syntax("unexpected end of template: '" + o.tag() + "' opened at "
                                + map.position(o.offset()) + " is not closed (add {% end" + o.tag() + " %})",
                                t.offset());
                    }
                    return body;
                }
                default -> throw syntax("unexpected " + t.describe(), t.offset());
            }
        }
    }

    private Node parseStatement(Token begin) {
        Token name = peek();
        if (name.kind() == Kind.EOF) {
            expectTagEnd(Kind.BLOCK_END, begin);
        }
        if (name.kind() != Kind.NAME) {
            throw syntax("expected a tag name after '{%' but found " + name.describe(), name.offset());
        }
        pos++;
        String tag = name.text();
        switch (tag) {
            case "if" -> {
                open.push(new Open("if", begin.offset()));
                Node n = parseIf(begin);
                open.pop();
                return n;
            }
            case "for" -> {
                return parseFor(begin);
            }
            case "set" -> {
                return parseSet(begin);
            }
            case "elif", "else", "endif", "endfor", "endset", "endraw" -> throw unexpectedEnd(name);
            default -> {
                if (UNSUPPORTED.contains(tag)) {
                    throw syntax("'" + tag + "' is not supported in batou templates", name.offset());
                }
                throw syntax("unknown tag '" + tag + "'" + Names.suggest(tag, TAGS), name.offset());
            }
        }
    }

    private TemplateError unexpectedEnd(Token name) {
        String tag = name.text();
        if (open.isEmpty()) {
            String owner = switch (tag) {
                case "elif", "endif" -> "'if'";
                case "else" -> "'if' or 'for'";
                case "endfor" -> "'for'";
                case "endset" -> "'set'";
                default -> "'raw'";
            };
            return syntax("unexpected '" + tag + "': no " + owner + " block is open", name.offset());
        }
        Open o = open.peek();
        return syntax("unexpected '" + tag + "': '" + o.tag() + "' opened at " + map.position(o.offset())
                + " must be closed first (add {% end" + o.tag() + " %})", name.offset());
    }

    private Node parseIf(Token begin) {
        Expr test = parseExpression(false);
        expectTagEnd(Kind.BLOCK_END, begin);
        List<Node> body = parseBody(Set.of("elif", "else", "endif"));
        Token tag = next();
        String keyword = next().text();
        if (keyword.equals("elif")) {
            return new Node.If(test, body, List.of(parseIf(tag)));
        }
        List<Node> otherwise = List.of();
        if (keyword.equals("else")) {
            expectTagEnd(Kind.BLOCK_END, tag);
            otherwise = parseBody(Set.of("endif"));
            tag = next();
            next();
        }
        expectTagEnd(Kind.BLOCK_END, tag);
        return new Node.If(test, body, otherwise);
    }

    private Node parseFor(Token begin) {
        open.push(new Open("for", begin.offset()));
        int targetOffset = peek().offset();
        List<String> targets = new ArrayList<>();
        targets.add(expectName("a loop variable name"));
        while (peek().isOp(",")) {
            pos++;
            targets.add(expectName("a loop variable name"));
        }
        if (!peek().isName("in")) {
            throw syntax("expected 'in' but found " + peek().describe(), peek().offset());
        }
        pos++;
        int iterStart = peek().offset();
        Expr iter = parseTuple(false);
        String iterText = text(iterStart);
        Expr filter = null;
        if (peek().isName("if")) {
            pos++;
            filter = parseExpression(true);
        }
        if (peek().isName("recursive")) {
            throw syntax("recursive loops are not supported in batou templates", peek().offset());
        }
        expectTagEnd(Kind.BLOCK_END, begin);
        List<Node> body = parseBody(Set.of("else", "endfor"));
        Token tag = next();
        String keyword = next().text();
        List<Node> otherwise = List.of();
        if (keyword.equals("else")) {
            expectTagEnd(Kind.BLOCK_END, tag);
            otherwise = parseBody(Set.of("endfor"));
            tag = next();
            next();
        }
        expectTagEnd(Kind.BLOCK_END, tag);
        open.pop();
        return new Node.For(targets, targetOffset, iter, iterText, filter, body, otherwise);
    }

    private Node parseSet(Token begin) {
        int offset = peek().offset();
        String first = expectName("a variable name");
        if (peek().isOp(".")) {
            pos++;
            String attr = expectName("an attribute name");
            expectOp("=");
            Expr value = parseTuple(true);
            expectTagEnd(Kind.BLOCK_END, begin);
            return new Node.SetAttr(first, attr, value, offset);
        }
        List<String> targets = new ArrayList<>(List.of(first));
        while (peek().isOp(",")) {
            pos++;
            targets.add(expectName("a variable name"));
        }
        if (peek().isOp("=")) {
            pos++;
            Expr value = parseTuple(true);
            expectTagEnd(Kind.BLOCK_END, begin);
            return new Node.Assign(targets, value, offset);
        }
        if (targets.size() > 1 || peek().kind() != Kind.BLOCK_END) {
            throw syntax("expected '=' but found " + peek().describe(), peek().offset());
        }
        pos++;
        open.push(new Open("set", begin.offset()));
        List<Node> body = parseBody(Set.of("endset"));
        Token tag = next();
        next();
        expectTagEnd(Kind.BLOCK_END, tag);
        open.pop();
        return new Node.SetBlock(first, body);
    }

    // ---------------------------------------------------------------- expressions

    private Expr parseTuple(boolean withCondition) {
        int start = peek().offset();
        Expr first = parseExpression(withCondition);
        if (!peek().isOp(",")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (peek().isOp(",")) {
            pos++;
            if (!startsExpression(peek())) {
                break;
            }
            items.add(parseExpression(withCondition));
        }
        return new Expr.Sequence(items, true, start);
    }

    private static boolean startsExpression(Token t) {
        return switch (t.kind()) {
            case NAME -> !KEYWORDS.contains(t.text()) || t.text().equals("not");
            case STRING, INT, FLOAT -> true;
            case OP -> t.text().equals("(") || t.text().equals("[") || t.text().equals("{") || t.text().equals("-")
                    || t.text().equals("+");
            default -> false;
        };
    }

    private Expr parseExpression(boolean withCondition) {
        return withCondition ? parseConditional() : parseOr();
    }

    private Expr parseConditional() {
        Expr e = parseOr();
        while (peek().isName("if")) {
            pos++;
            Expr test = parseOr();
            Expr otherwise = null;
            if (peek().isName("else")) {
                pos++;
                otherwise = parseConditional();
            }
            e = new Expr.Conditional(test, e, otherwise);
        }
        return e;
    }

    private Expr parseOr() {
        Expr left = parseAnd();
        while (peek().isName("or")) {
            pos++;
            left = new Expr.Logical(false, left, parseAnd());
        }
        return left;
    }

    private Expr parseAnd() {
        Expr left = parseNot();
        while (peek().isName("and")) {
            pos++;
            left = new Expr.Logical(true, left, parseNot());
        }
        return left;
    }

    private Expr parseNot() {
        if (peek().isName("not")) {
            Token t = next();
            return new Expr.Not(parseNot(), t.offset());
        }
        return parseCompare();
    }

    private Expr parseCompare() {
        Expr first = parseMath1();
        List<String> ops = new ArrayList<>();
        List<Expr> rest = new ArrayList<>();
        List<Integer> offsets = new ArrayList<>();
        while (true) {
            Token t = peek();
            if (t.kind() == Kind.OP && COMPARE_OPS.contains(t.text())) {
                pos++;
                ops.add(t.text());
            } else if (t.isName("in")) {
                pos++;
                ops.add("in");
            } else if (t.isName("not") && peek(1).isName("in")) {
                pos += 2;
                ops.add("not in");
            } else {
                break;
            }
            offsets.add(t.offset());
            rest.add(parseMath1());
        }
        return ops.isEmpty() ? first : new Expr.Compare(first, ops, rest, offsets);
    }

    private Expr parseMath1() {
        Expr left = parseConcat();
        while (peek().isOp("+") || peek().isOp("-")) {
            Token op = next();
            left = new Expr.Binary(op.text(), left, parseConcat(), op.offset());
        }
        return left;
    }

    private Expr parseConcat() {
        Expr first = parseMath2();
        if (!peek().isOp("~")) {
            return first;
        }
        List<Expr> items = new ArrayList<>(List.of(first));
        while (peek().isOp("~")) {
            pos++;
            items.add(parseMath2());
        }
        return new Expr.Concat(items);
    }

    private Expr parseMath2() {
        Expr left = parsePow();
        while (peek().isOp("*") || peek().isOp("/") || peek().isOp("//") || peek().isOp("%")) {
            Token op = next();
            left = new Expr.Binary(op.text(), left, parsePow(), op.offset());
        }
        return left;
    }

    private Expr parsePow() {
        Expr left = parseUnary(true);
        while (peek().isOp("**")) {
            Token op = next();
            left = new Expr.Binary("**", left, parseUnary(true), op.offset());
        }
        return left;
    }

    private Expr parseUnary(boolean withFilter) {
        Token t = peek();
        int start = t.offset();
        Expr node;
        if (t.isOp("-") || t.isOp("+")) {
            pos++;
            Expr operand = parseUnary(false);
            if (operand instanceof Expr.Literal lit && lit.constant() instanceof Number n && t.isOp("-")) {
                node = new Expr.Literal(Values.negate(n), t.offset());
            } else {
                node = new Expr.Unary(t.text().charAt(0), operand, t.offset());
            }
        } else {
            node = parsePrimary();
        }
        node = parsePostfix(node, start);
        if (withFilter) {
            node = parseFilterExpr(node, start);
        }
        return node;
    }

    private Expr parsePrimary() {
        Token t = next();
        switch (t.kind()) {
            case NAME -> {
                switch (t.text()) {
                    case "true", "True" -> {
                        return new Expr.Literal(Boolean.TRUE, t.offset());
                    }
                    case "false", "False" -> {
                        return new Expr.Literal(Boolean.FALSE, t.offset());
                    }
                    case "none", "None" -> {
                        return new Expr.Literal(null, t.offset());
                    }
                    default -> {
                    }
                }
                if (KEYWORDS.contains(t.text())) {
                    throw syntax("expected an expression but found '" + t.text() + "'", t.offset());
                }
                if (peek().isOp("(")) {
                    Builtin function = Functions.get(t.text());
                    if (function == null) {
                        throw syntax("unknown function '" + t.text() + "'"
                                + Names.suggest(t.text(), Functions.names()), t.offset());
                    }
                    return new Expr.Apply(null, function, parseCallArgs(), t.offset());
                }
                return new Expr.Name(t.text(), t.offset());
            }
            case STRING -> {
                String value = (String) t.value();
                while (peek().kind() == Kind.STRING) {
                    value += (String) next().value();
                }
                return new Expr.Literal(value, t.offset());
            }
            case INT, FLOAT -> {
                return new Expr.Literal(t.value(), t.offset());
            }
            case OP -> {
                switch (t.text()) {
                    case "(" -> {
                        if (peek().isOp(")")) {
                            pos++;
                            return new Expr.Sequence(List.of(), true, t.offset());
                        }
                        Expr e = parseTuple(true);
                        expectOp(")");
                        return e;
                    }
                    case "[" -> {
                        List<Expr> items = new ArrayList<>();
                        while (!peek().isOp("]")) {
                            items.add(parseExpression(true));
                            if (!peek().isOp(",")) {
                                break;
                            }
                            pos++;
                        }
                        expectOp("]");
                        return new Expr.Sequence(items, false, t.offset());
                    }
                    case "{" -> {
                        List<Expr> keys = new ArrayList<>();
                        List<Expr> values = new ArrayList<>();
                        while (!peek().isOp("}")) {
                            keys.add(parseExpression(true));
                            expectOp(":");
                            values.add(parseExpression(true));
                            if (!peek().isOp(",")) {
                                break;
                            }
                            pos++;
                        }
                        expectOp("}");
                        return new Expr.Dict(keys, values, t.offset());
                    }
                    default -> {
                    }
                }
            }
            default -> {
            }
        }
        throw syntax("expected an expression but found " + t.describe(), t.offset());
    }

    private Expr parsePostfix(Expr node, int start) {
        while (true) {
            Token t = peek();
            if (t.isOp(".")) {
                String baseText = text(start);
                pos++;
                Token attr = next();
                if (attr.kind() == Kind.NAME) {
                    if (peek().isOp("(")) {
                        if (!Methods.NAMES.contains(attr.text())) {
                            throw syntax("unknown method '" + attr.text() + "'"
                                    + Names.suggest(attr.text(), Methods.NAMES), attr.offset());
                        }
                        node = new Expr.MethodCall(node, attr.text(), parseCallArgs(), attr.offset());
                    } else {
                        node = new Expr.GetAttr(node, attr.text(), baseText, text(start));
                    }
                } else if (attr.kind() == Kind.INT) {
                    node = new Expr.GetItem(node, new Expr.Literal(attr.value(), attr.offset()), baseText,
                            text(start));
                } else {
                    throw syntax("expected an attribute name after '.' but found " + attr.describe(),
                            attr.offset());
                }
            } else if (t.isOp("[")) {
                String baseText = text(start);
                pos++;
                node = parseSubscript(node, t, baseText, start);
            } else if (t.isOp("(")) {
                throw syntax("only filters, tests, string and map methods, range(), namespace() and dict() can be"
                        + " called", t.offset());
            } else {
                return node;
            }
        }
    }

    private Expr parseSubscript(Expr node, Token bracket, String baseText, int start) {
        Expr from = null;
        Expr to = null;
        Expr step = null;
        boolean slice = false;
        if (!peek().isOp(":")) {
            from = parseExpression(true);
        }
        if (peek().isOp(":")) {
            slice = true;
            pos++;
            if (!peek().isOp("]") && !peek().isOp(":")) {
                to = parseExpression(true);
            }
            if (peek().isOp(":")) {
                pos++;
                if (!peek().isOp("]")) {
                    step = parseExpression(true);
                }
            }
        }
        expectOp("]");
        return slice ? new Expr.Slice(node, from, to, step, bracket.offset())
                : new Expr.GetItem(node, from, baseText, text(start));
    }

    private Expr parseFilterExpr(Expr node, int start) {
        while (true) {
            if (peek().isOp("|")) {
                pos++;
                node = parseFilter(node);
            } else if (peek().isName("is")) {
                pos++;
                node = parseTest(node, start);
            } else {
                return node;
            }
        }
    }

    private Expr parseFilter(Expr input) {
        Token name = next();
        if (name.kind() != Kind.NAME) {
            throw syntax("expected a filter name after '|' but found " + name.describe(), name.offset());
        }
        Builtin filter = Filters.get(name.text());
        if (filter == null) {
            throw syntax("unknown filter '" + name.text() + "'" + Names.suggest(name.text(), Filters.names()),
                    name.offset());
        }
        CallArgs args = peek().isOp("(") ? parseCallArgs() : CallArgs.NONE;
        switch (filter.name()) {
            case "map" -> checkName(args, 0, Filters.names(), "filter");
            case "select", "reject" -> checkName(args, 0, Tests.names(), "test");
            case "selectattr", "rejectattr" -> checkName(args, 1, Tests.names(), "test");
            default -> {
            }
        }
        return new Expr.Apply(input, filter, args, name.offset());
    }

    /** Checks a filter or test name given as a string literal argument (map('upper'), select('odd')). */
    private static void checkName(CallArgs args, int index, Set<String> known, String kind) {
        if (args.positional().size() > index && args.positional().get(index) instanceof Expr.Literal lit
                && lit.constant() instanceof String name && !known.contains(name)) {
            throw syntax("unknown " + kind + " '" + name + "'" + Names.suggest(name, known), lit.offset());
        }
    }

    private Expr parseTest(Expr input, int start) {
        boolean negated = false;
        if (peek().isName("not")) {
            pos++;
            negated = true;
        }
        Token name = next();
        if (name.kind() != Kind.NAME) {
            throw syntax("expected a test name after 'is' but found " + name.describe(), name.offset());
        }
        Builtin test = Tests.get(name.text());
        if (test == null) {
            throw syntax("unknown test '" + name.text() + "'" + Names.suggest(name.text(), Tests.names()),
                    name.offset());
        }
        CallArgs args = CallArgs.NONE;
        Token t = peek();
        if (t.isOp("(")) {
            args = parseCallArgs();
        } else if (t.kind() == Kind.STRING || t.kind() == Kind.INT || t.kind() == Kind.FLOAT || t.isOp("[")
                || t.isOp("{") || (t.kind() == Kind.NAME && !KEYWORDS.contains(t.text()))) {
            int argStart = t.offset();
            Expr arg = parsePostfix(parsePrimary(), argStart);
            args = new CallArgs(List.of(arg), List.of(), List.of());
        }
        return new Expr.Test(input, test, negated, args, name.offset());
    }

    private CallArgs parseCallArgs() {
        expectOp("(");
        List<Expr> positional = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<Expr> values = new ArrayList<>();
        while (!peek().isOp(")")) {
            if (peek().kind() == Kind.NAME && peek(1).isOp("=")) {
                Token name = next();
                pos++;
                if (names.contains(name.text())) {
                    throw syntax("argument '" + name.text() + "' given twice", name.offset());
                }
                names.add(name.text());
                values.add(parseExpression(true));
            } else {
                if (!names.isEmpty()) {
                    throw syntax("positional argument after keyword argument", peek().offset());
                }
                positional.add(parseExpression(true));
            }
            if (peek().isOp(",")) {
                pos++;
            } else if (!peek().isOp(")")) {
                throw syntax("expected ',' or ')' but found " + peek().describe(), peek().offset());
            }
        }
        pos++;
        return positional.isEmpty() && names.isEmpty() ? CallArgs.NONE
                : new CallArgs(List.copyOf(positional), List.copyOf(names), List.copyOf(values));
    }
}
