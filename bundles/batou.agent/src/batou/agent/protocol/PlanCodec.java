package batou.agent.protocol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

import batou.engine.DeploymentInfo;
import batou.engine.RunMode;
import batou.model.Masking;
import batou.model.SourceLocation;
import batou.model.plan.HostPlan;
import batou.model.plan.PartNode;
import batou.model.plan.RootId;
import batou.model.plan.RootPlan;

/** The host's plan and the run's description on the wire, field by field (see {@link WireOutput}). */
final class PlanCodec {

    private static final RunMode[] MODES = RunMode.values();

    private PlanCodec() {
    }

    static void write(WireOutput out, DeploymentInfo info) {
        out.string(info.environment());
        out.string(info.commit());
        out.string(info.operator());
        out.tag(info.mode().ordinal());
    }

    static DeploymentInfo readInfo(WireInput in) throws IOException {
        String environment = in.string();
        String commit = in.string();
        String operator = in.string();
        int mode = in.tag();
        if (mode >= MODES.length) {
            throw in.malformed("unknown run mode " + mode);
        }
        return new DeploymentInfo(environment, commit, operator, MODES[mode]);
    }

    static void write(WireOutput out, HostPlan host) {
        out.string(host.name());
        out.string(host.fqdn());
        out.string(host.platform());
        out.string(host.connect());
        out.string(host.serviceUser());
        out.string(host.targetDirectory());
        out.string(host.sshConfig());
        out.longValue(host.agentLinger());
        out.map(host.data());
        out.count(host.roots().size());
        for (RootPlan root : host.roots()) {
            write(out, root);
        }
        out.strings(host.masking().patterns());
    }

    static HostPlan readHost(WireInput in) throws IOException {
        String name = in.string();
        String fqdn = in.string();
        String platform = in.string();
        String connect = in.string();
        String serviceUser = in.string();
        String targetDirectory = in.string();
        String sshConfig = in.string();
        long agentLinger = in.longValue();
        var data = in.map();
        int count = in.count();
        List<RootPlan> roots = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            roots.add(readRoot(in));
        }
        return new HostPlan(name, fqdn, platform, connect, serviceUser, targetDirectory, sshConfig, agentLinger, data,
                roots, Masking.of(in.strings()));
    }

    static void write(WireOutput out, RootId id) {
        out.string(id.host());
        out.string(id.component());
    }

    static RootId readRootId(WireInput in) throws IOException {
        return new RootId(in.text(), in.text());
    }

    private static void write(WireOutput out, RootPlan root) {
        write(out, root.id());
        out.strings(root.features());
        out.string(root.workDirectory());
        out.map(root.attributes());
        out.strings(root.sensitive());
        out.map(root.provided());
        out.strings(root.sensitiveProvided());
        writeParts(out, root.parts());
        out.count(root.dependsOn().size());
        for (RootId dependency : root.dependsOn()) {
            write(out, dependency);
        }
    }

    private static RootPlan readRoot(WireInput in) throws IOException {
        RootId id = readRootId(in);
        List<String> features = in.strings();
        String workDirectory = in.string();
        var attributes = in.map();
        var sensitive = new HashSet<>(in.strings());
        var provided = in.map();
        var sensitiveProvided = new HashSet<>(in.strings());
        List<PartNode> parts = readParts(in, 0);
        int count = in.count();
        List<RootId> dependsOn = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            dependsOn.add(readRootId(in));
        }
        return new RootPlan(id, features, workDirectory, attributes, sensitive, provided, sensitiveProvided, parts,
                dependsOn);
    }

    private static void writeParts(WireOutput out, List<PartNode> parts) {
        out.count(parts.size());
        for (PartNode part : parts) {
            out.string(part.type());
            out.string(part.label());
            out.map(part.attributes());
            out.strings(part.sensitive());
            writeParts(out, part.children());
            SourceLocation location = part.location();
            out.bool(location != null);
            if (location != null) {
                out.string(location.file());
                out.integer(location.line());
                out.integer(location.column());
            }
        }
    }

    private static List<PartNode> readParts(WireInput in, int depth) throws IOException {
        if (depth > 64) {
            throw in.malformed("parts nested deeper than 64");
        }
        int count = in.count();
        List<PartNode> parts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String type = in.text();
            String label = in.string();
            var attributes = in.map();
            var sensitive = new HashSet<>(in.strings());
            List<PartNode> children = readParts(in, depth + 1);
            SourceLocation location = in.bool() ? new SourceLocation(in.text(), in.integer(), in.integer()) : null;
            parts.add(new PartNode(type, label, attributes, sensitive, children, location));
        }
        return parts;
    }
}
