package batou.product;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The materialized product under test and a way to run its launchers. */
final class Product {

    private Product() {
    }

    /** The product root: the folder with the {@code batou} and {@code batou-workbench} scripts. */
    static Path home() {
        String home = System.getProperty("batou.product.home");
        if (home == null) {
            throw new IllegalStateException("system property batou.product.home is not set: run through Maven");
        }
        Path path = Path.of(home).toAbsolutePath().normalize();
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("no product at " + path + ": build releng/batou.product first");
        }
        return path;
    }

    /** The root of the batou checkout that built the product. */
    static Path checkout() {
        return Path.of(System.getProperty("batou.checkout", "../..")).toAbsolutePath().normalize();
    }

    /** The outcome of one launcher run. */
    record Run(int exitCode, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
        }
    }

    /** Starts a launcher script with {@code arguments}, in {@code workDir}, and waits at most two minutes. */
    static Run run(Path workDir, String script, String... arguments) throws IOException, InterruptedException {
        return run(workDir, java.util.Map.of(), script, arguments);
    }

    /** The same with extra environment variables. */
    static Run run(Path workDir, java.util.Map<String, String> environment, String script, String... arguments)
            throws IOException, InterruptedException {
        Process process = start(workDir, environment, script, arguments);
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not finish within two minutes");
        }
        return new Run(process.exitValue(), read(workDir.resolve("stdout")), read(workDir.resolve("stderr")));
    }

    /**
     * Starts a launcher script without waiting, without input (as in CI); standard output and error go to files in
     * {@code workDir}.
     */
    static Process start(Path workDir, String script, String... arguments) throws IOException {
        return start(workDir, java.util.Map.of(), script, arguments);
    }

    static Process start(Path workDir, java.util.Map<String, String> environment, String script,
            String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        if (script.equals("setsid")) { // a session of its own, as a terminal starts a command: setsid SCRIPT ...
            command.add("setsid");
            script = arguments[0];
            arguments = java.util.Arrays.copyOfRange(arguments, 1, arguments.length);
        }
        command.add(home().resolve(script).toString());
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(workDir.resolve("stdout").toFile())
                .redirectError(workDir.resolve("stderr").toFile());
        builder.environment().put("HOME", workDir.toString());
        builder.environment().putAll(environment);
        return builder.start();
    }

    static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }
}
