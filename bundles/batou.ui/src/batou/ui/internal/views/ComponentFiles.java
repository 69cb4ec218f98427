package batou.ui.internal.views;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The files of a component's folder that the explorer shows: regular files (no links), component.yaml first. */
final class ComponentFiles {

    /** Deeper files are not shown (templates live at the top or a level or two below). */
    private static final int DEPTH = 4;
    /** At most this many are shown. */
    private static final int LIMIT = 500;

    private ComponentFiles() {
    }

    /** The files' paths relative to {@code folder}, with '/', sorted; empty when it cannot be read. */
    static List<String> of(Path folder) {
        try (Stream<Path> files = Files.walk(folder, DEPTH)) { // links to folders are not followed
            return files.filter(file -> Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS))
                    .map(file -> folder.relativize(file).toString().replace('\\', '/'))
                    .sorted((a, b) -> a.equals("component.yaml") ? -1 : b.equals("component.yaml") ? 1
                            : a.compareTo(b))
                    .limit(LIMIT).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return List.of();
        }
    }
}
