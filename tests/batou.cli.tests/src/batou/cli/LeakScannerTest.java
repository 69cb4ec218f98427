package batou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.IdentitySources;
import batou.secrets.SecretsDocument;
import batou.secrets.SecretsVault;
import batou.secrets.age.Identities;
import batou.test.harness.SshNetwork;
import batou.test.harness.SystemUsers;
import batou.test.harness.TempProject;

/**
 * The leak scanner: one secret used through every part type, attribute kind and failure path (commands that fail,
 * time out, print the secret or get it in their environment; URLs with credentials; paths; link targets; owners;
 * documents; cron; secret host data and secret files), deployed locally and over SSH (as the service user through
 * sudo) with {@code --json} and {@code --junit}, predicted and deployed again. While it runs a sampler reads every
 * process's {@code /proc/<pid>/cmdline} and {@code /proc/<pid>/environ}; afterwards the test reads the console, both
 * reports, every file under the targets' {@code .batou} and every file the run left in the temporary directories.
 * The secret, or its upper-case or base64 form, must occur nowhere.
 */
class LeakScannerTest {

    private static final String SECRET = "Zr8-leak-Kq4vN1x";
    private static final String KEY_LINE = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
    private static final List<String> COMPONENTS = List.of("files", "links", "owner", "fails", "environment",
            "timeout", "guard", "download", "clone", "extract", "purge", "unit", "hostdata");

    @TempDir
    static Path temp;

    static SshNetwork network;
    static TempProject project;
    static Path localTarget;
    static Path remoteTarget;
    static Path identity;

    @BeforeAll
    static void project() throws Exception {
        identity = temp.resolve("alice.txt");
        Process keygen = new ProcessBuilder("age-keygen", "-o", identity.toString()).redirectErrorStream(true).start();
        String output = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keygen.waitFor(), "age-keygen (Debian package age) is needed: " + output);
        String recipient = output.substring(output.indexOf("age1")).strip();
        System.setProperty(IdentitySources.PROPERTY, identity.toString());

