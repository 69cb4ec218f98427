package batou.model.internal.load;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YMapping;
import batou.model.internal.yaml.YNode;
import batou.model.internal.yaml.YSequence;
import batou.model.project.ComponentOverrides;
import batou.model.project.EnvironmentSecrets;

/** Reads the decrypted YAML of {@code secrets.age}: {@code members:}, {@code components:} and {@code hosts:}. */
final class SecretsReader {

    static final List<String> KEYS = List.of("members", "components", "hosts");

    private final NodeReader nodes;

    SecretsReader(NodeReader nodes) {
        this.nodes = nodes;
    }

    EnvironmentSecrets read(String file, YNode root) {
        SourceLocation location = SourceLocation.ofFile(file);
        List<String> members = new ArrayList<>();
        Map<String, ComponentOverrides> overrides = new LinkedHashMap<>();
        Map<String, YNode> hostData = new LinkedHashMap<>();
        YMapping mapping = nodes.mapping(root, "the secrets");
        if (mapping == null) {
            return new EnvironmentSecrets(file, members, overrides, hostData, location, Map.of());
        }
        nodes.checkKeys(mapping, KEYS, "the secrets");
        YSequence list = nodes.sequence(mapping.get("members"), "'members'");
        if (list != null) {
            for (YNode item : list.items()) {
                String member = nodes.text(item, "a member");
                if (member != null) {
                    members.add(member);
                }
            }
        }
        overrides.putAll(nodes.overrides(mapping.get("components"), "the secrets", true));
        YMapping hosts = nodes.mapping(mapping.get("hosts"), "'hosts'");
        if (hosts != null) {
            for (YMapping.Entry entry : hosts.entries()) {
                if (nodes.mapping(entry.value(), "the secret data of host '" + entry.name() + "'") != null) {
                    hostData.put(entry.name(), entry.value());
                }
            }
        }
        return new EnvironmentSecrets(file, members, overrides, hostData, location, Map.of());
    }
}
