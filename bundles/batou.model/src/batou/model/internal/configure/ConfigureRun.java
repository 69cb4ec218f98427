package batou.model.internal.configure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.Diagnostics;
import batou.model.configure.HostHomes;
import batou.model.SourceLocation;
import batou.template.Suggestions;
import batou.model.internal.configure.Expander.ExpansionException;
import batou.model.internal.yaml.YMapping;
import batou.model.internal.yaml.YNode;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.PartNode;
import batou.model.plan.RootId;
import batou.model.plan.RootPlan;
import batou.model.project.ComponentDefinition;
import batou.model.project.ComponentOverrides;
import batou.model.project.ComponentReference;
import batou.model.project.EnvironmentDefinition;
import batou.model.project.EnvironmentSettings;
import batou.model.project.HostDeclaration;
import batou.model.project.HostFilter;
import batou.model.project.PartDeclaration;
import batou.model.project.Project;
import batou.model.project.ProvideDeclaration;
import batou.model.project.RequireDeclaration;
import batou.template.Template;

/**
 * Configures one environment: hosts and their settings, root components with overrides, resources provided and
 * required across hosts (to a fix-point where values depend on each other), the dependency graph and order, and
 * every root's resolved attributes and part tree. All problems go to the diagnostics.
 */
public final class ConfigureRun {

    /** Names the scope of every component instance defines; attributes and requirements cannot use them. */
    static final Set<String> RESERVED = Set.of("host", "environment", "component", "features", "secrets");

    private final Project project;
    private final EnvironmentDefinition environment;
    private final Diagnostics diagnostics;
    private final boolean strictResources;
    private final HostHomes homes;
    private final Expander expander;
    private final PartsBuilder parts;
    private final Map<String, Object> environmentContext = new LinkedHashMap<>();
    /** {@code secrets} in expressions: the secret files as text and as base64; null without secrets. */
    private Map<String, Object> secretsContext;
    private final List<HostSetup> hosts = new ArrayList<>();
    private final List<RootState> roots = new ArrayList<>();
    private final List<String> ignoredHosts = new ArrayList<>();
    private final List<RootId> ignoredComponents = new ArrayList<>();

    public ConfigureRun(Project project, EnvironmentDefinition environment, PartTypeRegistry registry,
            boolean strictResources, HostHomes homes, Diagnostics diagnostics) {
        this.project = project;
        this.environment = environment;
        this.diagnostics = diagnostics;
        this.strictResources = strictResources;
        this.homes = homes;
        this.expander = new Expander(templateLimits(environment));
        this.parts = new PartsBuilder(project, registry, expander, this::subComponent);
    }

    /** Configures the environment; the plan is null when any error was found. */
    public DeploymentPlan run() {
        checkDefinitions();
        setUpHosts();
        createRoots();
        checkOverrides();
        collectRequirements();
        DependencyGraph<RootState> deployGraph = deployGraph();
        reportCycles(deployGraph);
        List<RootState> flowOrder = provideToFixPoint();
        Map<RootId, RootPlan> plans = finalPass(deployGraph, flowOrder);
        reportUnusedResources();
        if (diagnostics.hasErrors()) {
            return null;
        }
        return plan(deployGraph, plans);
    }

    /**
     * Per host, the secrets that part values hold transformed (upper case, base64...): what the run's masking must
     * know besides the values themselves. Complete after {@link #run()}.
     */
    public Map<String, Set<String>> transformedSecrets() {
        return parts.transformedSecrets();
    }

    /** The environment's {@code template_limits} over the defaults (checked with file and line when read). */
    private static Template.Limits templateLimits(EnvironmentDefinition environment) {
        Template.Limits limits = Template.Limits.DEFAULT;
        if (environment.settings().get(EnvironmentSettings.TEMPLATE_LIMITS) instanceof YMapping given) {
            long depth = limit(given, "depth", limits.depth());
            long steps = limit(given, "steps", limits.steps());
            long size = limit(given, "size", limits.size());
            limits = new Template.Limits((int) depth, steps, size);
        }
        return limits;
    }

