package batou.lib;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.engine.processes.CommandResult;
import batou.engine.processes.RunDirectory;
import batou.lib.internal.Attributes;
import batou.lib.internal.ShellCommand;
import batou.lib.internal.TargetFiles;
import batou.model.plan.PartNode;

/**
 * A shell command ({@code run}, executed by {@code /bin/sh}) in {@code cwd} (default: the work directory) with the
 * deployment's environment plus {@code environment}, which the shell exports from a private file: neither the text
 * nor those variables are visible to other users of the host (see {@link RunDirectory}). It runs unless a guard says
 * there is nothing to do: {@code when: changed} and no earlier part of the component changed ({@code when:
 * parent_changed}: nor had a part of a component that includes it), the {@code creates} path exists, or the
 * {@code unless} command succeeds. Without a guard, a command runs, and reports a change, on every deploy.
 *
 * <p>Verify never runs {@code run}, but it does run {@code unless}, also while predicting: an {@code unless}
 * command must only inspect, never change anything. Both are killed, with every process they started, after
 * {@code timeout} seconds, when the deployment is interrupted and when the process deploying the host ends. A
 * command whose {@code run} is sensitive is never shown, only a placeholder.
 */
final class CommandPart implements Part {

    static final String HIDDEN = "(command hidden: contains sensitive data)";
    private static final int OUTPUT_LINES = 20;

    private final String run;
    private final String unless;
    private final String creates;
    private final String when;
    private final String cwd;
    private final Map<String, String> environment;
    private final long timeout;
    private final String display;
    private final String unlessDisplay;

    CommandPart(PartNode node) {
        Attributes attributes = Attributes.of(node);
        this.run = attributes.requiredString("run");
        this.unless = attributes.string("unless");
        this.creates = attributes.string("creates");
        this.when = attributes.string("when", "always");
        this.cwd = attributes.string("cwd");
        this.environment = attributes.stringMap("environment");
        this.timeout = attributes.integer("timeout", 300L);
        // the model's label of a sensitive command masks what is sensitive in it; a node without one shows nothing
        this.display = !attributes.sensitive("run") ? run : node.label().equals(run) ? HIDDEN : node.label();
        this.unlessDisplay = attributes.sensitive("unless") ? HIDDEN : unless;
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        if (when.equals("changed") && !context.earlierPartChanged()
                || when.equals("parent_changed") && !context.earlierPartChanged() && !context.parentChanged()) {
            return Verdict.upToDate();
        }
        if (creates != null && TargetFiles.exists(context.target(creates))) {
            return Verdict.upToDate();
        }
        if (unless != null) {
            Path directory = directory(context);
            // while predicting, the directory may be one an earlier part would create: then the guard cannot
            // run yet and the command is reported as running
            if (TargetFiles.isDirectory(directory) || !context.predict()) {
                CommandResult guard = run(context, unless, unlessDisplay);
                if (guard.timedOut()) {
                    throw new PartFailure("guard 'unless: " + unlessDisplay + "' of command '" + display
                            + "' timed out after " + timeout + " s");
                }
                if (guard.exitCode() == 0) {
                    return Verdict.upToDate();
                }
            }
        }
        return Verdict.update(new Change.Command(display));
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        CommandResult result = run(context, run, display);
        if (result.timedOut()) {
            throw new PartFailure("command '" + display + "' timed out after " + timeout + " s and was killed");
        }
        if (result.exitCode() != 0) {
            String output = result.tail(OUTPUT_LINES);
            throw new PartFailure("command '" + display + "' exited with " + result.exitCode() + ": "
                    + (output.isEmpty() ? "(no output)" : output));
        }
    }

    private Path directory(PartContext context) {
        return cwd == null ? context.workDirectory() : context.target(cwd);
    }

    /**
     * The working directory, reached without a link another user could have planted (the command then starts there by
     * path: a swap in between is the race documented for commands).
     */
    private Path checkedDirectory(PartContext context) throws PartFailure, IOException {
        Path directory = directory(context);
        if (!TargetFiles.isDirectory(directory)) {
            throw new PartFailure("working directory " + directory + " of command '" + display
                    + "' does not exist");
        }
        return directory;
    }

    private CommandResult run(PartContext context, String script, String scriptDisplay) throws Exception {
        for (Map.Entry<String, String> variable : environment.entrySet()) {
            String invalid = RunDirectory.invalidVariable(variable.getKey(), variable.getValue());
            if (invalid != null) {
                throw new PartFailure("command '" + display + "': environment: " + invalid);
            }
        }
        return ShellCommand.run(context, script, scriptDisplay, checkedDirectory(context), environment, timeout);
    }
}
