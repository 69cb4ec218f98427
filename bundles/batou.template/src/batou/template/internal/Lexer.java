package batou.template.internal;

import java.util.ArrayList;
import java.util.List;

import batou.template.internal.Token.Kind;

/**
 * Splits a template into tokens. Text outside tags becomes {@link Kind#DATA} (with whitespace control applied),
 * comments are dropped, {@code raw} blocks become DATA, and the inside of {@code {{ }}} and {@code {% %}} is split
 * into names, literals and operators. Like Jinja, a closing {@code }}} or {@code %}} only ends a tag outside
 * brackets, so {@code {{ {'a': {'b': 1}} }}} works.
 */
public final class Lexer {

    private static final String ONE_CHAR_OPS = "+-*/%~<>=()[]{}.,:|";

    private final String src;
    private final SourceMap map;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private boolean lstripNext;

    private Lexer(String src, SourceMap map) {
        this.src = src;
        this.map = map;
    }

    /** The tokens of a template source, ending with {@link Kind#EOF}. */
    public static List<Token> tokenize(String src, SourceMap map) {
        Lexer lexer = new Lexer(src, map);
        lexer.run();
        return lexer.tokens;
    }

    /** Whether a source contains any tag or comment start ({@code {{}, {@code {%}, {@code {#}). */
    public static boolean hasTags(String src) {
        return findTag(src, 0) >= 0;
    }

    private void run() {
        int n = src.length();
        while (true) {
            int tag = findTag(src, pos);
            if (tag < 0) {
                data(pos, n);
                break;
            }
            char kind = src.charAt(tag + 1);
            int inner = tag + 2;
            int dataEnd = tag;
            if (inner < n && (src.charAt(inner) == '-' || src.charAt(inner) == '+')) {
                if (src.charAt(inner) == '-') {
                    while (dataEnd > pos && Character.isWhitespace(src.charAt(dataEnd - 1))) {
                        dataEnd--;
                    }
                }
                inner++;
            }
            data(pos, dataEnd);
            if (kind == '#') {
                comment(tag, inner);
            } else if (kind == '%' && raw(tag, inner)) {
                continue;
            } else {
                tag(tag, inner, kind == '{');
            }
        }
        tokens.add(new Token(Kind.EOF, "", null, n));
    }

    private static int findTag(String src, int from) {
        int i = src.indexOf('{', from);
        while (i >= 0 && i + 1 < src.length()) {
            char c = src.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
            i = src.indexOf('{', i + 1);
        }
        return -1;
    }

    private void data(int from, int to) {
        if (lstripNext) {
            while (from < to && Character.isWhitespace(src.charAt(from))) {
                from++;
            }
            lstripNext = false;
        }
        if (from < to) {
            tokens.add(new Token(Kind.DATA, src.substring(from, to), null, from));
        }
    }

    private void comment(int start, int inner) {
        int end = src.indexOf("#}", inner);
        if (end < 0) {
            throw TemplateError.syntax("unexpected end of template: comment opened at " + map.position(start)
                    + " is not closed (add #})", src.length());
        }
        lstripNext = end - 1 >= inner && src.charAt(end - 1) == '-';
        pos = end + 2;
    }