    private static long limit(YMapping given, String key, long fallback) {
        return given.get(key) != null && given.get(key).toValue() instanceof Long value && value >= 1
                && value <= Integer.MAX_VALUE ? value : fallback;
    }

    // --- component definitions -------------------------------------------------------------------------------

    private void checkDefinitions() {
        for (ComponentDefinition definition : project.components().values()) {
            Set<String> names = new HashSet<>(definition.attributes().keySet());
            for (String name : definition.attributes().keySet()) {
                if (RESERVED.contains(name)) {
                    diagnostics.error(definition.attributes().get(name).location(), "attribute name '" + name
                            + "' is reserved", "rename it; expressions use '" + name + "' for batou's own value");
                }
            }
            for (RequireDeclaration require : definition.requires()) {
                if (RESERVED.contains(require.name()) || names.contains(require.name())) {
                    diagnostics.error(require.location(), "requirement '" + require.name()
                            + "' has the name of " + (RESERVED.contains(require.name()) ? "a reserved name"
                                    : "an attribute"), "give the requirement its own name");
                }
            }
        }
    }

    // --- hosts -----------------------------------------------------------------------------------------------

    private void setUpHosts() {
        environmentContext.put("name", environment.name());
        if (environment.secrets() != null) {
            secretsContext = Map.of("files", environment.secrets().textFiles(), "base64",
                    environment.secrets().base64Files());
        }
        for (HostDeclaration declaration : environment.hosts()) {
            if (declaration.ignored()) {
                ignoredHosts.add(declaration.name()); // configured all the same: what it provides flows
            }
            Map<String, YNode> settings = new LinkedHashMap<>(environment.settings());
            settings.putAll(declaration.settings());
            Map<String, Object> scope = Map.of("host", Map.of("name", declaration.name()), "environment",
                    environmentContext);
            String domain = setting(settings, EnvironmentSettings.HOST_DOMAIN, scope, null);
            String platform = setting(settings, EnvironmentSettings.PLATFORM, scope, null);
            String serviceUser = setting(settings, EnvironmentSettings.SERVICE_USER, scope, null);
            String targetDirectory = targetDirectory(settings, scope);
            String connect = setting(settings, EnvironmentSettings.CONNECT, scope,
                    EnvironmentSettings.DEFAULT_CONNECT);
            String sshConfig = setting(settings, EnvironmentSettings.SSH_CONFIG, scope, null);
            YNode lingerNode = settings.get(EnvironmentSettings.AGENT_LINGER);
            long agentLinger = lingerNode != null && lingerNode.toValue() instanceof Long seconds ? seconds
                    : EnvironmentSettings.DEFAULT_AGENT_LINGER;
            String fqdn = domain == null || domain.isBlank() ? declaration.name()
                    : declaration.name() + "." + domain;
            Map<String, Object> data = hostData(declaration);
            HostContext context = new HostContext(declaration.name(), fqdn, platform, serviceUser,
                    targetDirectory, data, secretDataKeys(declaration));
            hosts.add(new HostSetup(declaration, declaration.name(), fqdn, platform, connect, serviceUser,
                    targetDirectory, sshConfig, agentLinger, data, context));
        }
        expandHomes();
        if (environment.hosts().isEmpty()) {
            diagnostics.error(environment.location(), "environment '" + environment.name() + "' has no hosts",
                    "add hosts: with at least one host and its components");
        }
        environmentContext.put("host_domain", String.valueOf(
                environment.settings().containsKey(EnvironmentSettings.HOST_DOMAIN)
                        ? environment.settings().get(EnvironmentSettings.HOST_DOMAIN).toValue() : ""));
    }

