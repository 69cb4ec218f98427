/**
 * A Jinja2-compatible template and expression engine: the syntax of batou's component files, environment
 * settings and file templates. Plain Java, no dependencies, usable inside and outside OSGi.
 * <p>
 * Entry point: {@link batou.template.Template#parse(String, String, int, int)}, then
 * {@link batou.template.Template#render(java.util.Map)} or {@link batou.template.Template#renderNative(java.util.Map)}.
 * Java objects can be exposed without building maps by implementing {@link batou.template.TemplateObject}.
 *
 * <h2>Filters</h2>
 * abs, attr, basename, bool (Ansible), capitalize, center, count, d, default, dictsort, dirname, first, float,
 * format, indent, int, items, join, last, length, list, lower, map, max, min, quote (shell, Ansible),
 * regex_replace (Ansible), reject, rejectattr, replace, reverse, round, safe (no-op), select, selectattr, sort,
 * string, sum, title, tojson, trim, unique, upper.
 *
 * <h2>Tests</h2>
 * defined, undefined, none, number, integer, float, string, mapping, sequence, iterable, boolean, true, false, even,
 * odd, divisibleby, eq, equalto, ne, lt, lessthan, le, gt, greaterthan, ge, in, sameas, lower, upper.
 *
 * <h2>Functions and methods</h2>
 * {@code range()}, {@code namespace()}, {@code dict()}; on strings {@code split strip lstrip rstrip lower upper title
 * capitalize startswith endswith replace format join splitlines find count}; on maps {@code items keys values get};
 * {@code loop.cycle()}.
 *
 * <h2>Deliberate differences from Jinja2</h2>
 * <ul>
 * <li>The trailing newline of a template is kept (Jinja2 drops one by default): rendered files end as their
 * templates do.</li>
 * <li>Undefined is strict like {@code StrictUndefined}, but attribute chains on an undefined value stay undefined
 * instead of raising at once, so {@code a.b is defined} and {@code a.b | default(x)} work when {@code a} is missing.
 * Every other test ({@code x is none} included) and list/dict literals containing undefined values raise.</li>
 * <li>{@code tojson} writes Jinja2's format (sorted keys, {@code ", "}/{@code ": "} separators, non-ASCII as
 * {@code \\uXXXX}) but does not HTML-escape {@code < > & '}: output goes to configuration files.</li>
 * <li>Integers are 64-bit; overflow is an error instead of growing.</li>
 * <li>Filters that return generators in Jinja2 ({@code map}, {@code select}, {@code unique}, ...) return lists.</li>
 * <li>No autoescaping, macros, call blocks, include/extends, loop recursion, {@code break}/{@code continue};
 * these tags are reported as unsupported. Only the listed functions and methods can be called.</li>
 * <li>Nesting, steps and the size of what a render builds are bounded ({@link batou.template.Template.Limits}), so
 * that no template can overflow the stack, run for ever or fill the memory; {@code range()} is computed lazily.</li>
 * </ul>
 */
package batou.template;
