package batou.lib.internal;

import java.io.IOException;
import java.nio.file.Path;

import batou.engine.files.FileStatus;
import batou.engine.files.SafePath;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;

/**
 * Files of the project that parts copy ({@code source}), read through {@link SafePath#following}: a link is
 * followed only when root or the deploying user could have made it.
 */
public final class ProjectSources {

    private ProjectSources() {
    }

    /** The bytes of the project file {@code source} of the part for {@code path}. */
    public static byte[] read(PartContext context, String source, String path) throws IOException, PartFailure {
        Path file = context.projectFile(source);
        try (SafePath located = SafePath.following(file)) {
            FileStatus status = located.status();
            if (!status.isFile()) {
                throw new PartFailure("source file '" + source + "' of " + path + " not found (looked for " + file
                        + ")");
            }
            return located.read(Integer.MAX_VALUE - 8);
        }
    }
}
