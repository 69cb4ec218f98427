package batou.model.internal.configure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
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
import batou.model.internal.yaml.YNode;
import batou.model.internal.yaml.YScalar;
import batou.model.parts.AttributeConstraint;
import batou.model.parts.PartAttribute;
import batou.model.parts.PartType;
import batou.model.parts.PartTypeRegistry;
import batou.model.parts.Violation;
import batou.model.plan.PartNode;
import batou.model.project.ComponentDefinition;
import batou.model.project.PartDeclaration;
import batou.model.project.Project;
import batou.model.project.ProjectPaths;
import batou.model.types.AttributeType;
import batou.model.types.ConversionException;
import batou.template.Template;
import batou.template.TemplateException;
import batou.model.yaml.BoundedYaml;
import batou.model.yaml.ReadProblem;

/** Builds the part tree of a root component: library parts with converted attributes, sub-components inside. */
final class PartsBuilder {

    private static final String SENSITIVE = "(sensitive, not shown)";
    /** The largest template source read (16 MiB): templates are read whole, like every project file. */
    private static final int MAX_TEMPLATE = 16 << 20;

    private final Project project;
    private final PartTypeRegistry registry;
    private final Expander expander;
    private final SubComponentFactory subComponents;
    private final Map<String, Template> templates = new java.util.HashMap<>();
    /** Per host: secrets transformed inside part values (see {@link SensitiveDisplay}), to be masked too. */
    private final Map<String, Set<String>> transformed = new java.util.HashMap<>();

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