    /**
     * Puts the homes of the deployed hosts whose target directory is in the home ({@code ~}) in its place, so that
     * work directories and everything made from them are real paths (as far as the homes are known).
     */
    private void expandHomes() {
        List<HostPlan> asked = new ArrayList<>();
        for (HostSetup host : hosts) {
            if (!host.declaration().ignored() && inHome(host.targetDirectory())) {
                asked.add(new HostPlan(host.name(), host.fqdn(), host.platform(), host.connect(), host.serviceUser(),
                        host.targetDirectory(), host.sshConfig(), host.agentLinger(), host.data(), List.of()));
            }
        }
        if (asked.isEmpty()) {
            return;
        }
        Map<String, String> known = homes.of(asked);
        for (int i = 0; i < hosts.size(); i++) {
            HostSetup host = hosts.get(i);
            String home = known.get(host.name());
            if (home != null && home.startsWith("/") && inHome(host.targetDirectory())) {
                String directory = java.nio.file.Path.of(home + host.targetDirectory().substring(1)).normalize()
                        .toString();
                hosts.set(i, host.withTargetDirectory(directory));
            }
        }
    }

    private static boolean inHome(String directory) {
        return directory.equals("~") || directory.startsWith("~/");
    }

    /** The host's data, with its secret data (if any) merged in; a key in both is an error. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> hostData(HostDeclaration declaration) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (declaration.data() != null && declaration.data().toValue() instanceof Map<?, ?> plain) {
            data.putAll((Map<String, Object>) plain);
        }
        YNode secret = environment.secrets() == null ? null
                : environment.secrets().hostData().get(declaration.name());
        if (secret instanceof YMapping mapping) {
            for (YMapping.Entry entry : mapping.entries()) {
                if (data.containsKey(entry.name())) {
                    diagnostics.error(entry.key().location(), "host data '" + entry.name() + "' of host '"
                            + declaration.name() + "' is set both in " + environment.file() + " and in "
                            + environment.secrets().file(), "keep it in one place");
                } else {
                    data.put(entry.name(), entry.value().toValue());
                }
            }
        }
        return data;
    }

    /** The keys of the host's data that come from the secrets. */
    private Set<String> secretDataKeys(HostDeclaration declaration) {
        YNode secret = environment.secrets() == null ? null
                : environment.secrets().hostData().get(declaration.name());
        Set<String> keys = new HashSet<>();
        if (secret instanceof YMapping mapping) {
            mapping.entries().forEach(entry -> keys.add(entry.name()));
        }
        return keys;
    }

    private String setting(Map<String, YNode> settings, String key, Map<String, Object> scope, String fallback) {
        YNode node = settings.get(key);
        if (node == null) {
            return fallback;
        }
        try {
            Object value = expander.expand(node, scope);
            return value == null ? fallback : String.valueOf(value);
        } catch (ExpansionException e) {
            diagnostics.error(e.location(), "cannot expand setting '" + key + "': " + e.detail(),
                    "settings can use host.name and environment.name");
            return fallback;
        }
    }

    /**
     * The host's target directory: an absolute path, or one in the home of the user the deployment runs as
     * ({@code ~}, {@code ~/x}); anything else would be relative to wherever batou happens to run.
     */
    private String targetDirectory(Map<String, YNode> settings, Map<String, Object> scope) {
        String directory = setting(settings, EnvironmentSettings.TARGET_DIRECTORY, scope,
                EnvironmentSettings.DEFAULT_TARGET_DIRECTORY);
        if (!EnvironmentSettings.isTargetDirectory(directory)) {
            diagnostics.error(settings.get(EnvironmentSettings.TARGET_DIRECTORY).location(),
                    "'target_directory' must be an absolute path or start with ~/, not '" + directory + "'",
                    "e.g. /srv/app/deployment or ~/deployment");
        }
        return directory;
    }

    // --- roots -----------------------------------------------------------------------------------------------

