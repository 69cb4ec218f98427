package batou.model.internal.configure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.SourceLocation;
import batou.template.Suggestions;
import batou.model.internal.configure.Expander.ExpansionException;
import batou.model.internal.yaml.YMapping;
import batou.model.parts.PartAttribute;
import batou.model.parts.PartType;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.PartNode;
import batou.model.project.ComponentDefinition;
import batou.model.project.PartDeclaration;
import batou.model.project.Project;
import batou.model.types.AttributeType;
import batou.model.types.ConversionException;
import batou.template.Template;
import batou.template.TemplateException;
import batou.model.yaml.BoundedYaml;
import batou.model.yaml.ReadProblem;

/** Builds the part tree of a root component: library parts with converted attributes, sub-components inside. */
final class PartsBuilder {

    /** The largest template source read (16 MiB): templates are read whole, like every project file. */
    private static final int MAX_TEMPLATE = 16 << 20;

    private final Project project;
    private final PartTypeRegistry registry;
    private final Expander expander;
    private final SubComponentFactory subComponents;
    private final Map<String, Template> templates = new java.util.HashMap<>();

    /** Creates the instance of a sub-component inside a root. */
    interface SubComponentFactory {
        ComponentInstance create(RootState root, ComponentInstance parent, ComponentDefinition child,
                PartDeclaration.Component part);
    }

    PartsBuilder(Project project, PartTypeRegistry registry, Expander expander, SubComponentFactory subComponents) {
        this.project = project;
        this.registry = registry;
        this.expander = expander;
        this.subComponents = subComponents;
    }

    List<PartNode> build(RootState root, ComponentInstance instance) {
        Deque<String> including = new ArrayDeque<>();
        including.push(instance.definition().name());
        return parts(root, instance, including);
    }

    private List<PartNode> parts(RootState root, ComponentInstance instance, Deque<String> including) {
        List<PartNode> nodes = new ArrayList<>();
        for (PartDeclaration declaration : instance.definition().partsFor(root.host.platform())) {
            if (!included(declaration, instance)) {
                continue;
            }
            PartNode node = declaration instanceof PartDeclaration.Library library ? library(root, instance, library)
                    : component(root, instance, (PartDeclaration.Component) declaration, including);
            if (node != null) {
                nodes.add(node);
            }
        }
        return nodes;
    }

    private boolean included(PartDeclaration declaration, ComponentInstance instance) {
        if (declaration.condition() == null) {
            return true;
        }
        try {
            return truthy(expander.expand(declaration.condition(), instance.scope()));
        } catch (ExpansionException e) {
            instance.diagnostics().error(e.location(), "cannot expand the 'if' of a part of "
                    + instance.description() + ": " + e.detail());
        } catch (DependentFailure e) {
            // reported where it happened
        }
        return false;
    }

