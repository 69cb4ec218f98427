package batou.lib;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import batou.engine.files.SafePath;
import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.engine.processes.CommandResult;
import batou.lib.internal.Attributes;
import batou.lib.internal.PathProperties;
import batou.lib.internal.ShellCommand;
import batou.lib.internal.TargetFiles;
import batou.model.parts.Violation;
import batou.model.plan.PartNode;

/**
 * A systemd unit {@code name} with the text {@code content} (for {@code source}, the text the model rendered), in
 * {@code ~/.config/systemd/user/} for {@code scope: user} (managed with {@code systemctl --user}) or
 * {@code /etc/systemd/system/} for {@code scope: system}. The unit file is written atomically when it differs (private
 * when its content is sensitive),
 * followed by {@code daemon-reload}; an {@code enable}d unit that {@code is-enabled} does not report as enabled is
 * enabled; with {@code restart}, the unit is restarted when its file changed or an earlier part of the component
 * changed. The systemctl program is {@code systemctl} on the PATH when systemd runs on the host, or the executable
 * named by the environment variable {@value #OVERRIDE}.
 */
final class SystemdPart implements Part {

    static final String OVERRIDE = "BATOU_SYSTEMCTL";
    static final Path SYSTEM_UNITS = Path.of("/etc/systemd/system");
    private static final long TIMEOUT_SECONDS = 120;

    private final String name;
    private final String content;
    private final String scope;
    private final boolean enable;
    private final boolean restart;
    private final boolean sensitive;
    private final PathProperties properties;

    SystemdPart(PartNode node) {
        Attributes attributes = Attributes.of(node);
        this.name = attributes.requiredString("name");
        this.content = attributes.string("content");
        this.scope = attributes.string("scope", "user");
        this.enable = attributes.bool("enable", true);
        this.restart = attributes.bool("restart", true);
        this.sensitive = attributes.sensitive("content");
        this.properties = PathProperties.none().privateContent(sensitive);
    }

    /** Where the unit file goes; the schema made sure of a file name, content and a scope of user or system. */
    private Path unitFile(PartContext context) {
        return scope.equals("system") ? SYSTEM_UNITS.resolve(name) : context.target("~/.config/systemd/user/" + name);
    }

    /** The rule over several attributes: a unit needs its text, given or rendered. */
    static List<Violation> check(Map<String, Object> values) {
        return values.get("content") == null ? List.of(Violation.of("the unit has no content", "set content or"
                + " source")) : List.of();
    }

    private String[] systemctl(PartContext context, String... arguments) throws IOException, PartFailure {
        String program = context.environment().get(OVERRIDE);
        if (program == null || program.isBlank()) {
            if (!TargetFiles.isDirectory(Path.of("/run/systemd/system"))) {
                throw new PartFailure("systemd is not running on this host");
            }
            Path found = ShellCommand.find("systemctl", context.environment());
            program = found == null ? "systemctl" : found.toString();
        }
        List<String> words = new ArrayList<>(List.of(program));
        if (scope.equals("user")) {
            words.add("--user");
        }
        words.addAll(Arrays.asList(arguments));
        return words.toArray(String[]::new);
    }

    /** What people see: {@code systemctl [--user] <arguments>}, whatever program stands in for systemctl. */
    private String display(String... arguments) {
        return "systemctl " + (scope.equals("user") ? "--user " : "") + String.join(" ", arguments);
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        Path file = unitFile(context);
        systemctl(context);
        List<Change> changes = new ArrayList<>();
        boolean fileChanges;
        boolean exists;
        try (SafePath unit = SafePath.of(file)) {
            List<Change> unitChanges = TargetFiles.differences(unit, wanted(), StandardCharsets.UTF_8, sensitive,
                    properties);
            fileChanges = !unitChanges.isEmpty();
            exists = unit.status().isFile();
            changes.addAll(unitChanges);
        }
        if (fileChanges) {
            changes.add(new Change.Command(display("daemon-reload")));
        }
        if (enable && (!exists || !enabled(context))) {
            changes.add(new Change.Command(display("enable", name)));
        }
        if (restart && (fileChanges || context.earlierPartChanged())) {
            changes.add(new Change.Command(display("restart", name)));
        }
        return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        Path file = unitFile(context);
        boolean fileChanges;
        try (SafePath unit = TargetFiles.locate(file, true)) {
            fileChanges = !TargetFiles.differences(unit, wanted(), StandardCharsets.UTF_8, sensitive, properties)
                    .isEmpty();
            if (fileChanges) {
                TargetFiles.converge(unit, wanted(), properties);
            }
        }
        if (fileChanges) {
            run(context, "daemon-reload");
        }
        if (enable && !enabled(context)) {
            run(context, "enable", name);
        }
        if (restart && (fileChanges || context.earlierPartChanged())) {
            run(context, "restart", name);
        }
    }

    private byte[] wanted() {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    private boolean enabled(PartContext context) throws Exception {
        return execute(context, "is-enabled", name).exitCode() == 0;
    }

    private void run(PartContext context, String... arguments) throws Exception {
        CommandResult result = execute(context, arguments);
        if (result.exitCode() != 0) {
            String output = result.tail(10);
            throw new PartFailure(display(arguments) + " exited with " + result.exitCode() + ": "
                    + (output.isEmpty() ? "(no output)" : output));
        }
    }

    private CommandResult execute(PartContext context, String... arguments) throws Exception {
        CommandResult result = ShellCommand.run(context, ShellCommand.line(systemctl(context, arguments)),
                TIMEOUT_SECONDS);
        if (result.timedOut()) {
            throw new PartFailure(display(arguments) + " timed out after " + TIMEOUT_SECONDS + " s");
        }
        return result;
    }
}