    private void createRoots() {
        for (HostSetup host : hosts) {
            Map<String, ComponentReference> seen = new HashMap<>();
            for (ComponentReference reference : host.declaration().components()) {
                RootId id = new RootId(host.name(), reference.name());
                if (reference.ignored() && !host.declaration().ignored()) {
                    ignoredComponents.add(id);
                }
                ComponentDefinition definition = project.component(reference.name());
                if (definition == null) {
                    String suggestion = Suggestions.didYouMean(reference.name(), project.components().keySet());
                    diagnostics.error(reference.location(), "unknown component '" + reference.name()
                            + "' on host '" + host.name() + "'", suggestion.isEmpty()
                                    ? "there is no components/" + reference.name() + "/component.yaml"
                                    : suggestion);
                    continue;
                }
                ComponentReference first = seen.putIfAbsent(reference.name(), reference);
                if (first != null) {
                    diagnostics.error(reference.location(), "component '" + reference.name()
                            + "' is listed twice on host '" + host.name() + "'",
                            "it is already listed at line " + first.location().line());
                    continue;
                }
                for (String feature : reference.features()) {
                    if (!definition.features().contains(feature)) {
                        String suggestion = Suggestions.didYouMean(feature, definition.features());
                        diagnostics.error(reference.location(), "unknown feature '" + feature + "' of component '"
                                + reference.name() + "'", !suggestion.isEmpty() ? suggestion
                                        : definition.features().isEmpty() ? "the component declares no features"
                                                : "features: " + String.join(", ", definition.features()));
                    }
                }
                String workDirectory = host.targetDirectory() + "/work/" + definition.name();
                roots.add(new RootState(id, host, definition, reference, workDirectory,
                        reference.ignored() || host.declaration().ignored()));
            }
        }
    }

    /** The overrides of the environment file, then those of the secrets. */
    private List<ComponentOverrides> allOverrides() {
        List<ComponentOverrides> all = new ArrayList<>(environment.overrides().values());
        if (environment.secrets() != null) {
            all.addAll(environment.secrets().overrides().values());
        }
        return all;
    }

    private void checkOverrides() {
        Set<String> deployed = new HashSet<>();
        roots.forEach(root -> deployed.add(root.definition.name()));
        checkSecretsAgainstEnvironment();
        for (ComponentOverrides overrides : allOverrides()) {
            ComponentDefinition definition = project.component(overrides.component());
            if (definition == null) {
                String suggestion = Suggestions.didYouMean(overrides.component(), project.components().keySet());
                diagnostics.error(overrides.location(), "overrides for unknown component '" + overrides.component()
                        + "'", suggestion);
                continue;
            }
            for (ComponentOverrides.Override override : overrides.values().values()) {
                if (!definition.attributes().containsKey(override.attribute())) {
                    String suggestion = Suggestions.didYouMean(override.attribute(),
                            definition.attributes().keySet());
                    diagnostics.error(override.location(), "override for unknown attribute '" + override.attribute()
                            + "' of component '" + definition.name() + "'", suggestion.isEmpty()
                                    ? "attributes: " + String.join(", ", definition.attributes().keySet())
                                    : suggestion);
                }
            }
            if (!deployed.contains(definition.name())) {
                diagnostics.warning(overrides.location(), "overrides for component '" + definition.name()
                        + "', which no host of environment '" + environment.name() + "' deploys", null);
            }
        }
    }

    /** A value set both in environment.yaml and in the secrets is an error naming both places. */
    private void checkSecretsAgainstEnvironment() {
        if (environment.secrets() == null) {
            return;
        }
        for (ComponentOverrides secret : environment.secrets().overrides().values()) {
            ComponentOverrides plain = environment.overrides().get(secret.component());
            if (plain == null) {
                continue;
            }
            for (ComponentOverrides.Override override : secret.values().values()) {
                ComponentOverrides.Override twin = plain.values().get(override.attribute());
                if (twin != null) {
                    diagnostics.error(override.location(), "'" + secret.component() + "." + override.attribute()
                            + "' is set both in " + environment.file() + " (line " + twin.location().line()
                            + ") and in " + environment.secrets().file(),
                            "keep it in one place: sensitive values belong in the secrets");
                }
            }
        }
        for (String host : environment.secrets().hostData().keySet()) {
            if (environment.hosts().stream().noneMatch(h -> h.name().equals(host))) {
                List<String> names = environment.hosts().stream().map(HostDeclaration::name).toList();
                String suggestion = batou.template.Suggestions.didYouMean(host, names);
                diagnostics.error(environment.secrets().hostData().get(host).location(), "secret data for unknown host '"
                        + host + "'", suggestion.isEmpty() ? "hosts: " + String.join(", ", names) : suggestion);
            }
        }
    }

