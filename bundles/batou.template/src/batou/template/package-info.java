/**
 * A Jinja2-compatible template and expression engine: the syntax of batou's component files, environment
 * settings and file templates. Plain Java, no dependencies, usable inside and outside OSGi.
 */
package batou.template;
