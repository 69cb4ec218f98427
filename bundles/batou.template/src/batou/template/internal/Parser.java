package batou.template.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import batou.template.internal.Expr.CallArgs;
import batou.template.internal.Token.Kind;

/**
 * A recursive-descent parser with Jinja2's grammar and operator precedence (lowest first): conditional
 * {@code a if b else c}; {@code or}; {@code and}; {@code not}; comparisons and {@code in}/{@code not in};
 * {@code + -}; {@code ~}; {@code * / // %}; {@code **}; unary {@code - +}; postfix {@code .attr [item] (call)};
 * filters {@code |f} and tests {@code is t}. As in Jinja2, filters and tests bind tighter than any binary operator,
 * {@code ~} binds tighter than {@code + -}, and {@code -2 ** 2} is {@code (-2) ** 2}.
 * <p>
 * Nesting is bounded, so that neither parsing nor rendering can overflow the stack: every block, bracket, call,
 * subscript, unary operator and {@code else} branch the parser descends into counts one level, and a chain of
 * attributes, filters, tests or conditionals may not make an expression deeper than the levels left. Chains of one
 * binary operator ({@code a + b + c}, {@code a and b and c}) and of {@code elif} become one node, not a deep tree.
 */
public final class Parser {

    private static final Set<String> COMPARE_OPS = Set.of("==", "!=", "<", ">", "<=", ">=");
    private static final Set<String> ADD_OPS = Set.of("+", "-");
    private static final Set<String> MULTIPLY_OPS = Set.of("*", "/", "//", "%");
    private static final Set<String> POWER_OPS = Set.of("**");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else");
    private static final Set<String> UNSUPPORTED = Set.of("macro", "endmacro", "call", "endcall", "include",
            "extends", "block", "endblock", "import", "from", "filter", "endfilter", "with", "endwith", "autoescape",
            "endautoescape", "do", "break", "continue", "trans", "endtrans");
    private static final List<String> TAGS = List.of("if", "elif", "else", "endif", "for", "endfor", "set",
            "endset", "raw", "endraw");

    private record Open(String tag, int offset) {
    }

    /** Source text quoted in messages and undefined names is cut after this many characters. */
    private static final int MAX_TEXT = 200;

    private final String src;
    private final SourceMap map;
    private final List<Token> tokens;
    private final Deque<Open> open = new ArrayDeque<>();
    private final int maxDepth;
    private int depth;
    private int pos;

    private Parser(String src, SourceMap map, int maxDepth) {
        this.src = src;
        this.map = map;
        this.maxDepth = maxDepth;
        this.tokens = Lexer.tokenize(src, map);
    }

    /**
     * Parses a template source into its top-level nodes; raises syntax errors.
     *
     * @param maxDepth the deepest nesting allowed
     */
    public static List<Node> parse(String src, SourceMap map, int maxDepth) {
        Parser p = new Parser(src, map, maxDepth);
        List<Node> body = p.parseBody(Set.of());
        return List.copyOf(body);
    }

    // ---------------------------------------------------------------- nesting

    /** Descends one level, at the token that opens it. */
    private void enter(int offset) {
        if (++depth > maxDepth) {
            throw tooDeep(offset);
        }
    }

    private void leave() {
        depth--;
    }

    /** An expression built by a chain: it may not be deeper than the levels left. */
    private Expr chained(Expr e, int offset) {
        if (depth + e.depth() > maxDepth) {
            throw tooDeep(offset);
        }
        return e;
    }

    private TemplateError tooDeep(int offset) {
        return syntax("nested too deeply: more than " + maxDepth + " levels of blocks, brackets, operators,"
                + " attributes or filters (split the expression, e.g. with {% set %})", offset);
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

    /** The source text from an offset to the end of the last consumed token, cut if it is long. */
    private String text(int start) {
        Token last = tokens.get(pos - 1);
        int end = last.offset() + last.text().length();
        return end - start <= MAX_TEXT ? src.substring(start, end).strip()
                : src.substring(start, start + MAX_TEXT).strip() + "...";
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
                    body.add(new Node.Text(t.text(), t.offset()));
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
                enter(begin.offset());
                open.push(new Open("if", begin.offset()));
                Node n = parseIf(begin);
                open.pop();
                leave();
                return n;
            }
            case "for" -> {
                enter(begin.offset());
                Node n = parseFor(begin);
                leave();
                return n;
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
        List<Expr> tests = new ArrayList<>();
        List<List<Node>> bodies = new ArrayList<>();
        Token tag = begin;
        String keyword;
        do {
            tests.add(parseExpression(false));
            expectTagEnd(Kind.BLOCK_END, tag);
            bodies.add(parseBody(Set.of("elif", "else", "endif")));
            tag = next();
            keyword = next().text();
        } while (keyword.equals("elif"));
        List<Node> otherwise = List.of();
        if (keyword.equals("else")) {
            expectTagEnd(Kind.BLOCK_END, tag);
            otherwise = parseBody(Set.of("endif"));
            tag = next();
            next();
        }
        expectTagEnd(Kind.BLOCK_END, tag);
        return new Node.If(tests, bodies, otherwise, begin.offset());
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
        return new Node.For(targets, targetOffset, iter, iterText, filter, body, otherwise, begin.offset());
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
        enter(begin.offset());
        open.push(new Open("set", begin.offset()));
        List<Node> body = parseBody(Set.of("endset"));
        Token tag = next();
        next();
        expectTagEnd(Kind.BLOCK_END, tag);
        open.pop();
        leave();
        return new Node.SetBlock(first, body, begin.offset());
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
            Token t = next();
            Expr test = parseOr();
            Expr otherwise = null;
            if (peek().isName("else")) {
                enter(next().offset());
                otherwise = parseConditional();
                leave();
            }
            e = chained(new Expr.Conditional(test, e, otherwise), t.offset());
        }
        return e;
    }

