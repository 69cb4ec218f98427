package batou.ui.internal.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;

import batou.engine.Json;

/**
 * The finished runs of each project, kept across restarts of the workbench: a JSON file per run (as the view showed
 * it: masked log, states, changed files; see {@link StoredRun}) in a folder per project under the workbench's state
 * location, never in the project (that would make its git state dirty). The newest {@value #KEPT} runs of a project
 * are kept; a run larger than 1 MiB of JSON is not.
 */
public final class RunStore {

    static final int KEPT = 30;

    /** What {@link Json#read} reads at most. */
    private static final int MAX_CHARS = 1 << 20;

    private final Path directory;

    /** A store in {@code directory} (created when the first run is saved). */
    public RunStore(Path directory) {
        this.directory = directory;
    }

    /** The stored runs of {@code project}, newest first; unreadable files are left out. */
    public List<DeploymentRun> load(Path project) {
        List<DeploymentRun> runs = new ArrayList<>();
        for (Path file : files(project)) {
            try {
                runs.add(StoredRun.read(Json.read(Files.readString(file, StandardCharsets.UTF_8))));
            } catch (IOException | IllegalArgumentException | ClassCastException e) {
                // a file from another version or cut short: the run is left out of the history
            }
        }
        return runs;
    }

    /** Stores {@code run} of {@code project}, then forgets the oldest beyond {@value #KEPT}. Never throws. */
    public void save(Path project, DeploymentRun run) {
        Path folder = folder(project);
        try {
            Files.createDirectories(folder);
            Path file = folder.resolve(run.started().toEpochMilli() + ".json");
            Path partial = folder.resolve(file.getFileName() + ".tmp");
            String text = Json.write(StoredRun.of(run), 0);
            if (text.length() > MAX_CHARS) {
                ILog.of(getClass()).log(Status.warning("the run of " + run.environment() + " started "
                        + run.started() + " is too large to keep in the history (" + text.length() + " characters)"));
                return;
            }
            Files.writeString(partial, text, StandardCharsets.UTF_8);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.writeString(folder.resolve("project.txt"), project.toString() + "\n", StandardCharsets.UTF_8);
            List<Path> files = files(project);
            for (Path old : files.subList(Math.min(KEPT, files.size()), files.size())) {
                Files.deleteIfExists(old);
            }
        } catch (IOException | RuntimeException e) {
            ILog.of(getClass()).log(Status.warning("cannot keep the run in the history: " + e.getMessage()));
        }
    }

    /** The run files of {@code project}, newest first. */
    private List<Path> files(Path project) {
        Path folder = folder(project);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().matches("\\d+\\.json"))
                    .sorted((a, b) -> Long.compare(millis(b), millis(a))).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long millis(Path file) {
        String name = file.getFileName().toString();
        return Long.parseLong(name.substring(0, name.length() - ".json".length()));
    }

    /** A folder per project, named after a hash of its absolute path (any path is a valid name then). */
    private Path folder(Path project) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(project.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return directory.resolve(HexFormat.of().formatHex(hash, 0, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** For tests: the folder of {@code project}'s runs. */
    Path folderOf(Path project) {
        return folder(project);
    }
}