    /** Handles {@code {% raw %}...{% endraw %}}; returns false if the tag is not {@code raw}. */
    private boolean raw(int start, int inner) {
        int p = skipSpace(inner);
        if (!src.startsWith("raw", p)) {
            return false;
        }
        p = skipSpace(p + 3);
        boolean strip = false;
        if (p < src.length() && (src.charAt(p) == '-' || src.charAt(p) == '+')) {
            strip = src.charAt(p) == '-';
            p++;
        }
        if (!src.startsWith("%}", p)) {
            return false;
        }
        int bodyStart = p + 2;
        int search = bodyStart;
        while (true) {
            int open = src.indexOf("{%", search);
            if (open < 0) {
                throw TemplateError.syntax("unexpected end of template: 'raw' opened at " + map.position(start)
                        + " is not closed (add {% endraw %})", src.length());
            }
            int q = open + 2;
            boolean stripBefore = false;
            if (q < src.length() && (src.charAt(q) == '-' || src.charAt(q) == '+')) {
                stripBefore = src.charAt(q) == '-';
                q++;
            }
            q = skipSpace(q);
            if (src.startsWith("endraw", q)) {
                q = skipSpace(q + 6);
                boolean stripAfter = false;
                if (q < src.length() && (src.charAt(q) == '-' || src.charAt(q) == '+')) {
                    stripAfter = src.charAt(q) == '-';
                    q++;
                }
                if (src.startsWith("%}", q)) {
                    int from = bodyStart;
                    int to = open;
                    if (strip) {
                        while (from < to && Character.isWhitespace(src.charAt(from))) {
                            from++;
                        }
                    }
                    if (stripBefore) {
                        while (to > from && Character.isWhitespace(src.charAt(to - 1))) {
                            to--;
                        }
                    }
                    if (from < to) {
                        tokens.add(new Token(Kind.DATA, src.substring(from, to), null, from));
                    }
                    lstripNext = stripAfter;
                    pos = q + 2;
                    return true;
                }
            }
            search = open + 2;
        }
    }

    private int skipSpace(int p) {
        while (p < src.length() && Character.isWhitespace(src.charAt(p))) {
            p++;
        }
        return p;
    }

    private void tag(int start, int p, boolean variable) {
        tokens.add(new Token(variable ? Kind.VAR_BEGIN : Kind.BLOCK_BEGIN, variable ? "{{" : "{%", null, start));
        char endChar = variable ? '}' : '%';
        Kind endKind = variable ? Kind.VAR_END : Kind.BLOCK_END;
        String endText = variable ? "}}" : "%}";
        int depth = 0;
        int n = src.length();
        while (true) {
            p = skipSpace(p);
            if (p >= n) {
                pos = n;
                return;
            }
            char c = src.charAt(p);
            char d = p + 1 < n ? src.charAt(p + 1) : 0;
            if (depth == 0) {
                if ((c == '-' || c == '+') && d == endChar && p + 2 < n && src.charAt(p + 2) == '}') {
                    tokens.add(new Token(endKind, endText, null, p));
                    lstripNext = c == '-';
                    pos = p + 3;
                    return;
                }
                if (c == endChar && d == '}') {
                    tokens.add(new Token(endKind, endText, null, p));
                    pos = p + 2;
                    return;
                }
            }
            if (Character.isLetter(c) || c == '_') {
                int s = p;
                while (p < n && (Character.isLetterOrDigit(src.charAt(p)) || src.charAt(p) == '_')) {
                    p++;
                }
                tokens.add(new Token(Kind.NAME, src.substring(s, p), null, s));
            } else if (c >= '0' && c <= '9') {
                p = number(p);
            } else if (c == '\'' || c == '"') {
                p = string(p);
            } else {
                String op = operator(c, d);
                if (op == null) {
                    throw TemplateError.syntax("unexpected character " + Values.preview(String.valueOf(c)), p);
                }
                if (c == '(' || c == '[' || c == '{') {
                    depth++;
                } else if ((c == ')' || c == ']' || c == '}') && depth > 0) {
                    depth--;
                }
                tokens.add(new Token(Kind.OP, op, null, p));
                p += op.length();
            }
        }
    }

    private static String operator(char c, char next) {
        switch (c) {
            case '*' -> {
                return next == '*' ? "**" : "*";
            }
            case '/' -> {
                return next == '/' ? "//" : "/";
            }
            case '=', '!', '<', '>' -> {
                if (next == '=') {
                    return c + "=";
                }
                return c == '!' ? null : ONE_CHAR[c];
            }
            default -> {
                return c < ONE_CHAR.length ? ONE_CHAR[c] : null;
            }
        }
    }

