package batou.engine.internal;

import java.nio.file.Path;

/** Paths of a plan on the machine that deploys them: {@code ~} is the home of the user running the deployment. */
public final class TargetPaths {

    private TargetPaths() {
    }

    public static Path resolve(String path) {
        if (path.equals("~")) {
            return home();
        }
        if (path.startsWith("~/")) {
            return home().resolve(path.substring(2)).normalize();
        }
        return Path.of(path).toAbsolutePath().normalize();
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }
}
