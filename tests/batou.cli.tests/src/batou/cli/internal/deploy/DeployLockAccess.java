package batou.cli.internal.deploy;

import java.io.IOException;
import java.nio.file.Path;

/** Lets tests hold the deploy lock as a concurrent run would. */
public final class DeployLockAccess {

    private DeployLockAccess() {
    }

    public static AutoCloseable hold(Path project, String environment) throws IOException, DeployLock.HeldException {
        return DeployLock.acquire(project, environment);
    }
}