    private static final String[] ONE_CHAR = new String[128];

    static {
        for (char c : ONE_CHAR_OPS.toCharArray()) {
            ONE_CHAR[c] = String.valueOf(c);
        }
    }

    private int number(int start) {
        int n = src.length();
        int p = start;
        boolean afterDot = !tokens.isEmpty() && tokens.get(tokens.size() - 1).isOp(".");
        if (!afterDot && src.charAt(p) == '0' && p + 1 < n && "xXoObB".indexOf(src.charAt(p + 1)) >= 0) {
            int radix = switch (Character.toLowerCase(src.charAt(p + 1))) {
                case 'x' -> 16;
                case 'o' -> 8;
                default -> 2;
            };
            p += 2;
            while (p < n && (Character.digit(src.charAt(p), radix) >= 0 || src.charAt(p) == '_')) {
                p++;
            }
            return integer(start, src.substring(start + 2, p), radix, p);
        }
        p = digits(p);
        boolean isFloat = false;
        if (!afterDot && p + 1 < n && src.charAt(p) == '.' && Character.isDigit(src.charAt(p + 1))) {
            isFloat = true;
            p = digits(p + 1);
        }
        if (!afterDot && p < n && (src.charAt(p) == 'e' || src.charAt(p) == 'E')) {
            int q = p + 1;
            if (q < n && (src.charAt(q) == '+' || src.charAt(q) == '-')) {
                q++;
            }
            if (q < n && Character.isDigit(src.charAt(q))) {
                isFloat = true;
                p = digits(q);
            }
        }
        String text = src.substring(start, p);
        if (isFloat) {
            tokens.add(new Token(Kind.FLOAT, text, Double.parseDouble(text.replace("_", "")), start));
            return p;
        }
        return integer(start, text, 10, p);
    }

    private int integer(int start, String digits, int radix, int end) {
        try {
            long value = Long.parseLong(digits.replace("_", ""), radix);
            tokens.add(new Token(Kind.INT, src.substring(start, end), value, start));
        } catch (NumberFormatException e) {
            throw TemplateError.syntax("invalid integer " + Values.preview(src.substring(start, end)), start);
        }
        return end;
    }

    private int digits(int p) {
        while (p < src.length() && (Character.isDigit(src.charAt(p)) || src.charAt(p) == '_')) {
            p++;
        }
        return p;
    }

    private int string(int start) {
        char quote = src.charAt(start);
        StringBuilder sb = new StringBuilder();
        int p = start + 1;
        int n = src.length();
        while (p < n) {
            char c = src.charAt(p);
            if (c == quote) {
                tokens.add(new Token(Kind.STRING, src.substring(start, p + 1), sb.toString(), start));
                return p + 1;
            }
            if (c == '\\' && p + 1 < n) {
                p = escape(p + 1, sb);
                continue;
            }
            sb.append(c);
            p++;
        }
        throw TemplateError.syntax("unterminated string (add the closing " + quote + ")", start);
    }

    private int escape(int p, StringBuilder sb) {
        char c = src.charAt(p);
        switch (c) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case '0' -> sb.append('\0');
            case 'a' -> sb.append('\u0007');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'v' -> sb.append('\u000b');
            case '\\', '\'', '"' -> sb.append(c);
            case '\n' -> { }
            case 'x', 'u', 'U' -> {
                int len = c == 'x' ? 2 : c == 'u' ? 4 : 8;
                if (p + 1 + len > src.length()) {
                    throw TemplateError.syntax("truncated \\" + c + " escape in string", p - 1);
                }
                try {
                    sb.appendCodePoint(Integer.parseInt(src.substring(p + 1, p + 1 + len), 16));
                } catch (IllegalArgumentException e) {
                    throw TemplateError.syntax("invalid \\" + c + " escape in string", p - 1);
                }
                return p + 1 + len;
            }
            default -> sb.append('\\').append(c);
        }
        return p + 1;
    }

}
