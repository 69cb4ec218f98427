package batou.test.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Local system users for tests of service users (sudo -u): created when missing, when the tests run as root. */
public final class SystemUsers {

    private SystemUsers() {
    }

    /** True when this process may create users and sudo is installed. */
    public static boolean canCreate() {
        return "root".equals(System.getProperty("user.name")) && Files.isExecutable(Path.of("/usr/bin/sudo"))
                && Files.isExecutable(Path.of("/usr/sbin/useradd"));
    }

    /** Creates {@code name} with a home folder unless it exists. */
    public static void ensure(String name) throws IOException, InterruptedException {
        if (run("id", "-u", name) == 0) {
            return;
        }
        if (run("/usr/sbin/useradd", "--create-home", "--shell", "/bin/sh", name) != 0 && run("id", "-u", name) != 0) {
            throw new IOException("cannot create the user " + name);
        }
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return process.waitFor();
    }
}
