package batou.engine.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A new directory in the system's temporary folder that only this process's user may enter (mode 0700), for files
 * a command reads (e.g. a crontab to install); closing it removes it with everything in it.
 */
public final class TemporaryDirectory implements AutoCloseable {

    private final SafeDirectory parent;
    private final String name;
    private final SafeDirectory directory;

    private TemporaryDirectory(SafeDirectory parent, String name, SafeDirectory directory) {
        this.parent = parent;
        this.name = name;
        this.directory = directory;
    }

    /** Creates one named {@code <prefix>.<random>.batou-tmp}. */
    public static TemporaryDirectory create(String prefix) throws IOException {
        SafeDirectory parent = SafeDirectory.open(Path.of(System.getProperty("java.io.tmpdir")), false);
        try {
            String name = SafeDirectory.temporaryName(prefix).substring(1);
            return new TemporaryDirectory(parent, name, parent.createPrivateDirectory(name));
        } catch (IOException e) {
            parent.close();
            throw e;
        }
    }

    public SafeDirectory directory() {
        return directory;
    }

    @Override
    public void close() throws IOException {
        try {
            directory.close();
            parent.deleteTree(name);
        } finally {
            parent.close();
        }
    }
}