    /** Jinja's truth: false, none, 0, empty text, list and mapping are false; "false" and "no" too. */
    static boolean truthy(Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0;
        }
        if (value instanceof String text) {
            String clean = text.strip().toLowerCase(java.util.Locale.ROOT);
            return !(clean.isEmpty() || clean.equals("false") || clean.equals("no") || clean.equals("none")
                    || clean.equals("0"));
        }
        if (value instanceof Collection<?> collection) {
            return !collection.isEmpty();
        }
        if (value instanceof Map<?, ?> map) {
            return !map.isEmpty();
        }
        return true;
    }

    private PartNode library(RootState root, ComponentInstance instance, PartDeclaration.Library declaration) {
        PartType type = registry.find(declaration.type());
        if (type == null) {
            String suggestion = Suggestions.didYouMean(declaration.type(), registry.names());
            instance.diagnostics().error(declaration.location(), "unknown part type '" + declaration.type() + "'",
                    suggestion.isEmpty() ? "part types: " + String.join(", ", registry.names()) : suggestion);
            return null;
        }
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> sensitive = new HashSet<>();
        boolean failed = false;
        Map<String, YMapping.Entry> given = new LinkedHashMap<>();
        if (declaration.attributes() != null) {
            for (YMapping.Entry entry : declaration.attributes().entries()) {
                given.put(entry.name(), entry);
                if (type.attribute(entry.name()) == null) {
                    List<String> names = type.attributes().stream().map(PartAttribute::name).toList();
                    String suggestion = Suggestions.didYouMean(entry.name(), names);
                    instance.diagnostics().error(entry.key().location(), "unknown attribute '" + entry.name()
                            + "' for part '" + type.name() + "'", suggestion.isEmpty()
                                    ? "attributes of '" + type.name() + "': " + String.join(", ", names)
                                    : suggestion);
                    failed = true;
                }
            }
        }
        for (PartAttribute attribute : type.attributes()) {
            YMapping.Entry entry = given.get(attribute.name());
            if (entry == null) {
                if (attribute.required()) {
                    instance.diagnostics().error(declaration.location(), "missing required attribute '"
                            + attribute.name() + "' of part '" + type.name() + "' in " + instance.description(),
                            attribute.description());
                    failed = true;
                } else if (attribute.defaultValue() != null) {
                    values.put(attribute.name(), attribute.defaultValue());
                }
                continue;
            }
            try {
                Object raw = expander.expand(entry.value(), instance.scope());
                boolean secret = attribute.sensitive()
                        || expander.references(entry.value(), instance.sensitiveNames());
                Object value = attribute.type().convert(raw);
                if (attribute.type() == AttributeType.PATH) {
                    value = attribute.projectFile() ? projectFile(instance, (String) value, entry)
                            : onTarget(root.workDirectory, (String) value);
                }
                if (value == null) {
                    failed = true;
                    continue;
                }
                values.put(attribute.name(), value);
                if (secret) {
                    sensitive.add(attribute.name());
                }
            } catch (ExpansionException e) {
                instance.diagnostics().error(e.location(), "cannot expand attribute '" + attribute.name()
                        + "' of part '" + type.name() + "' in " + instance.description() + ": " + e.detail());
                failed = true;
            } catch (ConversionException e) {
                instance.diagnostics().error(entry.value().location(), "cannot convert the value to "
                        + attribute.type().label() + " for attribute '" + attribute.name() + "' of part '"
                        + type.name() + "' in " + instance.description() + ": " + e.getMessage());
                failed = true;
            } catch (DependentFailure e) {
                failed = true;
            }
        }
        if (failed || !render(type, values, sensitive, instance)) {
            return null;
        }
        return new PartNode(type.name(), label(type, values), values, sensitive, List.of(),
                declaration.location());
    }

    /** Renders the part's template source, if it has one, into its content. False when that failed (reported). */
    private boolean render(PartType type, Map<String, Object> values, Set<String> sensitive,
            ComponentInstance instance) {
        String attribute = type.templateSource(values);
        if (attribute == null || !(values.get(attribute) instanceof String source)) {
            return true;
        }
        Template template;
        try {
            template = templates.get(source);
            if (template == null) {
                template = Template.parse(BoundedYaml.readText(project.root().resolve(source), MAX_TEMPLATE),
                        source);
                templates.put(source, template);
            }
        } catch (ReadProblem problem) {
            instance.diagnostics().error(problem.line() > 0 ? new SourceLocation(source, problem.line(),
                    problem.column()) : SourceLocation.ofFile(source), "cannot read template: " + problem.problem(),
                    problem.hint());
            return false;
        } catch (TemplateException e) {
            instance.diagnostics().error(new SourceLocation(e.sourceName(), e.line(), e.column()),
                    "template error: " + e.detail());
            return false;
        }
        try {
            values.put(PartType.RENDERED, template.render(instance.scope()));
        } catch (TemplateException e) {
            if (e.getCause() instanceof DependentFailure) {
                return false;
            }
            instance.diagnostics().error(new SourceLocation(e.sourceName(), e.line(), e.column()),
                    "cannot render template for " + instance.description() + ": " + e.detail());
            return false;
        } catch (DependentFailure e) {
            return false;
        }
        for (String name : template.referencedNames()) {
            if (instance.sensitiveNames().contains(name)) {
                sensitive.add(PartType.RENDERED);
                break;
            }
        }
        return true;
    }

    private String projectFile(ComponentInstance instance, String path, YMapping.Entry entry) {
        String relative = path.startsWith("/") ? null : instance.definition().directory() + "/" + path;
        Path file = relative == null ? Path.of(path) : project.root().resolve(relative);
        if (!Files.exists(file)) {
            instance.diagnostics().error(entry.value().location(), "file not found: " + (relative == null ? path
                    : relative), "put the file beside component.yaml, or fix the path");
            return null;
        }
        return relative == null ? path : Path.of(relative).normalize().toString().replace('\\', '/');
    }

    /** A path on the target: relative paths are inside the root's work directory. */
    static String onTarget(String workDirectory, String path) {
        if (path.startsWith("/") || path.startsWith("~")) {
            return path;
        }
        String joined = workDirectory + "/" + path;
        return Path.of(joined).normalize().toString();
    }

    private static String label(PartType type, Map<String, Object> values) {
        for (PartAttribute attribute : type.attributes()) {
            if (attribute.required() && !attribute.sensitive() && values.get(attribute.name()) != null) {
                return String.valueOf(values.get(attribute.name()));
            }
        }
        return type.name();
    }

    private PartNode component(RootState root, ComponentInstance parent, PartDeclaration.Component declaration,
            Deque<String> including) {
        ComponentDefinition child = project.component(declaration.component());
        if (child == null) {
            String suggestion = Suggestions.didYouMean(declaration.component(), project.components().keySet());
            parent.diagnostics().error(declaration.location(), "unknown component '" + declaration.component()
                    + "'", suggestion.isEmpty() ? "there is no components/" + declaration.component()
                            + "/component.yaml" : suggestion);
            return null;
        }
        if (including.contains(child.name())) {
            List<String> path = new ArrayList<>(including);
            java.util.Collections.reverse(path);
            path.add(child.name());
            parent.diagnostics().error(declaration.location(), "component '" + child.name()
                    + "' includes itself: " + String.join(" -> ", path), "remove one of the includes");
            return null;
        }
        if (!child.provides().isEmpty()) {
            parent.diagnostics().error(declaration.location(), "component '" + child.name()
                    + "' provides resources and cannot be used as a part",
                    "deploy it as a root component on a host, or move 'provide' to " + root.definition.name());
        }
        ComponentInstance instance = subComponents.create(root, parent, child, declaration);
        Map<String, Object> attributes = instance.attributes();
        including.push(child.name());
        List<PartNode> children = parts(root, instance, including);
        including.pop();
        Set<String> sensitive = new HashSet<>(instance.sensitiveNames());
        sensitive.retainAll(attributes.keySet());
        return new PartNode("component", child.name(), attributes, sensitive, children, declaration.location());
    }
}