    /** The secrets found transformed inside the part values of each host (e.g. in base64 in a command). */
    Map<String, Set<String>> transformedSecrets() {
        return transformed;
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

    /** Whether a part with an {@code if:} is deployed: the condition must be true or false (else reported). */
    private boolean included(PartDeclaration declaration, ComponentInstance instance) {
        if (declaration.condition() == null) {
            return true;
        }
        try {
            Object value = expander.expand(declaration.condition(), instance.scope());
            try {
                return (Boolean) AttributeType.BOOL.convert(value);
            } catch (ConversionException e) {
                boolean secret = expander.references(declaration.condition(), instance.sensitiveNames());
                instance.diagnostics().error(declaration.condition().location(), "the 'if' of a part of "
                        + instance.description() + " must be true or false, not " + (secret ? SENSITIVE
                                : value == null ? "empty" : AttributeType.describe(value)),
                        "write a condition, e.g. \"{{ 'canary' in features }}\"");
            }
        } catch (ExpansionException e) {
            instance.diagnostics().error(e.location(), "cannot expand the 'if' of a part of "
                    + instance.description() + ": " + e.detail());
        } catch (DependentFailure e) {
            // reported where it happened
        }
        return false;
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
        Map<String, String> displays = new java.util.HashMap<>();
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
                Violation violation = attribute.check(value, written(entry.value(), raw));
                if (violation != null) {
                    instance.diagnostics().error(entry.value().location(), "invalid value for attribute '"
                            + attribute.name() + "' of part '" + type.name() + "' in " + instance.description()
                            + ": " + (secret ? "the value " + SENSITIVE + " is not allowed: it must be "
                                    + AttributeConstraint.describe(attribute.constraints()) : violation.message()),
                            secret ? null : violation.hint());
                    failed = true;
                    continue;
                }
                if (attribute.type() == AttributeType.PATH) {
                    value = attribute.projectFile() ? projectFile(instance, (String) value, entry)
                            : onTarget(instance, root.workDirectory, (String) value, entry);
                }
                if (value == null) {
                    failed = true;
                    continue;
                }
                values.put(attribute.name(), value);
                if (secret) {
                    sensitive.add(attribute.name());
                    if (raw instanceof String) {
                        SensitiveDisplay.Result analysed = SensitiveDisplay.of(
                                scope -> expander.expand(entry.value(), scope), raw, instance.scope(),
                                instance.sensitiveNames());
                        if (!analysed.dependent() && !attribute.sensitive()) {
                            sensitive.remove(attribute.name()); // it reads a sensitive name, but not its secrets
                        } else {
                            displays.put(attribute.name(), analysed.display());
                            transformed(root, analysed);
                        }
                    }
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
        if (failed || !render(root, type, values, sensitive, instance)) {
            return null;
        }
        List<Violation> violations = type.check(values);
        for (Violation violation : violations) {
            instance.diagnostics().error(declaration.location(), "part '" + type.name() + "' in "
                    + instance.description() + ": " + violation.message(), violation.hint());
        }
        if (!violations.isEmpty()) {
            return null;
        }
        if (Boolean.FALSE.equals(declaration.sensitive())) {
            // the author says so: diffs and labels show it all (secrets in it are still masked in every output)
            sensitive.clear();
            displays.clear();
        } else if (Boolean.TRUE.equals(declaration.sensitive())) {
            sensitive.addAll(values.keySet());
            values.keySet().forEach(name -> displays.put(name, batou.model.Masking.MASK));
        }
        return new PartNode(type.name(), label(root, type, values, sensitive, displays), values, sensitive,
                List.of(), declaration.location());
    }

    private void transformed(RootState root, SensitiveDisplay.Result analysed) {
        if (!analysed.transformed().isEmpty()) {
            transformed.computeIfAbsent(root.host.name(), host -> new java.util.LinkedHashSet<>())
                    .addAll(analysed.transformed());
        }
    }

    /** The value as written: a literal's YAML text, or the text an expression produced; null otherwise. */
    private static String written(YNode node, Object raw) {
        if (raw instanceof String text) {
            return text;
        }
        return node instanceof YScalar scalar && java.util.Objects.equals(scalar.value(), raw) ? scalar.text() : null;
    }

    /** Renders the part's template source, if it has one, into its content. False when that failed (reported). */
    private boolean render(RootState root, PartType type, Map<String, Object> values, Set<String> sensitive,
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
                        source, 1, 1, expander.limits());
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
        if (Expander.reads(template, instance.sensitiveNames())) {
            Template parsed = template;
            SensitiveDisplay.Result analysed = SensitiveDisplay.of(parsed::render, values.get(PartType.RENDERED),
                    instance.scope(), instance.sensitiveNames());
            if (analysed.dependent()) { // else it reads a sensitive name but none of its secrets
                sensitive.add(PartType.RENDERED);
                transformed(root, analysed);
            }
        }
        return true;
    }

    /** A project file named relative to the component's folder, as a project path; null when refused (reported). */
    private String projectFile(ComponentInstance instance, String path, YMapping.Entry entry) {
        try {
            String normal = ProjectPaths.normalize(instance.definition().directory(), path);
            ProjectPaths.list(project.root(), normal);
            return normal;
        } catch (ProjectPaths.ProjectPathException e) {
            instance.diagnostics().error(entry.value().location(), e.getMessage(), e.hint());
        } catch (java.io.IOException e) {
            instance.diagnostics().error(entry.value().location(), "cannot read project file '" + path + "': "
                    + e.getMessage());
        }
        return null;
    }

    /**
     * A path on the target: relative paths are inside the root's work directory, and stay there; null when one
     * leaves it (reported). Absolute paths and paths in the home ({@code ~}) stay as they are.
     */
    private static String onTarget(ComponentInstance instance, String workDirectory, String path,
            YMapping.Entry entry) {
        if (path.startsWith("/") || path.startsWith("~")) {
            return path;
        }
        Path work = Path.of(workDirectory).normalize();
        Path resolved = work.resolve(path).normalize();
        if (!resolved.startsWith(work)) {
            instance.diagnostics().error(entry.value().location(), "path '" + path + "' leaves the work directory "
                    + workDirectory, "relative paths are inside the component's work directory; write an absolute"
                            + " path or one starting with ~/ for a place outside it");
            return null;
        }
        return resolved.toString();
    }

    /**
     * The part's label: the value of its first required attribute (a file's path, a command's run), shown with the
     * sensitive values in it masked when it is computed from them (see {@link SensitiveDisplay}).
     */
    private static String label(RootState root, PartType type, Map<String, Object> values, Set<String> sensitive,
            Map<String, String> displays) {
        for (PartAttribute attribute : type.attributes()) {
            Object value = values.get(attribute.name());
            if (!attribute.required() || attribute.sensitive() || value == null) {
                continue;
            }
            if (!sensitive.contains(attribute.name())) {
                return String.valueOf(value);
            }
            String display = displays.getOrDefault(attribute.name(), batou.model.Masking.MASK);
            return attribute.type() == AttributeType.PATH && !attribute.projectFile()
                    && !display.equals(batou.model.Masking.MASK) && !display.startsWith("/")
                    && !display.startsWith("~") ? Path.of(root.workDirectory).resolve(display).normalize().toString()
                            : display;
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
