package batou.secrets.age;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs the real age, age-keygen and ssh-keygen command line tools for interop tests. */
final class AgeCli {

    /** The outcome of one command. */
    record Result(int exitCode, byte[] stdout, String stderr) {
        String out() {
            return new String(stdout, StandardCharsets.UTF_8);
        }
    }

    private AgeCli() {
    }

    static Path tool(String name, String debianPackage) {
        String path = System.getenv("PATH");
        List<String> dirs = new ArrayList<>(List.of((path == null ? "" : path).split(":")));
        dirs.add("/usr/bin");
        for (String dir : dirs) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, name);
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        return fail("the '" + name + "' command is missing; install the Debian package '" + debianPackage
                + "' (apt-get install " + debianPackage + "; the project's run-tests script installs it)");
    }

    static Result run(byte[] stdin, String... command) {
        List<String> line = new ArrayList<>(List.of(command));
        line.set(0, tool(command[0], command[0].startsWith("ssh") ? "openssh-client" : "age").toString());
        try {
            Process process = new ProcessBuilder(line).start();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
            CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin);
            } catch (IOException e) {
                // the tool may exit before reading all input; its exit code tells
            }
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                fail("timed out: " + line);
            }
            return new Result(process.exitValue(), out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a command that must succeed and returns its standard output. */
    static byte[] ok(byte[] stdin, String... command) {
        Result result = run(stdin, command);
        if (result.exitCode() != 0) {
            fail(String.join(" ", command) + " exited with " + result.exitCode() + ": " + result.stderr());
        }
        return result.stdout();
    }

    /** Makes an age identity file with age-keygen. */
    static Path ageKeygen(Path dir, String name) {
        Path file = dir.resolve(name);
        ok(new byte[0], "age-keygen", "-o", file.toString());
        return file;
    }

    /** @return the public key of an age identity file, as age-keygen -y prints it */
    static String agePublicKey(Path identityFile) {
        return new String(ok(new byte[0], "age-keygen", "-y", identityFile.toString()), StandardCharsets.US_ASCII)
                .strip();
    }

    /** Makes an ssh-ed25519 key pair with ssh-keygen; the public key is at name.pub. */
    static Path sshKeygen(Path dir, String name, String passphrase) {
        Path file = dir.resolve(name);
        ok(new byte[0], "ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-C", "test@batou", "-f",
                file.toString());
        return file;
    }

    /** Makes a key pair with ssh-keygen and extra options (e.g. -t rsa, -Z cipher); the public key is at name.pub. */
    static Path sshKeygen(Path dir, String name, String passphrase, String... options) {
        Path file = dir.resolve(name);
        List<String> command = new ArrayList<>(List.of("ssh-keygen", "-q", "-N", passphrase, "-C", "test@batou",
                "-f", file.toString()));
        command.addAll(List.of(options));
        ok(new byte[0], command.toArray(String[]::new));
        return file;
    }

    /** Makes an ssh-rsa key pair of the given size with ssh-keygen; the public key is at name.pub. */
    static Path sshKeygenRsa(Path dir, String name, int bits, String passphrase) {
        Path file = dir.resolve(name);
        ok(new byte[0], "ssh-keygen", "-q", "-t", "rsa", "-b", Integer.toString(bits), "-N", passphrase, "-C",
                "test@batou", "-f", file.toString());
        return file;
    }

    private static byte[] readAll(InputStream in) {
        try (in) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
