package batou.engine.parts;

import java.nio.file.Path;
import java.util.Map;

import batou.engine.processes.RunDirectory;

/** What a part may know about the deployment it runs in. Provided by the engine. */
public interface PartContext {

    /** The root component's work directory on the target; the engine creates it before the first part. */
    Path workDirectory();

    /** A path of the plan as a path on this machine: {@code ~} and {@code ~/x} are the user's home. */
    Path target(String path);

    /** A file of the project named by a project-file attribute (e.g. a directory part's {@code source}). */
    Path projectFile(String relative);

    /** True when predicting: verify only, nothing may change. */
    boolean predict();

    /** True when an earlier part of the same component changed in this run (for {@code when: changed}). */
    boolean earlierPartChanged();

    /**
     * True when, before this sub-component's parts began, a part of a component that includes it (its parent, or
     * one above) had changed in this run (for {@code when: parent_changed}); false for a root component's parts.
     */
    default boolean parentChanged() {
        return false;
    }

    /** Environment variables for commands: the process environment of the deployment. */
    Map<String, String> environment();

    /**
     * True when batou last wrote {@code file} with sensitive content: its old content must never be shown, even
     * when the new content is not sensitive.
     */
    boolean heldSensitiveContent(Path file);

    /** Records whether {@code file} now holds sensitive content (after writing it; never while predicting). */
    void recordSensitiveContent(Path file, boolean sensitive) throws java.io.IOException;

    /** Where and how commands run: the deployment process's private run directory on the target. */
    RunDirectory runDirectory();
}
