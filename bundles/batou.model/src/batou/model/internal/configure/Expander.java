package batou.model.internal.configure;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YMapping;
import batou.model.internal.yaml.YNode;
import batou.model.internal.yaml.YScalar;
import batou.model.internal.yaml.YSequence;
import batou.template.Template;
import batou.template.TemplateException;

/**
 * Expands YAML values: every text that contains an expression is rendered against a scope; other values stay as
 * they are. Templates are parsed once per YAML node and reused for every host and component that uses them.
 */
final class Expander {

    private final Map<YScalar, Object> templates = new IdentityHashMap<>();
    private final Template.Limits limits;

    /** An expander whose templates keep to {@code limits} (the environment's {@code template_limits}). */
    Expander(Template.Limits limits) {
        this.limits = limits;
    }

    Template.Limits limits() {
        return limits;
    }

    /** An expansion that failed; the exception carries the position in the project file. */
    static final class ExpansionException extends Exception {
        private static final long serialVersionUID = 1L;
        private final SourceLocation location;
        private final String detail;

        ExpansionException(SourceLocation location, String detail) {
            super(detail, null, false, false);
            this.location = location;
            this.detail = detail;
        }

        SourceLocation location() {
            return location;
        }

        String detail() {
            return detail;
        }
    }

    /** Expands {@code node} to a plain value (String, Long, Double, Boolean, null, List, Map or a typed value). */
    Object expand(YNode node, Map<String, ?> scope) throws ExpansionException {
        if (node instanceof YScalar scalar) {
            if (!scalar.isString()) {
                return scalar.value();
            }
            Template template = template(scalar);
            if (template == null) {
                return scalar.value();
            }
            try {
                return template.renderNative(scope);
            } catch (TemplateException e) {
                if (e.getCause() instanceof DependentFailure dependent) {
                    throw dependent; // the value it reads failed and was reported already
                }
                throw new ExpansionException(new SourceLocation(e.sourceName(), e.line(), e.column()), e.detail());
            }
        }
        if (node instanceof YSequence sequence) {
            List<Object> values = new ArrayList<>(sequence.items().size());
            for (YNode item : sequence.items()) {
                values.add(expand(item, scope));
            }
            return values;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (YMapping.Entry entry : ((YMapping) node).entries()) {
            values.put(entry.name(), expand(entry.value(), scope));
        }
        return values;
    }

    /**
     * A sensitive name that is a path into a value, e.g. {@code host.data.token} (the other data of the host are not
     * sensitive); sets of sensitive names hold such paths beside plain names.
     */
    static String path(String... parts) {
        return String.join(PATH_SEPARATOR, parts);
    }

    private static final String PATH_SEPARATOR = "\u001f"; // cannot be part of a YAML key anybody writes

    /**
     * True if {@code name} (a name of the scope) is sensitive or holds a sensitive path: a template that gets it
     * gets a value that holds something sensitive.
     */
    static boolean holdsSensitive(String name, Set<String> sensitive) {
        if (sensitive.contains(name)) {
            return true;
        }
        String prefix = name + PATH_SEPARATOR;
        for (String entry : sensitive) {
            if (entry.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True if {@code template} reads one of {@code names}: a name or path itself, something inside it, or a value
     * that holds it (the template reads {@code host} whole, or {@code host.data}, and {@code host.data.token} is
     * sensitive). Reads are the template's static paths ({@link Template#referencedPaths()}).
     */
    static boolean reads(Template template, Set<String> names) {
        if (names.isEmpty()) {
            return false;
        }
        for (java.util.List<String> read : template.referencedPaths()) {
            String joined = String.join(PATH_SEPARATOR, read);
            if (holdsSensitive(joined, names)) {
                return true;
            }
            for (int length = 1; length < read.size(); length++) {
                if (names.contains(String.join(PATH_SEPARATOR, read.subList(0, length)))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True if any text in {@code node} reads one of {@code names}: used to carry sensitivity along. */
    boolean references(YNode node, Set<String> names) throws ExpansionException {
        if (names.isEmpty() || node == null) {
            return false;
        }
        if (node instanceof YScalar scalar) {
            Template template = scalar.isString() ? template(scalar) : null;
            return template != null && reads(template, names);
        }
        if (node instanceof YSequence sequence) {
            for (YNode item : sequence.items()) {
                if (references(item, names)) {
                    return true;
                }
            }
            return false;
        }
        for (YMapping.Entry entry : ((YMapping) node).entries()) {
            if (references(entry.value(), names)) {
                return true;
            }
        }
        return false;
    }

    /** The parsed template of a text, or null when the text holds no expression. */
    private Template template(YScalar scalar) throws ExpansionException {
        Object cached = templates.get(scalar);
        if (cached == null) {
            try {
                Template template = Template.parse(scalar.text(), scalar.location().file(), scalar.textLine(),
                        scalar.textColumn(), limits);
                cached = template.isLiteral() ? Boolean.FALSE : template;
            } catch (TemplateException e) {
                cached = new ExpansionException(new SourceLocation(e.sourceName(), e.line(), e.column()),
                        e.detail());
            }
            templates.put(scalar, cached);
        }
        if (cached instanceof ExpansionException failure) {
            throw failure;
        }
        return cached instanceof Template template ? template : null;
    }
}