    private Expr parseOr() {
        Expr first = parseAnd();
        if (!peek().isName("or")) {
            return first;
        }
        List<Expr> operands = new ArrayList<>(List.of(first));
        while (peek().isName("or")) {
            pos++;
            operands.add(parseAnd());
        }
        return new Expr.Logical(false, operands);
    }

    private Expr parseAnd() {
        Expr first = parseNot();
        if (!peek().isName("and")) {
            return first;
        }
        List<Expr> operands = new ArrayList<>(List.of(first));
        while (peek().isName("and")) {
            pos++;
            operands.add(parseNot());
        }
        return new Expr.Logical(true, operands);
    }

    private Expr parseNot() {
        if (peek().isName("not")) {
            Token t = next();
            enter(t.offset());
            Expr operand = parseNot();
            leave();
            return new Expr.Not(operand, t.offset());
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
        return parseArithmetic(this::parseConcat, ADD_OPS);
    }

    /** A left-to-right chain of operands and the given operators, as one node. */
    private Expr parseArithmetic(Supplier<Expr> operand, Set<String> operators) {
        Expr first = operand.get();
        List<Expr> operands = null;
        List<String> ops = null;
        List<Integer> offsets = null;
        while (peek().kind() == Kind.OP && operators.contains(peek().text())) {
            Token op = next();
            if (operands == null) {
                operands = new ArrayList<>(List.of(first));
                ops = new ArrayList<>();
                offsets = new ArrayList<>();
            }
            ops.add(op.text());
            offsets.add(op.offset());
            operands.add(operand.get());
        }
        return operands == null ? first : new Expr.Arithmetic(operands, ops, offsets);
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
        return parseArithmetic(this::parsePow, MULTIPLY_OPS);
    }

    private Expr parsePow() {
        return parseArithmetic(() -> parseUnary(true), POWER_OPS);
    }

    private Expr parseUnary(boolean withFilter) {
        Token t = peek();
        int start = t.offset();
        Expr node;
        if (t.isOp("-") || t.isOp("+")) {
            pos++;
            enter(t.offset());
            Expr operand = parseUnary(false);
            leave();
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
                if (peek().kind() != Kind.STRING) {
                    return new Expr.Literal(t.value(), t.offset());
                }
                StringBuilder value = new StringBuilder((String) t.value());
                while (peek().kind() == Kind.STRING) {
                    value.append((String) next().value());
                }
                return new Expr.Literal(value.toString(), t.offset());
            }
            case INT, FLOAT -> {
                return new Expr.Literal(t.value(), t.offset());
            }
            case OP -> {
                if (t.isOp("(") || t.isOp("[") || t.isOp("{")) {
                    enter(t.offset());
                    Expr e = parseBracketed(t);
                    leave();
                    return e;
                }
            }
            default -> {
            }
        }
        throw syntax("expected an expression but found " + t.describe(), t.offset());
    }

    /** A parenthesized expression, tuple, list or dict, after its opening bracket. */
    private Expr parseBracketed(Token t) {
        if (t.isOp("(")) {
            if (peek().isOp(")")) {
                pos++;
                return new Expr.Sequence(List.of(), true, t.offset());
            }
            Expr e = parseTuple(true);
            expectOp(")");
            return e;
        }
        if (t.isOp("[")) {
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
                enter(t.offset());
                node = parseSubscript(node, t, baseText, start);
                leave();
            } else if (t.isOp("(")) {
                throw syntax("only filters, tests, string and map methods, range(), namespace() and dict() can be"
                        + " called", t.offset());
            } else {
                return node;
            }
            node = chained(node, t.offset());
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
            Token t = peek();
            if (t.isOp("|")) {
                pos++;
                node = parseFilter(node);
            } else if (t.isName("is")) {
                pos++;
                node = parseTest(node, start);
            } else {
                return node;
            }
            chained(node, t.offset());
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
        enter(peek().offset());
        expectOp("(");
        List<Expr> positional = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<Expr> values = new ArrayList<>();
        while (!peek().isOp(")")) {
            if (peek().kind() == Kind.NAME && peek(1).isOp("=")) {
                Token name = next();
                pos++;
                if (!seen.add(name.text())) {
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
        leave();
        return positional.isEmpty() && names.isEmpty() ? CallArgs.NONE
                : new CallArgs(List.copyOf(positional), List.copyOf(names), List.copyOf(values));
    }
}