    // --- resources -------------------------------------------------------------------------------------------

    private void collectRequirements() {
        Map<String, List<RootState>> providers = new HashMap<>();
        Map<String, Map<HostSetup, List<RootState>>> providersByHost = new HashMap<>();
        for (RootState root : roots) {
            for (ProvideDeclaration provide : root.definition.provides()) {
                providers.computeIfAbsent(provide.resource(), k -> new ArrayList<>()).add(root);
                providersByHost.computeIfAbsent(provide.resource(), k -> new java.util.IdentityHashMap<>())
                        .computeIfAbsent(root.host, k -> new ArrayList<>()).add(root);
            }
        }
        for (RootState root : roots) {
            for (ComponentDefinition owner : usedDefinitions(root)) {
                for (RequireDeclaration require : owner.requires()) {
                    List<RootState> matching = require.host() == HostFilter.ANY
                            ? providers.getOrDefault(require.resource(), List.of())
                            : providersByHost.getOrDefault(require.resource(), Map.of())
                                    .getOrDefault(root.host, List.of());
                    root.requirements.add(new RootState.Requirement(require, owner, List.copyOf(matching)));
                }
            }
        }
    }

    /** The root's definition and every component it includes as a part, statically (conditions ignored). */
    private List<ComponentDefinition> usedDefinitions(RootState root) {
        List<ComponentDefinition> used = new ArrayList<>();
        collectUsed(root.definition, root.host.platform(), used);
        return used;
    }

    private void collectUsed(ComponentDefinition definition, String platform, List<ComponentDefinition> used) {
        if (used.contains(definition)) {
            return;
        }
        used.add(definition);
        for (PartDeclaration part : definition.partsFor(platform)) {
            if (part instanceof PartDeclaration.Component component) {
                ComponentDefinition child = project.component(component.component());
                if (child != null) {
                    collectUsed(child, platform, used);
                }
            }
        }
    }

    private DependencyGraph<RootState> deployGraph() {
        DependencyGraph<RootState> graph = new DependencyGraph<>();
        roots.forEach(graph::addNode);
        for (RootState root : roots) {
            for (RootState.Requirement requirement : root.requirements) {
                for (RootState provider : requirement.providers()) {
                    if (provider.definition == root.definition) {
                        continue; // members of one cluster (peers) do not wait for each other
                    }
                    if (requirement.declaration().reverse()) {
                        graph.addEdge(provider, root);
                    } else {
                        graph.addEdge(root, provider);
                    }
                }
            }
        }
        return graph;
    }

    private void reportCycles(DependencyGraph<RootState> graph) {
        for (List<RootState> cycle : graph.cycles()) {
            RootState first = cycle.get(0);
            RootState second = cycle.get(1);
            SourceLocation location = first.reference.location();
            for (RootState.Requirement requirement : first.requirements) {
                if (requirement.providers().contains(second)) {
                    location = requirement.declaration().location();
                    break;
                }
            }
            diagnostics.error(location, "dependency cycle: " + String.join(" -> ",
                    cycle.stream().map(root -> root.id.describe()).toList()),
                    "break it with reverse: true on one requirement, or move a resource");
        }
    }

