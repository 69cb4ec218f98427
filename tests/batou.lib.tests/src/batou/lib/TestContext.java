package batou.lib;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.Verdict;
import batou.engine.processes.RunDirectory;
import batou.test.harness.TempProject;

/**
 * A {@link PartContext} over temporary folders: a work directory, a project, a home for {@code ~} and a state
 * directory for the commands' run directory; closing it ends the commands still running.
 */
final class TestContext implements PartContext, AutoCloseable {

    private final Path workDirectory;
    private final Path project;
    private final Path home;
    private boolean predict;
    private boolean earlierPartChanged;
    private boolean parentChanged;
    private final Map<String, String> environment = new LinkedHashMap<>(System.getenv());
    private final RunDirectory runDirectory;
    private final batou.engine.internal.SensitiveFiles sensitiveFiles = batou.engine.internal.SensitiveFiles.inMemory();

    TestContext(Path root) throws IOException {
        this.workDirectory = Files.createDirectories(root.resolve("work"));
        this.project = Files.createDirectories(root.resolve("project"));
        this.home = Files.createDirectories(root.resolve("home"));
        this.runDirectory = RunDirectory.of(root.resolve("state"), false);
    }

    TestContext predicting(boolean value) {
        this.predict = value;
        return this;
    }

    TestContext earlierPartChanged(boolean value) {
        this.earlierPartChanged = value;
        return this;
    }

    TestContext parentChanged(boolean value) {
        this.parentChanged = value;
        return this;
    }

    Path project() {
        return project;
    }

    Path home() {
        return home;
    }

    /** Writes a project file, e.g. {@code components/app/app.ini}, and returns its path. */
    Path projectFile(String relative, String text) throws IOException {
        return new TempProject(project).write(relative, text).path(relative);
    }

    /** Verifies {@code part} and, when it needs an update and this is not a prediction, updates it. */
    Verdict deploy(Part part) throws Exception {
        Verdict verdict = part.verify(this);
        if (verdict.needsUpdate() && !predict) {
            part.update(this, verdict);
        }
        return verdict;
    }

    @Override
    public Path workDirectory() {
        return workDirectory;
    }

    @Override
    public Path target(String path) {
        if (path.equals("~")) {
            return home;
        }
        if (path.startsWith("~/")) {
            return home.resolve(path.substring(2));
        }
        return workDirectory.resolve(path);
    }

    @Override
    public Path projectFile(String relative) {
        return project.resolve(relative);
    }

    @Override
    public boolean predict() {
        return predict;
    }

    @Override
    public boolean earlierPartChanged() {
        return earlierPartChanged;
    }

    @Override
    public boolean parentChanged() {
        return parentChanged;
    }

    @Override
    public Map<String, String> environment() {
        return environment;
    }

    @Override
    public RunDirectory runDirectory() {
        return runDirectory;
    }

    @Override
    public boolean heldSensitiveContent(Path file) {
        return sensitiveFiles.contains(file);
    }

    @Override
    public void recordSensitiveContent(Path file, boolean sensitive) throws IOException {
        if (!predict) {
            sensitiveFiles.set(file, sensitive);
        }
    }

    @Override
    public void close() {
        runDirectory.close();
    }
}
