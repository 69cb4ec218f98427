package batou.template.internal;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Python string formatting: printf-style {@code "%s:%05d" % (a, b)} (used by the {@code %} operator and the
 * {@code format} filter) and {@code "{}:{:>5}".format(a, b)} (the string method). Floats are rounded like Python,
 * on their exact binary value with ties to even. Widths and precisions may be any number: the text they would make
 * is charged to the budget before it is built.
 */
public final class PyFormat {

    /** More significant digits than any double has (at most 767): beyond them only zeros follow. */
    private static final int DOUBLE_DIGITS = 800;

    private PyFormat() {
    }

    // ---------------------------------------------------------------- printf style

    /** {@code fmt % args}: a tuple gives several arguments, a map named ones ({@code %(name)s}). */
    public static String percent(String fmt, Object args, Budget budget) {
        List<?> positional;
        Map<?, ?> mapping = null;
        if (args instanceof Tuple t) {
            positional = t;
        } else {
            if (args instanceof Map<?, ?> m) {
                mapping = m;
            }
            positional = Collections.singletonList(args);
        }
        budget.scan(fmt.length());
        TextBuilder out = new TextBuilder(budget);
        int next = 0;
        int n = fmt.length();
        int plain = 0;
        for (int i = 0; i < n; i++) {
            if (fmt.charAt(i) != '%') {
                continue;
            }
            out.append(fmt, plain, i);
            if (++i >= n) {
                throw TemplateError.runtime("incomplete format: '%' at the end of the format string");
            }
            plain = i + 1;
            if (fmt.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            Object value = MISSING_ARG;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                if (close < 0) {
                    throw TemplateError.runtime("incomplete format key in " + Values.preview(fmt));
                }
                String key = fmt.substring(i + 1, close);
                if (mapping == null) {
                    throw TemplateError.runtime("format requires a mapping for '%(" + key + ")'");
                }
                value = Values.mapGet(mapping, key);
                if (value == Values.MISSING) {
                    throw TemplateError.runtime("format key " + Values.preview(key) + " is missing");
                }
                i = close + 1;
            }
            Spec spec = new Spec();
            boolean left = false;
            boolean zero = false;
            for (; i < n && "-+ 0#".indexOf(fmt.charAt(i)) >= 0; i++) {
                switch (fmt.charAt(i)) {
                    case '-' -> left = true;
                    case '0' -> zero = true;
                    case '+' -> spec.sign = '+';
                    case ' ' -> spec.sign = spec.sign == '+' ? '+' : ' ';
                    default -> spec.alternate = true;
                }
            }
            int start = i;
            i = digits(fmt, i);
            if (i > start) {
                spec.width = number(fmt, start, i);
            }
            if (i < n && fmt.charAt(i) == '.') {
                start = ++i;
                i = digits(fmt, i);
                spec.precision = number(fmt, start, i);
            }
            while (i < n && "hlL".indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                throw TemplateError.runtime("incomplete format in " + Values.preview(fmt));
            }
            plain = i + 1;
            char type = fmt.charAt(i);
            if (value == MISSING_ARG) {
                if (next >= positional.size()) {
                    throw TemplateError.runtime("not enough arguments for format string " + Values.preview(fmt));
                }
                value = positional.get(next++);
            }
            spec.align = left ? '<' : '>';
            if (zero && !left && type != 's' && type != 'r') {
                spec.fill = '0';
                spec.align = '=';
            }
            spec.type = type == 'i' || type == 'u' ? 'd' : type;
            if (type == 'r') {
                spec.type = 's';
                value = Values.repr(value, budget);
            }
            apply(out, value, spec, true);
        }
        out.append(fmt, plain, n);
        if (mapping == null && next < positional.size()) {
            throw TemplateError.runtime("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static final Object MISSING_ARG = new Object();

    // ---------------------------------------------------------------- str.format

    /** {@code fmt.format(*args, **kwargs)} with {@code {}}, {@code {0}}, {@code {name}}, {@code {name.attr}}. */
    public static String format(String fmt, List<?> args, Map<String, ?> kwargs, Budget budget) {
        budget.scan(fmt.length());
        TextBuilder out = new TextBuilder(budget);
        int auto = 0;
        int n = fmt.length();
        int plain = 0;
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '{' && c != '}') {
                continue;
            }
            out.append(fmt, plain, i);
            plain = i + 1;
            if (c == '}') {
                if (i + 1 < n && fmt.charAt(i + 1) == '}') {
                    plain = ++i + 1;
                    out.append('}');
                    continue;
                }
                throw TemplateError.runtime("single '}' encountered in format string (write '}}')");
            }
            if (i + 1 < n && fmt.charAt(i + 1) == '{') {
                plain = ++i + 1;
                out.append('{');
                continue;
            }
            int close = fmt.indexOf('}', i);
            if (close < 0) {
                throw TemplateError.runtime("single '{' encountered in format string (write '{{')");
            }
            String field = fmt.substring(i + 1, close);
            i = close;
            plain = i + 1;
            String specText = "";
            int colon = field.indexOf(':');
            if (colon >= 0) {
                specText = field.substring(colon + 1);
                field = field.substring(0, colon);
            }
            char conversion = 0;
            int bang = field.indexOf('!');
            if (bang >= 0) {
                conversion = bang + 1 < field.length() ? field.charAt(bang + 1) : 's';
                field = field.substring(0, bang);
            }
            String[] path = field.split("\\.", -1);
            Object value;
            if (path[0].isEmpty()) {
                value = positional(args, auto++);
            } else if (path[0].chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                value = positional(args, number(path[0], 0, path[0].length()));
            } else {
                value = kwargs.containsKey(path[0]) ? kwargs.get(path[0]) : Values.MISSING;
                if (value == Values.MISSING) {
                    throw TemplateError.runtime("format field " + Values.preview(path[0]) + " has no value (pass "
                            + path[0] + "=...)");
                }
            }
            for (int p = 1; p < path.length; p++) {
                Object next = Values.attribute(value, path[p]);
                if (next == Values.MISSING) {
                    throw TemplateError.runtime("format field " + Values.preview(field) + ": no attribute "
                            + Values.preview(path[p]));
                }
                value = next;
            }
            if (conversion == 'r') {
                value = Values.repr(value, budget);
            } else if (conversion == 's') {
                value = Values.str(value, budget);
            }
            apply(out, value, parseSpec(specText), false);
        }
        out.append(fmt, plain, n);
        return out.toString();
    }

    private static Object positional(List<?> args, long index) {
        if (index >= args.size()) {
            throw TemplateError.runtime("format string needs argument " + index + " but only " + args.size()
                    + " given");
        }
        return args.get((int) index);
    }

    private static Spec parseSpec(String s) {
        Spec spec = new Spec();
        int i = 0;
        int n = s.length();
        if (n >= 2 && "<>=^".indexOf(s.charAt(1)) >= 0) {
            spec.fill = s.charAt(0);
            spec.align = s.charAt(1);
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(s.charAt(0)) >= 0) {
            spec.align = s.charAt(0);
            i = 1;
        }
        if (i < n && "+- ".indexOf(s.charAt(i)) >= 0) {
            spec.sign = s.charAt(i++);
        }
        if (i < n && s.charAt(i) == '#') {
            spec.alternate = true;
            i++;
        }
        if (i < n && s.charAt(i) == '0') {
            if (spec.align == 0) {
                spec.fill = '0';
                spec.align = '=';
            }
            i++;
        }
        int start = i;
        i = digits(s, i);
        if (i > start) {
            spec.width = number(s, start, i);
        }
        if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            spec.grouping = s.charAt(i++);
        }
        if (i < n && s.charAt(i) == '.') {
            start = ++i;
            i = digits(s, i);
            spec.precision = number(s, start, i);
        }
        if (i < n) {
            spec.type = s.charAt(i++);
        }
        if (i != n) {
            throw TemplateError.runtime("invalid format specifier " + Values.preview(s));
        }
        return spec;
    }