    /**
     * Orders the roots so that providers come before their consumers, and computes the provided values of roots
     * whose values depend on each other in a circle: rounds repeat until nothing changes. The other roots get
     * their values in the final pass, which follows the returned order.
     */
    private List<RootState> provideToFixPoint() {
        DependencyGraph<RootState> flow = new DependencyGraph<>();
        roots.forEach(flow::addNode);
        for (RootState root : roots) {
            for (RootState.Requirement requirement : root.requirements) {
                requirement.providers().forEach(provider -> flow.addEdge(root, provider));
            }
        }
        List<RootState> order = new ArrayList<>(roots.size());
        for (List<Integer> component : flow.stronglyConnected()) {
            List<RootState> members = component.stream().map(flow::node).toList();
            order.addAll(members);
            if (members.size() == 1) {
                continue;
            }
            for (int round = 0; round < members.size() + 2; round++) {
                boolean changed = false;
                for (RootState root : members) {
                    Map<String, Object> before = root.provided;
                    root.provided = evaluateProvides(root, rootInstance(root, new Diagnostics()), new Diagnostics());
                    changed |= !before.equals(root.provided);
                }
                if (!changed && round > 0) {
                    break;
                }
            }
        }
        return order;
    }

    private Map<String, Object> evaluateProvides(RootState root, ComponentInstance instance, Diagnostics sink) {
        Map<String, Object> provided = new LinkedHashMap<>();
        for (ProvideDeclaration provide : root.definition.provides()) {
            try {
                Object value = expander.expand(provide.value(), instance.scope());
                provided.put(provide.resource(), value);
                if (expander.references(provide.value(), instance.sensitiveNames()) && SensitiveDisplay.of(
                        scope -> expander.expand(provide.value(), scope), value, instance.scope(),
                        instance.sensitiveNames()).dependent()) {
                    root.sensitiveProvided.add(provide.resource());
                }
            } catch (ExpansionException e) {
                sink.error(e.location(), "cannot expand resource '" + provide.resource() + "' provided by "
                        + root.id.describe() + ": " + e.detail());
            } catch (DependentFailure e) {
                // reported where it happened
            }
        }
        return provided;
    }

    private void checkRequirements(RootState root) {
        for (RootState.Requirement requirement : root.requirements) {
            RequireDeclaration require = requirement.declaration();
            int count = requirement.providers().size();
            if (count == 0 && require.strict()) {
                diagnostics.error(require.location(), "unsatisfied resource '" + require.resource()
                        + "' required by " + root.id.describe(), "no component "
                                + (require.host() == HostFilter.SAME ? "on host '" + root.host.name() + "' " : "")
                                + "in environment '" + environment.name() + "' provides it");
            } else if (require.one() && count > 1) {
                diagnostics.error(require.location(), root.id.describe() + " requires exactly one '"
                        + require.resource() + "', but " + count + " provide it: " + String.join(", ",
                                requirement.providers().stream().map(p -> p.id.describe()).toList()),
                        "limit it with host: same, or deploy a single provider");
            }
        }
    }

    private void reportUnusedResources() {
        Set<String> required = new HashSet<>();
        roots.forEach(root -> root.requirements.forEach(r -> required.add(r.declaration().resource())));
        Map<ProvideDeclaration, List<RootState>> unused = new LinkedHashMap<>();
        for (RootState root : roots) {
            for (ProvideDeclaration provide : root.definition.provides()) {
                if (!required.contains(provide.resource())) {
                    unused.computeIfAbsent(provide, k -> new ArrayList<>()).add(root);
                }
            }
        }
        unused.forEach((provide, providers) -> {
            String message = "resource '" + provide.resource() + "' provided by '" + providers.get(0).definition.name()
                    + "' is not required by any component in environment '" + environment.name() + "'";
            if (strictResources) {
                diagnostics.error(provide.location(), message, "remove it, or require it somewhere");
            } else {
                diagnostics.warning(provide.location(), message, null);
            }
        });
    }

    // --- instances -------------------------------------------------------------------------------------------

