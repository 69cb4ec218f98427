package batou.model.parts;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import batou.template.Suggestions;

/**
 * What a part attribute's value must be beyond its type: one of some words, a range, an octal file mode, names of
 * environment variables... Declared in the part type's schema ({@link PartAttribute#with}) and checked by the
 * model on every converted value while configuring, so that what a part would refuse half-way through a deploy is
 * a configuration error with file and line. The reference lists each constraint with {@link #describe()}.
 */
public interface AttributeConstraint {

    /**
     * Checks a value of the attribute.
     *
     * @param value the value, converted to the attribute's type
     * @param written the value as written in the project, when it is a literal (its YAML text) or an expression
     *            that produced a text; null when an expression produced a number, list or mapping
     * @return null when the value is allowed, else what is wrong
     */
    Violation check(Object value, String written);

    /** The rule for people, e.g. {@code always or changed}. */
    String describe();

    /** A constraint from a test on the value: {@code problem} (a sentence about the value) when it fails. */
    static AttributeConstraint of(String description, Predicate<Object> allowed, String problem, String hint) {
        return new AttributeConstraint() {
            @Override
            public Violation check(Object value, String written) {
                return allowed.test(value) ? null : Violation.of(problem, hint);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    /** A text that is one of {@code values}, with a did-you-mean for a near miss. */
    static AttributeConstraint oneOf(String... values) {
        List<String> allowed = List.of(values);
        String description = String.join(", ", allowed.subList(0, allowed.size() - 1)) + " or "
                + allowed.get(allowed.size() - 1);
        return new AttributeConstraint() {
            @Override
            public Violation check(Object value, String written) {
                if (allowed.contains(value)) {
                    return null;
                }
                String suggestion = Suggestions.didYouMean(String.valueOf(value), allowed);
                return Violation.of("'" + value + "' is not " + description, suggestion.isEmpty() ? null
                        : suggestion);
            }

            @Override
            public String describe() {
                return description;
            }
        };
    }

    /** A whole number from {@code min} to {@code max}. */
    static AttributeConstraint range(long min, long max, String unit) {
        String description = min + " to " + max + (unit.isEmpty() ? "" : " " + unit);
        return of(description, value -> value instanceof Long number && number >= min && number <= max,
                "it must be " + description, null);
    }

    /** A text that is not empty (or only spaces). */
    static AttributeConstraint nonEmpty() {
        return of("not empty", value -> !String.valueOf(value).isBlank(), "it must not be empty", null);
    }

    /** A text that matches {@code pattern} entirely. */
    static AttributeConstraint matching(String pattern, String description, String hint) {
        Pattern compiled = Pattern.compile(pattern, Pattern.DOTALL);
        return of(description, value -> compiled.matcher(String.valueOf(value)).matches(), "it must be "
                + description, hint);
    }

    /**
     * Permission bits, 0000 to 0777, written in octal. YAML reads {@code 0700} as octal but {@code 700} as the
     * decimal number 700 (octal 1274), which is almost certainly not what was meant: a mode written as a decimal
     * number above 7 is refused, suggesting the octal spelling.
     */
    static AttributeConstraint fileMode() {
        Pattern decimal = Pattern.compile("[+]?[1-9][0-9_]*");
        return new AttributeConstraint() {
            @Override
            public Violation check(Object value, String written) {
                String text = written == null ? null : written.strip();
                if (text != null && decimal.matcher(text).matches() && value instanceof Long number && number > 7) {
                    String digits = text.replace("_", "").replace("+", "");
                    return Violation.of("mode " + text + " is a decimal number (octal 0" + Long.toOctalString(number)
                            + "), but modes are octal", digits.matches("[0-7]{1,4}") ? "write 0" + digits
                                    : "write it in octal with a leading 0, e.g. 0640");
                }
                if (!(value instanceof Long number) || number < 0 || number > 0777) {
                    return Violation.of("mode " + (text == null ? String.valueOf(value) : text)
                            + " is not supported: use permission bits 0000 to 0777", "write it with a leading 0,"
                                    + " e.g. 0640");
                }
                return null;
            }

            @Override
            public String describe() {
                return "octal, 0000 to 0777";
            }
        };
    }

    /**
     * A mapping of environment variables: names of letters, digits and {@code _} that do not start with a digit
     * (what a shell can read), values without NUL characters (which no process environment can hold).
     */
    static AttributeConstraint environmentVariables() {
        Pattern name = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
        return new AttributeConstraint() {
            @Override
            public Violation check(Object value, String written) {
                if (!(value instanceof Map<?, ?> map)) {
                    return null;
                }
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    String key = String.valueOf(entry.getKey());
                    if (!name.matcher(key).matches()) {
                        return Violation.of("'" + key + "' is not an environment variable name",
                                "use letters, digits and _, not starting with a digit, e.g. APP_PORT");
                    }
                    if (String.valueOf(entry.getValue()).indexOf('\0') >= 0) {
                        return Violation.of("the value of " + key + " contains a NUL character, which no environment"
                                + " variable can hold", null);
                    }
                }
                return null;
            }

            @Override
            public String describe() {
                return "names of letters, digits and _";
            }
        };
    }

    /** Every item (of a list) is allowed by {@code each}. */
    static AttributeConstraint eachItem(AttributeConstraint each) {
        return new AttributeConstraint() {
            @Override
            public Violation check(Object value, String written) {
                if (value instanceof List<?> list) {
                    for (Object item : list) {
                        Violation violation = each.check(item, item instanceof String text ? text : null);
                        if (violation != null) {
                            return violation;
                        }
                    }
                }
                return null;
            }

            @Override
            public String describe() {
                return "each " + each.describe();
            }
        };
    }

    /** The descriptions of {@code constraints}, joined for the reference. */
    static String describe(List<AttributeConstraint> constraints) {
        return String.join("; ", constraints.stream().map(AttributeConstraint::describe).toList());
    }
}