    /** The end of the run of ASCII digits at {@code i}. */
    private static int digits(String s, int i) {
        while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
            i++;
        }
        return i;
    }

    /** The number written by the digits between {@code start} and {@code end}; 0 for none, huge ones saturate. */
    private static long number(String s, int start, int end) {
        long value = 0;
        for (int i = start; i < end; i++) {
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (s.charAt(i) - '0');
        }
        return value;
    }

    // ---------------------------------------------------------------- shared

    private static final class Spec {
        char fill = ' ';
        char align;
        char sign = '-';
        boolean alternate;
        long width = -1;
        char grouping;
        long precision = -1;
        char type;
    }

    /** Appends one formatted value, padded to its width. */
    private static void apply(TextBuilder out, Object value, Spec spec, boolean printf) {
        Budget budget = out.budget();
        if (value instanceof Boolean b && spec.type != 0 && spec.type != 's') {
            value = b ? 1L : 0L;
        }
        String body;
        boolean negative = false;
        boolean numeric = value instanceof Number;
        char type = spec.type;
        if (type == 0) {
            type = value instanceof Number ? (Values.isInt(value) ? 'd' : spec.precision >= 0 ? 'g' : 'r') : 's';
        }
        switch (type) {
            case 's' -> {
                body = Values.str(value, budget);
                if (spec.precision >= 0 && body.length() > spec.precision) {
                    body = body.substring(0, (int) spec.precision);
                }
                numeric = false;
            }
            case 'c' -> {
                body = value instanceof String s ? s : character(Values.toLong(number(value, type)));
                numeric = false;
            }
            case 'd', 'x', 'X', 'o', 'b' -> {
                Number num = number(value, type);
                if (!Values.isInt(num) && !printf) {
                    throw TemplateError.runtime("format code '" + type + "' needs an integer, not 'float'");
                }
                long l = num.longValue();
                negative = l < 0;
                int radix = switch (type) {
                    case 'x', 'X' -> 16;
                    case 'o' -> 8;
                    case 'b' -> 2;
                    default -> 10;
                };
                body = Long.toString(Math.abs(l), radix);
                if (l == Long.MIN_VALUE) {
                    body = Long.toString(l, radix).substring(1);
                }
                if (type == 'X') {
                    body = body.toUpperCase();
                }
                if (spec.grouping != 0 && radix == 10) {
                    body = group(body, spec.grouping);
                }
                if (spec.alternate && radix != 10) {
                    body = "0" + (type == 'o' ? "o" : type == 'b' ? "b" : String.valueOf(type)) + body;
                }
            }
            case 'f', 'F', 'e', 'E', 'g', 'G', '%', 'r' -> {
                double d = Values.toDouble(number(value, type));
                negative = d < 0 || (d == 0 && 1 / d < 0);
                double abs = Math.abs(d);
                long p = spec.precision < 0 ? 6 : spec.precision;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    body = Double.isNaN(d) ? "nan" : "inf";
                    if (Character.isUpperCase(type)) {
                        body = body.toUpperCase();
                    }
                    negative = d < 0;
                } else {
                    body = switch (type) {
                        case 'f', 'F' -> fixed(abs, p, budget);
                        case '%' -> fixed(abs * 100, p, budget) + "%";
                        case 'e', 'E' -> scientific(abs, p, type == 'E', budget);
                        case 'r' -> Values.floatRepr(abs);
                        default -> general(abs, p, type == 'G', spec.alternate, budget);
                    };
                    if (spec.grouping != 0) {
                        int dot = body.indexOf('.');
                        String intPart = dot < 0 ? body : body.substring(0, dot);
                        if (intPart.chars().allMatch(Character::isDigit)) {
                            body = group(intPart, spec.grouping) + (dot < 0 ? "" : body.substring(dot));
                        }
                    }
                }
            }
            default -> throw TemplateError.runtime("unsupported format character " + Values.preview(
                    String.valueOf(type)));
        }
        String sign = "";
        if (numeric) {
            sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
        }
        long pad = spec.width - sign.length() - body.length();
        if (pad <= 0) {
            out.append(sign).append(body);
            return;
        }
        String fill = String.valueOf(spec.fill);
        char align = spec.align != 0 ? spec.align : numeric ? '>' : '<';
        switch (align) {
            case '<' -> out.append(sign).append(body).repeat(fill, pad);
            case '=' -> out.append(sign).repeat(fill, pad).append(body);
            case '^' -> out.repeat(fill, pad / 2).append(sign).append(body).repeat(fill, pad - pad / 2);
            default -> out.repeat(fill, pad).append(sign).append(body);
        }
    }

    private static Number number(Object value, char type) {
        if (value instanceof Number n) {
            return n;
        }
        throw TemplateError.runtime("format code '" + type + "' needs a number, not '" + Values.typeName(value)
                + "'");
    }

    /** {@code %c} of a number: the character with that code point. */
    private static String character(long codePoint) {
        if (codePoint < 0 || codePoint > Character.MAX_CODE_POINT) {
            throw TemplateError.runtime("format code 'c' needs a character or a code point from 0 to 1114111, not "
                    + codePoint);
        }
        return new String(Character.toChars((int) codePoint));
    }

    private static String group(String digits, char separator) {
        StringBuilder sb = new StringBuilder();
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % 3 == 0) {
                sb.append(separator);
            }
            sb.append(digits.charAt(i));
        }
        return sb.toString();
    }

    /** A non-negative double with p decimals, rounded like Python; zeros beyond its exact value are padded. */
    static String fixed(double d, long p, Budget budget) {
        BigDecimal exact = new BigDecimal(d);
        if (p <= exact.scale()) {
            return exact.setScale((int) p, RoundingMode.HALF_EVEN).toPlainString();
        }
        String plain = exact.toPlainString();
        TextBuilder text = new TextBuilder(budget, plain.length() + 1);
        text.append(plain);
        if (exact.scale() == 0) {
            text.append('.');
        }
        return text.repeat("0", p - exact.scale()).toString();
    }

    private static String scientific(double d, long p, boolean upper, Budget budget) {
        String digits = "0";
        int exponent = 0;
        if (d != 0) {
            BigDecimal bd = new BigDecimal(d);
            if (p + 1 < bd.precision()) {
                bd = bd.round(new MathContext((int) p + 1, RoundingMode.HALF_EVEN));
            }
            digits = bd.unscaledValue().toString();
            exponent = digits.length() - 1 - bd.scale();
        }
        TextBuilder text = new TextBuilder(budget);
        text.append(digits.charAt(0));
        if (p > 0) {
            String rest = digits.substring(1, (int) Math.min(digits.length(), p + 1));
            text.append('.').append(rest).repeat("0", p - rest.length());
        }
        text.append(upper ? 'E' : 'e').append(exponent < 0 ? '-' : '+');
        if (Math.abs(exponent) < 10) {
            text.append('0');
        }
        return text.append(Math.abs(exponent)).toString();
    }

    private static String general(double d, long p, boolean upper, boolean alternate, Budget budget) {
        if (p == 0) {
            p = 1;
        }
        if (!alternate) {
            p = Math.min(p, DOUBLE_DIGITS);
        }
        int exponent;
        if (d == 0) {
            exponent = 0;
        } else {
            BigDecimal bd = new BigDecimal(d).round(new MathContext((int) Math.min(p, DOUBLE_DIGITS),
                    RoundingMode.HALF_EVEN));
            exponent = bd.unscaledValue().toString().length() - 1 - bd.scale();
        }
        if (exponent >= -4 && exponent < p) {
            String s = fixed(d, p - 1 - exponent, budget);
            return alternate ? s : withoutTrailingZeros(s);
        }
        String s = scientific(d, p - 1, upper, budget);
        if (alternate) {
            return s;
        }
        int e = s.indexOf(upper ? 'E' : 'e');
        return withoutTrailingZeros(s.substring(0, e)) + s.substring(e);
    }

    /** A decimal number without the zeros at the end of its fraction, and without a bare point. */
    private static String withoutTrailingZeros(String s) {
        if (s.indexOf('.') < 0) {
            return s;
        }
        int end = s.length();
        while (s.charAt(end - 1) == '0') {
            end--;
        }
        return s.substring(0, s.charAt(end - 1) == '.' ? end - 1 : end);
    }
}