    private ComponentInstance rootInstance(RootState root, Diagnostics sink) {
        Map<String, Object> fixed = baseScope(root, root.definition);
        Set<String> sensitiveFixed = baseSensitive(root);
        addRequirementValues(root, root.definition, fixed, sensitiveFixed);
        Map<String, ValueSource> sources = new HashMap<>();
        for (ComponentOverrides overrides : allOverrides()) {
            if (overrides.component().equals(root.definition.name())) {
                overrides.values().values().forEach(override -> sources.putIfAbsent(override.attribute(),
                        new ValueSource(override.value(), null, override.sensitive(), override.value().location(),
                                override.location().file())));
            }
        }
        return new ComponentInstance(root.definition, root.id.describe(), fixed, sensitiveFixed, sources,
                root.reference.location(), "set it under 'components: " + root.definition.name() + ":' in "
                        + environment.file(),
                expander, sink);
    }

    private ComponentInstance subComponent(RootState root, ComponentInstance parent, ComponentDefinition child,
            PartDeclaration.Component part) {
        Map<String, Object> fixed = baseScope(root, child);
        Set<String> sensitiveFixed = baseSensitive(root);
        addRequirementValues(root, child, fixed, sensitiveFixed);
        Map<String, ValueSource> sources = new HashMap<>();
        YMapping with = part.with();
        if (with != null) {
            for (YMapping.Entry entry : with.entries()) {
                if (!child.attributes().containsKey(entry.name())) {
                    String suggestion = Suggestions.didYouMean(entry.name(), child.attributes().keySet());
                    parent.diagnostics().error(entry.key().location(), "unknown attribute '" + entry.name()
                            + "' for component '" + child.name() + "'", suggestion.isEmpty()
                                    ? "attributes: " + String.join(", ", child.attributes().keySet()) : suggestion);
                    continue;
                }
                boolean sensitive;
                try {
                    sensitive = expander.references(entry.value(), parent.sensitiveNames());
                } catch (ExpansionException e) {
                    sensitive = false;
                }
                sources.put(entry.name(), new ValueSource(entry.value(), parent.scope(), sensitive,
                        entry.value().location(), "with"));
            }
        }
        return new ComponentInstance(child, "'" + child.name() + "' in " + parent.description(), fixed,
                sensitiveFixed, sources, part.location(), "pass it with 'with: {...}'", expander,
                parent.diagnostics());
    }

    private Set<String> baseSensitive(RootState root) {
        Set<String> sensitive = new HashSet<>();
        for (String key : root.host.context().secretData()) {
            sensitive.add(Expander.path("host", "data", key)); // not host.name, nor the host's other data
        }
        sensitive.add("secrets"); // the secret files, as text and as base64
        return sensitive;
    }

    private Map<String, Object> baseScope(RootState root, ComponentDefinition definition) {
        Map<String, Object> fixed = new HashMap<>();
        fixed.put("host", root.host.context());
        fixed.put("environment", environmentContext);
        fixed.put("component", Map.of("name", definition.name(), "workdir", root.workDirectory));
        fixed.put("features", root.reference.features());
        if (secretsContext != null) {
            fixed.put("secrets", secretsContext);
        }
        return fixed;
    }

    private void addRequirementValues(RootState root, ComponentDefinition owner, Map<String, Object> fixed,
            Set<String> sensitive) {
        for (RootState.Requirement requirement : root.requirementsOf(owner)) {
            List<Object> values = new ArrayList<>();
            boolean secret = false;
            for (RootState provider : requirement.providers()) {
                Object value = provider.provided.get(requirement.declaration().resource());
                if (value != null || provider.provided.containsKey(requirement.declaration().resource())) {
                    values.add(value);
                    secret |= provider.sensitiveProvided.contains(requirement.declaration().resource());
                }
            }
            String name = requirement.declaration().name();
            if (requirement.declaration().one()) {
                fixed.put(name, values.size() == 1 ? values.get(0) : null);
            } else {
                fixed.put(name, List.copyOf(values.stream().map(v -> v == null ? "" : v).toList()));
            }
            if (secret) {
                sensitive.add(name);
            }
        }
    }

    // --- final pass and plan ---------------------------------------------------------------------------------

