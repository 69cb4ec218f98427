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

    /** Environment variables for commands: the process environment of the deployment. */
    Map<String, String> environment();

    /** Where and how commands run: the deployment process's private run directory on the target. */
    RunDirectory runDirectory();
}