        project = new TempProject(Files.createDirectories(temp.resolve("project")));
        localTarget = temp.resolve("local-target");
        remoteTarget = Path.of("/home/app/batou-leak-" + ProcessHandle.current().pid());
        writeComponents();
        project.write("environments/local/environment.yaml", """
                environment: {connect: local, target_directory: "%s"}
                hosts:
                  localhost: [%s]
                """.formatted(localTarget, String.join(", ", COMPONENTS)));
        for (String environment : List.of("local", "remote")) {
            StringBuilder secrets = new StringBuilder("members: [" + recipient + "]\ncomponents:\n");
            COMPONENTS.forEach(c -> secrets.append("  ").append(c).append(": {password: ").append(SECRET)
                    .append("}\n"));
            secrets.append("hosts:\n  ").append(environment.equals("local") ? "localhost" : "target")
                    .append(": {token: ").append(SECRET).append("}\n");
            SecretsVault vault = new SecretsVault(project.root(), () -> Identities.read(identity));
            Files.createDirectories(project.path("environments/" + environment));
            vault.write(environment, SecretsDocument.parse(secrets.toString()));
            vault.writeSecretFile(environment, "key", ("-----BEGIN PRIVATE KEY-----\n" + KEY_LINE + "\n" + SECRET
                    + "\n-----END PRIVATE KEY-----\n").getBytes(StandardCharsets.UTF_8));
        }
        if (SystemUsers.canCreate()) {
            SystemUsers.ensure("app");
            network = SshNetwork.start(temp.resolve("net"), "target");
            Files.copy(network.sshConfig(), project.path("ssh_config"));
            project.write("environments/remote/environment.yaml", """
                    environment:
                      connect: ssh
                      ssh_config: ssh_config
                      service_user: app
                      target_directory: "%s"
                    hosts:
                      target: [%s, cron]
                    """.formatted(remoteTarget, String.join(", ", COMPONENTS)));
        }
        project.commit("a project that uses one secret everywhere");
    }

    private static void writeComponents() throws IOException {
        String attributes = "attributes:\n  password: {type: string}\n";
        project.write("components/files/component.yaml", attributes + """
                parts:
                  - file: {path: secret.txt, content: "{{ password }}\\n"}
                  - template: {path: app.ini, source: app.ini.j2}
                  - json: {path: app.json, data: {password: "{{ password }}"}}
                  - yaml: {path: app.yaml, data: {password: "{{ password }}"}}
                  - file: {path: key.pem, content: "{{ secrets.files['key'] }}"}
                  - file: {path: "named-{{ password }}.txt", content: "x"}
                """);
        project.write("components/files/app.ini.j2", "[db]\npassword = {{ password }}\nshout = {{ password | upper }}\n");
        project.write("components/links/component.yaml", attributes + """
                parts:
                  - directory: {path: "dir-{{ password }}", mode: 0750}
                  - mode: {path: "dir-{{ password }}", mode: 0700}
                  - symlink: {path: current, target: "/srv/releases/{{ password }}"}
                """);
        project.write("components/owner/component.yaml", attributes + """
                parts:
                  - file: {path: owned}
                  - owner: {path: owned, owner: "{{ password }}"}
                """);
        project.write("components/fails/component.yaml", attributes + """
                parts:
                  - command: {run: "echo the password is {{ password }}; echo {{ password | upper }} >&2; exit 1"}
                """);
        project.write("components/environment/component.yaml", attributes + """
                parts:
                  - command: {run: "echo token $TOKEN >&2; exit 3", environment: {TOKEN: "{{ password }}"}}
                """);
        project.write("components/timeout/component.yaml", attributes + """
                parts:
                  - command: {run: "echo begin {{ password }}; sleep 30", timeout: 1}
                """);
        project.write("components/guard/component.yaml", attributes + """
                parts:
                  - command: {run: "echo ran", unless: "test '{{ password }}' = nothing"}
                """);
        project.write("components/download/component.yaml", attributes + """
                parts:
                  - download: {url: "http://deploy:{{ password }}@127.0.0.1:9/app.tar.gz", path: app.tar.gz,
                               sha256: "%s"}
                """.formatted("0".repeat(64)));
        project.write("components/clone/component.yaml", attributes + """
                parts:
                  - git: {url: "https://deploy:{{ password }}@127.0.0.1:9/app.git", path: app, branch: main}
                """);
        project.write("components/extract/component.yaml", attributes + """
                parts:
                  - extract: {archive: "{{ password }}.tar.gz", target: unpacked}
                """);
        project.write("components/purge/component.yaml", attributes + """
                parts:
                  - purge: {pattern: "old-{{ password }}-*"}
                """);
        project.write("components/unit/component.yaml", attributes + """
                parts:
                  - systemd: {name: "app-{{ password }}.service", content: "[Service]\\nExecStart=/bin/true {{ password }}\\n"}
                """);
        project.write("components/hostdata/component.yaml", attributes + """
                parts:
                  - file: {path: token, content: "{{ host.data.token }}"}
                  - command: {run: "echo host token {{ host.data.token }} {{ password | length }}; exit 4"}
                """);
        project.write("components/cron/component.yaml", """
                parts:
                  - cron: {name: leak, schedule: "0 3 * * *", command: "echo {{ host.data.token }} >/dev/null"}
                """);
    }

    @AfterAll
    static void cleanUp() throws Exception {
        System.clearProperty(IdentitySources.PROPERTY);
        if (network != null) {
            new ProcessBuilder("sudo", "-n", "-u", "app", "crontab", "-r").start().waitFor();
            network.close();
        }
        if (Files.isDirectory(remoteTarget)) {
            try (Stream<Path> files = Files.walk(remoteTarget)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** The scanner itself: a secret on a command line and in an environment is found, so zero leaks means zero. */
    @Test
    void theSamplerFindsASecretInACommandLineAndAnEnvironment() throws Exception {
        String canary = "Cn4-canary-" + ProcessHandle.current().pid();
        try (ProcessSampler sampler = ProcessSampler.start(canary)) {
            ProcessBuilder builder = new ProcessBuilder("sh", "-c", "sleep 1; :", canary); // sh waits
            builder.environment().put("CANARY", canary);
            Process process = builder.start();
            process.waitFor();
            sampler.close();
            List<String> found = sampler.found();
            assertTrue(found.stream().anyMatch(line -> line.contains("/cmdline: sh -c sleep 1; : <SECRET>")), found
                    .toString());
            assertTrue(found.stream().anyMatch(line -> line.contains("/environ: ")), found.toString());
        }
    }

    @Test
    void aLocalDeploymentShowsTheSecretNowhere() throws Exception {
        scan("local", localTarget);
    }

    @Test
    void aDeploymentOverSshShowsTheSecretNowhere() throws Exception {
        assumeTrue(network != null, "needs root and sudo to create the service user 'app'");
        scan("remote", remoteTarget);
    }

    private void scan(String environment, Path target) throws Exception {
        Set<Path> before = temporaryFiles();
        List<String> shown = new ArrayList<>();
        try (ProcessSampler sampler = ProcessSampler.start(SECRET)) {
            for (String[] options : List.of(new String[] {}, new String[] { "--predict" }, new String[] {})) {
                Run run = deploy(environment, options);
                assertEquals(ExitCode.FAILURE, run.exitCode(), "every failure path fails\n" + run.out());
                shown.add(run.out());
                shown.add(run.err());
                shown.add(run.json());
                shown.add(run.junit());
            }
            assertTrue(Files.isRegularFile(target.resolve("work/files/secret.txt"), LinkOption.NOFOLLOW_LINKS),
                    "the files were deployed:\n" + shown.get(0) + shown.get(1));
            List<String> found = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                leaks("output " + i, shown.get(i), found);
            }
            for (Path file : files(target.resolve(".batou"))) {
                leaks(file.toString(), read(file), found);
            }
            Set<Path> left = temporaryFiles();
            left.removeAll(before);
            for (Path file : left) {
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.isReadable(file)) {
                    leaks("temporary file " + file, read(file), found);
                }
            }
            found.addAll(sampler.found());
            System.out.println("leak scanner (" + environment + "): " + shown.stream().mapToInt(String::length).sum()
                    + " characters of output and reports, " + files(target.resolve(".batou")).size()
                    + " files under .batou, " + left.size() + " new temporary files, " + sampler.samples()
                    + " samples of /proc (" + sampler.processes() + " processes): " + found.size() + " leaks");
            assertEquals(List.of(), found);
            assertTrue(sampler.processes() >= 20, "the sampler saw the deployment's processes: "
                    + sampler.processes());
        }
    }

    private static void leaks(String where, String text, List<String> found) {
        for (String form : List.of(SECRET, SECRET.toUpperCase(Locale.ROOT), KEY_LINE,
                Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8)))) {
            int at = text.indexOf(form);
            if (at >= 0) {
                found.add(where + ": ..." + text.substring(Math.max(0, at - 120), at).replace(form, "<SECRET>")
                        + "<SECRET>" + text.substring(at + form.length(), Math.min(text.length(),
                                at + form.length() + 60)) + "...");
            }
        }
    }

    /** A file's text; empty when it is gone meanwhile (a lingering agent replaces its state file). */
    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (java.nio.file.NoSuchFileException gone) {
            return "";
        }
    }

    private static List<Path> files(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)).toList();
        }
    }

    /** Every file in the temporary directories a run may use: the JVM's, /tmp, /var/tmp and /dev/shm. */
    private static Set<Path> temporaryFiles() throws IOException {
        Set<Path> all = new HashSet<>();
        for (String directory : List.of(System.getProperty("java.io.tmpdir"), "/tmp", "/var/tmp", "/dev/shm")) {
            Path root = Path.of(directory);
            if (!Files.isDirectory(root)) {
                continue;
            }
            Files.walkFileTree(root, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), 6,
                    new java.nio.file.SimpleFileVisitor<>() {
                        @Override
                        public java.nio.file.FileVisitResult preVisitDirectory(Path dir,
                                java.nio.file.attribute.BasicFileAttributes attributes) {
                            return dir.startsWith(temp) ? java.nio.file.FileVisitResult.SKIP_SUBTREE
                                    : java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFile(Path file,
                                java.nio.file.attribute.BasicFileAttributes attributes) {
                            all.add(file);
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }

                        @Override
                        public java.nio.file.FileVisitResult visitFileFailed(Path file, IOException e) {
                            return java.nio.file.FileVisitResult.CONTINUE;
                        }
                    });
        }
        return all;
    }

    private record Run(int exitCode, String out, String err, String json, String junit) {
    }

    private static Run deploy(String environment, String... options) throws Exception {
        Path json = temp.resolve("report.json");
        Path junit = temp.resolve("report.xml");
        Files.deleteIfExists(json);
        Files.deleteIfExists(junit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> arguments = new ArrayList<>(List.of("deploy", environment, "-p", project.root().toString(),
                "--json", json.toString(), "--junit", junit.toString()));
        arguments.addAll(List.of(options));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(arguments.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Files.exists(json) ? Files.readString(json) : "", Files.exists(junit) ? Files.readString(junit) : "");
    }

    /**
     * Reads {@code /proc/<pid>/cmdline} and {@code /proc/<pid>/environ} of every process, again and again, on a
     * thread of its own, and keeps each process whose command line or environment holds the secret.
     */
    private static final class ProcessSampler implements AutoCloseable {
        private final String secret;
        private final Thread thread;
        private final List<String> found = new ArrayList<>();
        private final Set<String> reported = new HashSet<>();
        private final Set<Long> seen = ConcurrentHashMap.newKeySet();
        private volatile boolean running = true;
        private volatile long samples;

        private ProcessSampler(String secret) {
            this.secret = secret;
            this.thread = new Thread(this::sample, "leak-sampler");
            this.thread.setDaemon(true);
        }

        static ProcessSampler start(String secret) {
            ProcessSampler sampler = new ProcessSampler(secret);
            sampler.thread.start();
            return sampler;
        }

        private void sample() {
            byte[] needle = secret.getBytes(StandardCharsets.UTF_8);
            while (running) {
                try (java.nio.file.DirectoryStream<Path> processes = Files.newDirectoryStream(Path.of("/proc"),
                        entry -> entry.getFileName().toString().chars().allMatch(Character::isDigit))) {
                    for (Path process : processes) {
                        seen.add(Long.parseLong(process.getFileName().toString()));
                        for (String file : List.of("cmdline", "environ")) {
                            byte[] content;
                            try {
                                content = Files.readAllBytes(process.resolve(file));
                            } catch (IOException gone) {
                                continue;
                            }
                            if (indexOf(content, needle) >= 0) {
                                String command = new String(content, StandardCharsets.UTF_8).replace('\0', ' ')
                                        .replace(secret, "<SECRET>");
                                synchronized (found) {
                                    if (reported.add(process.getFileName() + "/" + file) && found.size() < 20) {
                                        found.add("/proc/" + process.getFileName() + "/" + file + ": "
                                                + command.substring(0, Math.min(300, command.length())));
                                    }
                                }
                            }
                        }
                    }
                } catch (IOException e) {
                    // try again
                }
                samples++;
            }
        }

        private static int indexOf(byte[] haystack, byte[] needle) {
            outer: for (int i = 0; i <= haystack.length - needle.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (haystack[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }

        List<String> found() {
            synchronized (found) {
                return List.copyOf(found);
            }
        }

        long samples() {
            return samples;
        }

        int processes() {
            return seen.size();
        }

        @Override
        public void close() throws InterruptedException {
            running = false;
            thread.join(5000);
        }
    }
}
