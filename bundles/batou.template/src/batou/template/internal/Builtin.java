package batou.template.internal;

import java.util.Arrays;
import java.util.Collection;

/**
 * A filter, test or global function: its name, parameter names (for arity checks and keyword arguments) and
 * implementation.
 *
 * @param kind "filter", "test" or "function", for messages
 * @param name the name used in templates
 * @param params the parameter names after the input value
 * @param varargs whether any number of positional and keyword arguments is accepted (checked by the implementation)
 * @param undefinedOk whether the input may be undefined ({@code default}, {@code defined}, {@code undefined})
 * @param impl the implementation
 */
public record Builtin(String kind, String name, String[] params, boolean varargs, boolean undefinedOk, Impl impl) {

    /** The implementation: input value (null for functions) and arguments to result. */
    @FunctionalInterface
    public interface Impl {
        Object call(Object input, Args args);
    }

    /** How the callee is named in messages, e.g. {@code filter 'join'}. */
    public String label() {
        return kind + " '" + name + "'";
    }

    /** Raises if the number of positional arguments or a keyword name does not fit the parameters. */
    public void checkArity(int positional, Collection<String> keywords) {
        if (varargs) {
            return;
        }
        if (positional > params.length) {
            String takes = params.length == 0 ? "takes no arguments"
                    : "takes at most " + params.length + " argument" + (params.length == 1 ? "" : "s") + " ("
                            + String.join(", ", params) + ")";
            throw TemplateError.runtime(label() + " " + takes + " but " + positional + " were given");
        }
        for (String keyword : keywords) {
            if (!Arrays.asList(params).contains(keyword)) {
                throw TemplateError.runtime(label() + " has no argument '" + keyword + "'"
                        + (params.length == 0 ? "" : " (it takes " + String.join(", ", params) + ")"));
            }
        }
    }
}
