package batou.model.internal.configure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import batou.model.plan.RootId;
import batou.model.project.ComponentDefinition;
import batou.model.project.ComponentReference;
import batou.model.project.RequireDeclaration;

/** A root component on a host while configuring: its static requirements and the values it provides. */
final class RootState {

    /** A requirement of the root or of one of its sub-components, with the roots that can satisfy it. */
    record Requirement(RequireDeclaration declaration, ComponentDefinition owner, List<RootState> providers) {
    }

    final RootId id;
    final HostSetup host;
    final ComponentDefinition definition;
    final ComponentReference reference;
    final String workDirectory;
    /** Configured (its resources flow to others) but not deployed: {@code !component}, or on a {@code !host}. */
    final boolean ignored;
    final List<Requirement> requirements = new ArrayList<>();
    Map<String, Object> provided = new LinkedHashMap<>();
    /** The provided resources whose values are computed from sensitive values. */
    final Set<String> sensitiveProvided = new HashSet<>();

    RootState(RootId id, HostSetup host, ComponentDefinition definition, ComponentReference reference,
            String workDirectory, boolean ignored) {
        this.id = id;
        this.host = host;
        this.definition = definition;
        this.reference = reference;
        this.workDirectory = workDirectory;
        this.ignored = ignored;
    }

    /** The requirements a component instance of {@code owner} declares. */
    List<Requirement> requirementsOf(ComponentDefinition owner) {
        return requirements.stream().filter(r -> r.owner() == owner).toList();
    }
}
