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
 * on their exact binary value with ties to even.
 */
public final class PyFormat {

    private PyFormat() {
    }

    // ---------------------------------------------------------------- printf style

    /** {@code fmt % args}: a tuple gives several arguments, a map named ones ({@code %(name)s}). */
    public static String percent(String fmt, Object args) {
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
        StringBuilder out = new StringBuilder();
        int next = 0;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= n) {
                throw TemplateError.runtime("incomplete format: '%' at the end of the format string");
            }
            if (fmt.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            Object value = MISSING_ARG;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                if (close < 0) {
                    throw TemplateError.runtime("incomplete format key in '" + fmt + "'");
                }
                if (mapping == null) {
                    throw TemplateError.runtime("format requires a mapping for '%(" + fmt.substring(i + 1, close)
                            + ")'");
                }
                value = Values.mapGet(mapping, fmt.substring(i + 1, close));
                if (value == Values.MISSING) {
                    throw TemplateError.runtime("format key '" + fmt.substring(i + 1, close) + "' is missing");
                }
                i = close + 1;
            }
            String flags = "";
            while (i < n && "-+ 0#".indexOf(fmt.charAt(i)) >= 0) {
                flags += fmt.charAt(i++);
            }
            int width = -1;
            int start = i;
            while (i < n && Character.isDigit(fmt.charAt(i))) {
                i++;
            }
            if (i > start) {
                width = Integer.parseInt(fmt.substring(start, i));
            }
            int precision = -1;
            if (i < n && fmt.charAt(i) == '.') {
                start = ++i;
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                precision = i > start ? Integer.parseInt(fmt.substring(start, i)) : 0;
            }
            while (i < n && "hlL".indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                throw TemplateError.runtime("incomplete format in '" + fmt + "'");
            }
            char type = fmt.charAt(i);
            if (value == MISSING_ARG) {
                if (next >= positional.size()) {
                    throw TemplateError.runtime("not enough arguments for format string '" + fmt + "'");
                }
                value = positional.get(next++);
            }
            Spec spec = new Spec();
            spec.align = flags.indexOf('-') >= 0 ? '<' : '>';
            if (flags.indexOf('0') >= 0 && flags.indexOf('-') < 0 && type != 's' && type != 'r') {
                spec.fill = '0';
                spec.align = '=';
            }
            spec.sign = flags.indexOf('+') >= 0 ? '+' : flags.indexOf(' ') >= 0 ? ' ' : '-';
            spec.alternate = flags.indexOf('#') >= 0;
            spec.width = width;
            spec.precision = precision;
            spec.type = switch (type) {
                case 'i', 'u' -> 'd';
                default -> type;
            };
            if (type == 'r') {
                spec.type = 's';
                value = Values.repr(value);
            }
            out.append(apply(value, spec, true));
        }
        if (mapping == null && next < positional.size()) {
            throw TemplateError.runtime("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static final Object MISSING_ARG = new Object();

    // ---------------------------------------------------------------- str.format

    /** {@code fmt.format(*args, **kwargs)} with {@code {}}, {@code {0}}, {@code {name}}, {@code {name.attr}}. */
    public static String format(String fmt, List<?> args, Map<String, ?> kwargs) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c == '}') {
                if (i + 1 < n && fmt.charAt(i + 1) == '}') {
                    i++;
                    out.append('}');
                    continue;
                }
                throw TemplateError.runtime("single '}' encountered in format string (write '}}')");
            }
            if (c != '{') {
                out.append(c);
                continue;
            }
            if (i + 1 < n && fmt.charAt(i + 1) == '{') {
                i++;
                out.append('{');
                continue;
            }
            int close = fmt.indexOf('}', i);
            if (close < 0) {
                throw TemplateError.runtime("single '{' encountered in format string (write '{{')");
            }
            String field = fmt.substring(i + 1, close);
            i = close;
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
            } else if (path[0].chars().allMatch(Character::isDigit)) {
                value = positional(args, Integer.parseInt(path[0]));
            } else {
                value = kwargs.containsKey(path[0]) ? kwargs.get(path[0]) : Values.MISSING;
                if (value == Values.MISSING) {
                    throw TemplateError.runtime("format field '" + path[0] + "' has no value (pass " + path[0]
                            + "=...)");
                }
            }
            for (int p = 1; p < path.length; p++) {
                Object next = Values.attribute(value, path[p]);
                if (next == Values.MISSING) {
                    throw TemplateError.runtime("format field '" + field + "': no attribute '" + path[p] + "'");
                }
                value = next;
            }
            if (conversion == 'r') {
                value = Values.repr(value);
            } else if (conversion == 's') {
                value = Values.str(value);
            }
            out.append(apply(value, parseSpec(specText), false));
        }
        return out.toString();
    }

    private static Object positional(List<?> args, int index) {
        if (index >= args.size()) {
            throw TemplateError.runtime("format string needs argument " + index + " but only " + args.size()
                    + " given");
        }
        return args.get(index);
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
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > start) {
            spec.width = Integer.parseInt(s.substring(start, i));
        }
        if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            spec.grouping = s.charAt(i++);
        }
        if (i < n && s.charAt(i) == '.') {
            start = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            spec.precision = Integer.parseInt(s.substring(start, i));
        }
        if (i < n) {
            spec.type = s.charAt(i++);
        }
        if (i != n) {
            throw TemplateError.runtime("invalid format specifier '" + s + "'");
        }
        return spec;
    }

    // ---------------------------------------------------------------- shared

    private static final class Spec {
        char fill = ' ';
        char align;
        char sign = '-';
        boolean alternate;
        int width = -1;
        char grouping;
        int precision = -1;
        char type;
    }

    private static String apply(Object value, Spec spec, boolean printf) {
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
                body = Values.str(value);
                if (spec.precision >= 0 && body.length() > spec.precision) {
                    body = body.substring(0, spec.precision);
                }
                numeric = false;
            }
            case 'd', 'x', 'X', 'o', 'b', 'c' -> {
                if (type == 'c') {
                    body = value instanceof String s ? s
                            : new String(Character.toChars((int) Values.toLong(number(value, type))));
                    numeric = false;
                    break;
                }
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
                int p = spec.precision < 0 ? 6 : spec.precision;
                if (Double.isNaN(d) || Double.isInfinite(d)) {
                    body = Double.isNaN(d) ? "nan" : "inf";
                    if (Character.isUpperCase(type)) {
                        body = body.toUpperCase();
                    }
                    negative = d < 0;
                } else {
                    body = switch (type) {
                        case 'f', 'F' -> fixed(abs, p);
                        case '%' -> fixed(abs * 100, p) + "%";
                        case 'e', 'E' -> scientific(abs, p, type == 'E');
                        case 'r' -> Values.floatRepr(abs);
                        default -> general(abs, p, type == 'G', spec.alternate);
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
            default -> throw TemplateError.runtime("unsupported format character '" + type + "'");
        }
        String sign = "";
        if (numeric) {
            sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
        }
        int pad = spec.width - sign.length() - body.length();
        if (pad <= 0) {
            return sign + body;
        }
        char align = spec.align != 0 ? spec.align : numeric ? '>' : '<';
        String fill = String.valueOf(spec.fill).repeat(pad);
        return switch (align) {
            case '<' -> sign + body + fill;
            case '=' -> sign + fill + body;
            case '^' -> String.valueOf(spec.fill).repeat(pad / 2) + sign + body
                    + String.valueOf(spec.fill).repeat(pad - pad / 2);
            default -> fill + sign + body;
        };
    }

    private static Number number(Object value, char type) {
        if (value instanceof Number n) {
            return n;
        }
        throw TemplateError.runtime("format code '" + type + "' needs a number, not '" + Values.typeName(value)
                + "'");
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

    /** A non-negative double with p decimals, rounded like Python. */
    static String fixed(double d, int p) {
        return new BigDecimal(d).setScale(p, RoundingMode.HALF_EVEN).toPlainString();
    }

    private static String scientific(double d, int p, boolean upper) {
        String mantissa;
        int exponent;
        if (d == 0) {
            mantissa = p > 0 ? "0." + "0".repeat(p) : "0";
            exponent = 0;
        } else {
            BigDecimal bd = new BigDecimal(d).round(new MathContext(p + 1, RoundingMode.HALF_EVEN));
            String digits = bd.unscaledValue().toString();
            exponent = digits.length() - 1 - bd.scale();
            digits = (digits + "0".repeat(p + 1)).substring(0, p + 1);
            mantissa = p > 0 ? digits.charAt(0) + "." + digits.substring(1) : digits;
        }
        String exp = (exponent < 0 ? "-" : "+") + (Math.abs(exponent) < 10 ? "0" : "") + Math.abs(exponent);
        return mantissa + (upper ? "E" : "e") + exp;
    }

    private static String general(double d, int p, boolean upper, boolean alternate) {
        if (p == 0) {
            p = 1;
        }
        int exponent;
        if (d == 0) {
            exponent = 0;
        } else {
            BigDecimal bd = new BigDecimal(d).round(new MathContext(p, RoundingMode.HALF_EVEN));
            exponent = bd.unscaledValue().toString().length() - 1 - bd.scale();
        }
        String s;
        if (exponent >= -4 && exponent < p) {
            s = fixed(d, p - 1 - exponent);
            if (!alternate && s.indexOf('.') >= 0) {
                s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
            }
        } else {
            s = scientific(d, p - 1, upper);
            if (!alternate) {
                int e = s.indexOf(upper ? 'E' : 'e');
                String m = s.substring(0, e);
                if (m.indexOf('.') >= 0) {
                    m = m.replaceAll("0+$", "").replaceAll("\\.$", "");
                }
                s = m + s.substring(e);
            }
        }
        return s;
    }
}