    private Map<RootId, RootPlan> finalPass(DependencyGraph<RootState> graph, List<RootState> flowOrder) {
        Map<RootId, RootPlan> plans = new HashMap<>();
        for (RootState root : flowOrder) {
            checkRequirements(root);
            ComponentInstance instance = rootInstance(root, diagnostics);
            Map<String, Object> attributes = instance.attributes();
            Map<String, Object> provided = evaluateProvides(root, instance, diagnostics);
            root.provided = provided;
            List<PartNode> partNodes = parts.build(root, instance);
            Set<String> sensitive = new HashSet<>(instance.sensitiveNames());
            sensitive.retainAll(attributes.keySet());
            List<RootId> dependsOn = deployedDependencies(graph, root, new HashSet<>()).stream().map(r -> r.id)
                    .toList();
            Set<String> sensitiveProvided = new HashSet<>(root.sensitiveProvided);
            sensitiveProvided.retainAll(provided.keySet());
            plans.put(root.id, new RootPlan(root.id, root.reference.features(), root.workDirectory, attributes,
                    sensitive, provided, sensitiveProvided, partNodes, dependsOn));
        }
        return plans;
    }

    /**
     * The roots {@code root} waits for that are deployed: an ignored root is not deployed, so its place is taken
     * by the roots it waits for itself (as if it finished as soon as they did), unless another dependency of
     * {@code root} already waits for them.
     */
    private static List<RootState> deployedDependencies(DependencyGraph<RootState> graph, RootState root,
            Set<RootState> visited) {
        List<RootState> direct = new ArrayList<>();
        List<RootState> inherited = new ArrayList<>();
        for (RootState dependency : graph.dependencies(root)) {
            if (dependency.ignored) {
                if (visited.add(dependency)) { // a cycle is reported elsewhere
                    inherited.addAll(deployedDependencies(graph, dependency, visited));
                }
            } else {
                direct.add(dependency);
            }
        }
        List<RootState> deployed = new ArrayList<>(direct);
        for (RootState dependency : inherited) {
            if (!deployed.contains(dependency) && direct.stream().noneMatch(d -> waitsFor(graph, d, dependency,
                    new HashSet<>()))) {
                deployed.add(dependency);
            }
        }
        return deployed;
    }

    private static boolean waitsFor(DependencyGraph<RootState> graph, RootState root, RootState other,
            Set<RootState> seen) {
        for (RootState dependency : graph.dependencies(root)) {
            if (dependency == other || seen.add(dependency) && waitsFor(graph, dependency, other, seen)) {
                return true;
            }
        }
        return false;
    }

    /** The plan of what is deployed: ignored hosts and roots were configured, but are left out here. */
    private DeploymentPlan plan(DependencyGraph<RootState> graph, Map<RootId, RootPlan> plans) {
        List<RootState> order = graph.order().stream().filter(root -> !root.ignored).toList();
        Map<HostSetup, List<RootPlan>> byHost = new java.util.IdentityHashMap<>();
        for (RootState root : order) {
            byHost.computeIfAbsent(root.host, k -> new ArrayList<>()).add(plans.get(root.id));
        }
        List<HostPlan> hostPlans = new ArrayList<>();
        for (HostSetup host : hosts) {
            if (host.declaration().ignored()) {
                continue;
            }
            hostPlans.add(new HostPlan(host.name(), host.fqdn(), host.platform(), host.connect(),
                    host.serviceUser(), host.targetDirectory(), host.sshConfig(), host.agentLinger(), host.data(),
                    byHost.getOrDefault(host, List.of())));
        }
        YNode jobsNode = environment.settings().get(EnvironmentSettings.JOBS);
        long jobs = jobsNode != null && jobsNode.toValue() instanceof Long value ? value
                : EnvironmentSettings.DEFAULT_JOBS;
        return new DeploymentPlan(environment.name(), jobs, hostPlans,
                order.stream().map(root -> root.id).toList(), ignoredHosts, ignoredComponents);
    }
}
