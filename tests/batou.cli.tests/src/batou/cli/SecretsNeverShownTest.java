package batou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.IdentitySources;
import batou.secrets.SecretsDocument;
import batou.secrets.SecretsVault;
import batou.secrets.age.Identities;
import batou.test.harness.TempProject;

/**
 * A deployment never shows a sensitive value: not in the console, the JSON report or the JUnit report, whatever
 * part type puts it where (labels, paths, link targets, owners, URLs, command output, diffs). Each test deploys a
 * small project of the real library locally, with secrets encrypted for a key made by the real age-keygen.
 */
class SecretsNeverShownTest {

    static final String SECRET = "Lk9-ops-Zq7xW2";

    @TempDir
    Path temp;

    private TempProject project;
    private Path target;
    private Path identity;

    /** One run of the command line: what it printed and wrote. */
    record Run(int exitCode, String out, String err, String json, String junit) {

        /** Everything the run showed, for looking for a secret. */
        String all() {
            return out + "\n" + err + "\n" + json + "\n" + junit;
        }
    }

    @BeforeEach
    void project() throws Exception {
        identity = temp.resolve("alice.txt");
        String recipient = keygen(identity);
        System.setProperty(IdentitySources.PROPERTY, identity.toString());
        project = new TempProject(Files.createDirectories(temp.resolve("project")));
        target = temp.resolve("target");
        project.write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: "%s"}
                hosts:
                  localhost: [app]
                """.formatted(target));
        secrets(recipient, "components:\n  app: {password: " + SECRET + "}\n");
    }

    @AfterEach
    void forgetIdentity() {
        System.clearProperty(IdentitySources.PROPERTY);
    }

    /** Encrypts {@code yaml} (after the members line) as the dev environment's secrets. */
    private void secrets(String recipient, String yaml) throws Exception {
        SecretsVault vault = new SecretsVault(project.root(), () -> Identities.read(identity));
        vault.write("dev", SecretsDocument.parse("members: [" + recipient + "]\n" + yaml));
    }

    private static String keygen(Path file) throws Exception {
        Process process = new ProcessBuilder("age-keygen", "-o", file.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "age-keygen (Debian package age) is needed: " + output);
        return output.substring(output.indexOf("age1")).strip();
    }

    private String recipient() throws Exception {
        String text = Files.readString(identity);
        return text.substring(text.indexOf("age1")).lines().findFirst().orElseThrow().strip();
    }

    private void component(String yaml) throws Exception {
        project.write("components/app/component.yaml", "attributes:\n  password: {type: string}\n" + yaml);
        project.commit("app");
    }

    private Run deploy(String... options) throws Exception {
        Path json = temp.resolve("report.json");
        Path junit = temp.resolve("report.xml");
        Files.deleteIfExists(json);
        Files.deleteIfExists(junit);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> arguments = new java.util.ArrayList<>(List.of("deploy", "dev", "-p", project.root().toString(),
                "--json", json.toString(), "--junit", junit.toString()));
        arguments.addAll(List.of(options));
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(arguments.toArray(String[]::new));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8),
                Files.exists(json) ? Files.readString(json) : "", Files.exists(junit) ? Files.readString(junit) : "");
    }

    /** Fails when {@code text} shows the secret, as it is or in a common encoding. */
    static void assertNoSecret(String text, String... secrets) {
        for (String secret : secrets) {
            for (String form : List.of(secret, secret.toUpperCase(Locale.ROOT),
                    java.util.Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)))) {
                int at = text.indexOf(form);
                assertTrue(at < 0, "the secret (" + (form.equals(secret) ? "as it is" : "encoded") + ") is shown: ..."
                        + text.substring(Math.max(0, at - 200), Math.min(text.length(), at + 100)) + "...");
            }
        }
    }

    @Test
    void item01_aCommandWithASecretIsNeverShownInItsPartLineFailureOrSummary() throws Exception {
        component("""
                parts:
                  - command: {run: "echo connecting; mysql -u root -p{{ password }} -e 'select 1'; exit 1"}
                """);
        Run run = deploy();
        assertEquals(ExitCode.FAILURE, run.exitCode(), run.all());
        assertTrue(run.out().contains("FAILED app > command echo connecting; mysql -u root -p[masked]"), run.out());
        assertTrue(run.out().contains("failed  app: app > command echo connecting; mysql -u root -p[masked]"),
                run.out());
        assertTrue(run.json().contains("mysql -u root -p[masked]"), run.json());
        assertTrue(run.junit().contains("mysql -u root -p[masked]"), run.junit());
        assertNoSecret(run.all(), SECRET);
    }

    @Test
    void item01_aResourceComputedFromASecretOnAnotherHostIsMasked() throws Exception {
        project.write("environments/dev/environment.yaml", """
                environment: {connect: local}
                hosts:
                  db: {components: [app], target_directory: "%s/db"}
                  web: {components: [web], target_directory: "%s/web"}
                """.formatted(target, target));
        project.write("components/web/component.yaml", """
                require:
                  dsn: {resource: dsn, host: any}
                parts:
                  - command: {run: "migrate --database {{ dsn[0] }}; exit 2"}
                """);
        component("""
                provide:
                  dsn: "postgres://app:{{ password }}@db/app"
                parts:
                  - file: {path: dsn, content: "{{ password }}"}
                """);
        Run run = deploy();
        assertEquals(ExitCode.FAILURE, run.exitCode(), run.all());
        assertTrue(run.out().contains("FAILED web > command migrate --database [masked]"), run.out());
        assertNoSecret(run.all(), SECRET, "postgres://app:" + SECRET);
    }

    @Test
    void item02_pathsLinkTargetsOwnersAndUrlsBuiltFromASecretAreMasked() throws Exception {
        project.write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: "%s"}
                hosts:
                  localhost: [app, links, owners, download, clone]
                """.formatted(target));
        project.write("components/links/component.yaml", """
                attributes:
                  password: {type: string}
                parts:
                  - directory: {path: "data-{{ password }}", mode: 0750}
                  - file: {path: "data-{{ password }}/conf"}
                  - mode: {path: "data-{{ password }}/conf", mode: 0640}
                  - symlink: {path: current, target: "/srv/releases/{{ password }}"}
                """);
        project.write("components/owners/component.yaml", """
                attributes:
                  password: {type: string}
                parts:
                  - file: {path: owned}
                  - owner: {path: owned, owner: "{{ password }}"}
                """);
        project.write("components/download/component.yaml", """
                attributes:
                  password: {type: string}
                parts:
                  - download: {url: "http://deploy:{{ password }}@127.0.0.1:9/app.tar.gz", path: app.tar.gz,
                               sha256: "%s"}
                """.formatted("0".repeat(64)));
        project.write("components/clone/component.yaml", """
                attributes:
                  password: {type: string}
                parts:
                  - git: {url: "https://deploy:{{ password }}@127.0.0.1:9/app.git", path: app, branch: main}
                """);
        component("parts: []\n");
        secrets(recipient(), "components:\n" + List.of("app", "links", "owners", "download", "clone").stream()
                .map(c -> "  " + c + ": {password: " + SECRET + "}\n").reduce("", String::concat));
        project.commit("every kind of attribute");
        Run predict = deploy("--predict");
        assertNoSecret(predict.all(), SECRET);
        Run run = deploy();
        assertEquals(ExitCode.FAILURE, run.exitCode(), run.all());
        assertTrue(run.out().contains("failed  owners"), run.out());
        assertTrue(run.out().contains("failed  download"), run.out());
        assertTrue(run.out().contains("failed  clone"), run.out());
        assertTrue(Files.isSymbolicLink(target.resolve("work/links/current")), "the link is deployed");
        assertNoSecret(run.all(), SECRET);
    }

    @Test
    void item02_aPasswordWrittenInAUrlIsMaskedLikeASecret() throws Exception {
        component("""
                parts:
                  - download: {url: "http://deploy:plain-Pw-4711@127.0.0.1:9/app.tar.gz", path: app.tar.gz,
                               sha256: "%s"}
                """.formatted("0".repeat(64)));
        Run run = deploy();
        assertEquals(ExitCode.FAILURE, run.exitCode(), run.all());
        assertTrue(run.out().contains("http://deploy:[masked]@127.0.0.1:9/app.tar.gz"), run.out());
        assertNoSecret(run.all(), "plain-Pw-4711");
    }

    @Test
    void item03_theOutputOfAFailingOrTimedOutCommandNeverShowsTheSecret() throws Exception {
        project.write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: "%s"}
                hosts:
                  localhost: [app, env, slow]
                """.formatted(target));
        project.write("components/env/component.yaml", """
                attributes:
                  password: {type: string}
                parts:
                  - command: {run: "echo token is $TOKEN >&2; exit 3", environment: {TOKEN: "{{ password }}"}}
                """);
        project.write("components/slow/component.yaml", """
                attributes:
                  password: {type: string}
                parts:
                  - command: {run: "echo begin {{ password }}; sleep 30", timeout: 1}
                """);
        secrets(recipient(), "components:\n" + List.of("app", "env", "slow").stream()
                .map(c -> "  " + c + ": {password: " + SECRET + "}\n").reduce("", String::concat));
        component("""
                parts:
                  - command: {run: "echo the password is {{ password }}; echo {{ password | upper }}; exit 1"}
                """);
        Run run = deploy();
        assertEquals(ExitCode.FAILURE, run.exitCode(), run.all());
        assertTrue(run.out().contains("the password is [masked]"), run.out());
        assertTrue(run.out().contains("token is [masked]"), run.out());
        assertTrue(run.out().contains("timed out"), run.out());
        assertNoSecret(run.all(), SECRET);
    }

    @Test
    void item04_predictNeverShowsTheOldSecretOfAFileThatStopsUsingIt() throws Exception {
        component("""
                parts:
                  - file: {path: app.ini, content: "user = app\\npassword = {{ password }}\\n", mode: 0644}
                """);
        assertEquals(ExitCode.OK, deploy().exitCode());
        project.write("components/app/component.yaml", """
                parts:
                  - file: {path: app.ini, content: "user = app\\nsocket = /run/app.sock\\n", mode: 0644}
                """);
        secrets(recipient(), "components: {}\n"); // the old password has left the project entirely
        project.commit("no password any more");
        Run predict = deploy("--predict");
        assertEquals(ExitCode.OK, predict.exitCode(), predict.all());
        assertTrue(predict.out().contains("diff hidden"), predict.out());
        assertNoSecret(predict.all(), SECRET);
        Run run = deploy();
        assertNoSecret(run.all(), SECRET);
        project.write("components/app/component.yaml", """
                parts:
                  - file: {path: app.ini, content: "user = app\\nsocket = /run/app2.sock\\n", mode: 0644}
                """).commit("another socket");
        assertTrue(deploy("--predict").out().contains("+socket = /run/app2.sock"),
                "a file without a secret shows its diff again");
    }

    @Test
    void item16_controlCharactersFromACommandReachNoTerminal() throws Exception {
        component("""
                parts:
                  - command: {run: "printf 'red \\\\033[31m text\\\\033]0;title\\\\007 cr\\\\rend\\\\n'; exit 1"}
                """);
        Run run = deploy();
        assertEquals(ExitCode.FAILURE, run.exitCode(), run.all());
        // not a terminal: batou prints no colours of its own, so any escape character came from the host
        assertFalse(run.out().contains("\u001b"), run.out());
        assertFalse(run.out().contains("\r"), run.out());
        assertFalse(run.out().contains("\u0007"), run.out());
        assertTrue(run.out().contains("red \\x1b[31m text\\x1b]0;title\\x07 cr"), run.out());
        assertFalse(run.json().contains("\\u001b"), "JSON carries the visible form too: " + run.json());
    }
}
