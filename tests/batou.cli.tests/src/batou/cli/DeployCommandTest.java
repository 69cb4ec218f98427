package batou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import batou.test.harness.TempProject;

/** {@code batou deploy} of a local environment, end to end through the command line. */
class DeployCommandTest {

    private static final String SECRET = "hunter2-very-secret";

    @TempDir
    Path temp;

    private TempProject project;

    @TempDir
    Path target;

    private ByteArrayOutputStream out;
    private ByteArrayOutputStream err;

    @BeforeEach
    void writeProject() throws Exception {
        project = new TempProject(temp);
        project.write("components/web/component.yaml", """
                attributes:
                  greeting: {default: hello}
                  password: {default: "%s", sensitive: true}
                parts:
                  - directory: {path: htdocs}
                  - file: {path: htdocs/index.html, content: "<h1>{{ greeting }}</h1>\\n"}
                  - template: {path: web.conf, source: web.conf.j2, mode: 0640}
                  - file: {path: secret.txt, content: "{{ password }}\\n"}
                  - command: {run: "echo reloaded >> reloads.log", when: changed}
                """.formatted(SECRET));
        project.write("components/web/web.conf.j2", "listen 8080\ngreeting {{ greeting }}\npassword {{ password }}\n");
        project.write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: "%s"}
                hosts:
                  localhost: [web]
                """.formatted(target));
        project.commit("project");
    }

    private int deploy(String... options) {
        out = new ByteArrayOutputStream();
        err = new ByteArrayOutputStream();
        String[] arguments = new String[options.length + 4];
        arguments[0] = "deploy";
        arguments[1] = "dev";
        arguments[2] = "-p";
        arguments[3] = project.root().toString();
        System.arraycopy(options, 0, arguments, 4, options.length);
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(arguments);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private Path work(String file) {
        return target.resolve("work/web").resolve(file);
    }

    @Test
    void firstDeployChangesSecondChangesNothing() throws Exception {
        assertEquals(ExitCode.OK, deploy(), out() + err);
        assertTrue(out().contains("localhost: web"), out());
        assertTrue(out().strip().endsWith("DEPLOYMENT FINISHED"), out());
        assertEquals("<h1>hello</h1>\n", Files.readString(work("htdocs/index.html")));
        assertEquals("reloaded\n", Files.readString(work("reloads.log")));
        FileTime written = Files.getLastModifiedTime(work("web.conf"));

        Thread.sleep(20);
        assertEquals(ExitCode.OK, deploy(), out());
        assertFalse(out().contains("localhost: web"), "no changed component is printed\n" + out());
        assertTrue(out().contains("localhost: 1 components, 0 changed, 1 unchanged, 0 failed, 0 skipped"), out());
        assertEquals(written, Files.getLastModifiedTime(work("web.conf")), "unchanged files are not rewritten");
        assertEquals("reloaded\n", Files.readString(work("reloads.log")), "no reload without a change");
    }

    @Test
    void predictShowsTheDiffAndChangesNothing() throws Exception {
        assertEquals(ExitCode.OK, deploy());
        project.write("components/web/web.conf.j2", "listen 9090\ngreeting {{ greeting }}\npassword {{ password }}\n");
        project.write("components/web/component.yaml", Files.readString(project.path("components/web/component.yaml"))
                .replace("default: hello", "default: bonjour"));
        assertEquals(ExitCode.OK, deploy("--predict"), out());
        assertTrue(out().contains("-<h1>hello</h1>"), out());
        assertTrue(out().contains("+<h1>bonjour</h1>"), out());
        assertTrue(out().contains("diff hidden: contains sensitive data"), out());
        assertTrue(out().strip().endsWith("DEPLOYMENT PREDICTION FINISHED"), out());
        assertEquals("<h1>hello</h1>\n", Files.readString(work("htdocs/index.html")), "predict changed nothing");
        assertEquals("reloaded\n", Files.readString(work("reloads.log")), "predict ran no command");
    }

    @Test
    void sensitiveValuesAppearInNoOutputAndNoReport() throws Exception {
        Path json = target.resolve("report.json");
        Path junit = target.resolve("report.xml");
        assertEquals(ExitCode.OK, deploy("--json", json.toString(), "--junit", junit.toString()), out());
        assertEquals(SECRET + "\n", Files.readString(work("secret.txt")), "the secret is deployed");
        project.write("components/web/component.yaml", Files.readString(project.path("components/web/component.yaml"))
                .replace(SECRET, SECRET + "-rotated"));
        String first = out();
        assertEquals(ExitCode.OK, deploy("--predict"), out());
        String predict = out();
        for (String text : new String[] { first, predict, err.toString(StandardCharsets.UTF_8),
                Files.readString(json), Files.readString(junit) }) {
            assertFalse(text.contains("hunter2"), text);
        }
        assertTrue(predict.contains("diff hidden: contains sensitive data"), predict);
    }

    @Test
    void reportsDescribeEveryRoot() throws Exception {
        Path json = target.resolve("r/report.json");
        Path junit = target.resolve("r/report.xml");
        assertEquals(ExitCode.OK, deploy("--json", json.toString(), "--junit", junit.toString()), out());
        String report = Files.readString(json);
        assertTrue(report.contains("\"outcome\": \"finished\""), report);
        assertTrue(report.contains("\"status\": \"changed\""), report);
        assertTrue(report.contains("\"event\": \"PartChanged\""), report);
        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertEquals(1, xml.getElementsByTagName("testcase").getLength());
        assertEquals("web", xml.getElementsByTagName("testcase").item(0).getAttributes().getNamedItem("name")
                .getNodeValue());
        assertEquals(0, xml.getElementsByTagName("failure").getLength());
    }

    @Test
    void aFailingCommandFailsTheDeploymentWithItsOutput() throws Exception {
        project.write("components/web/component.yaml", """
                parts:
                  - command: {run: "echo broken config >&2; exit 3"}
                """);
        project.commit("a failing command");
        Path junit = target.resolve("report.xml");
        assertEquals(ExitCode.FAILURE, deploy("--junit", junit.toString()), out());
        assertTrue(out().contains("exited with 3"), out());
        assertTrue(out().contains("broken config"), out());
        assertTrue(out().strip().endsWith("DEPLOYMENT FAILED (during DEPLOYING)"), out());
        assertTrue(Files.readString(junit).contains("<failure message="), Files.readString(junit));
    }

    @Test
    void consistencyOnlyTouchesNothing() {
        assertEquals(ExitCode.OK, deploy("--consistency-only"), out());
        assertTrue(out().strip().endsWith("CONSISTENCY CHECK FINISHED"), out());
        assertFalse(Files.exists(target.resolve("work")));
    }

    @Test
    void configurationErrorsFailDuringConfiguring() throws IOException {
        project.write("environments/dev/environment.yaml", "hosts:\n  localhost: [wbe]\n");
        assertEquals(ExitCode.FAILURE, deploy("--dirty"), out());
        assertTrue(out().contains("1 ERROR - CONFIGURATION FAILED"), out());
        assertTrue(out().strip().endsWith("DEPLOYMENT FAILED (during CONFIGURING)"), out());
    }

    @Test
    void aSecondDeploymentAtTheSameTimeIsRefused() throws Exception {
        try (var held = batou.ssh.deploy.DeployLock.acquire(project.root(), "dev")) {
            assertEquals(ExitCode.FAILURE, deploy(), out());
            String message = err.toString(StandardCharsets.UTF_8);
            assertTrue(message.startsWith("batou: another deployment of environment 'dev' of " + project.root()
                    + " is running (pid " + ProcessHandle.current().pid()), message);
        }
        assertEquals(ExitCode.OK, deploy(), "the lock is released after the first run\n" + out());
    }

    @Test
    void uncommittedChangesAreRefusedUnlessDirty() throws Exception {
        project.write("components/web/web.conf.j2", "changed {{ greeting }}\n");
        project.write("components/web/notes.txt", "new file\n");
        assertEquals(ExitCode.FAILURE, deploy(), out());
        assertTrue(out().contains("uncommitted changes: components/web/notes.txt, components/web/web.conf.j2"),
                out());
        assertTrue(out().contains("refusing to deploy uncommitted changes: commit them, or deploy with --dirty"),
                out());
        assertTrue(out().strip().endsWith("DEPLOYMENT FAILED (during PREPARING)"), out());
        assertFalse(Files.exists(target.resolve("work")), "nothing was deployed");
        assertEquals(ExitCode.OK, deploy("--predict"), "predict changes nothing, so it may look\n" + out());
        assertEquals(ExitCode.OK, deploy("--dirty"), out());
        assertEquals("changed hello\n", Files.readString(work("web.conf")));
    }

    @Test
    void theReportRecordsTheDeployedCommit() throws Exception {
        Path json = target.resolve("report.json");
        assertEquals(ExitCode.OK, deploy("--json", json.toString()), out());
        String head = project.head();
        assertTrue(Files.readString(json).contains("\"commit\": \"" + head + "\""), Files.readString(json));
        assertTrue(out().contains("    commit " + head.substring(0, 7)), out());
    }

    @Test
    void aProjectOutsideGitNeedsDirty() throws Exception {
        org.eclipse.jgit.util.FileUtils.delete(project.path(".git").toFile(),
                org.eclipse.jgit.util.FileUtils.RECURSIVE);
        assertEquals(ExitCode.FAILURE, deploy(), out());
        assertTrue(out().contains("the project is not in a git repository: commit it to git to deploy it, or deploy "
                + "with --dirty"), out());
        assertEquals(ExitCode.OK, deploy("--dirty"), out());
    }

    @Test
    void item22_anIgnoredHostIsNotDeployedButWhatItProvidesReachesTheOthers() throws Exception {
        project.write("components/db/component.yaml", """
                provide:
                  dsn: "pg://{{ host.name }}:5432/app"
                parts:
                  - file: {path: db.conf, content: "a db"}
                """);
        project.write("components/web/component.yaml", """
                require:
                  dsn: {resource: dsn, one: true}
                parts:
                  - file: {path: web.conf, content: "{{ dsn }}"}
                """);
        project.write("environments/dev/environment.yaml", """
                environment: {connect: local}
                hosts:
                  "!db1": {components: [db], target_directory: "%s/db1"}
                  web1: {components: [web], target_directory: "%s/web1"}
                """.formatted(target, target));
        Path json = target.resolve("report.json");
        assertEquals(ExitCode.OK, deploy("--dirty", "--json", json.toString()), out() + err);
        assertEquals("pg://db1:5432/app", Files.readString(target.resolve("web1/work/web/web.conf")));
        assertFalse(Files.exists(target.resolve("db1")), "the ignored host is not deployed");
        assertTrue(out().contains("    db1: skipped (ignored host)"), out());
        assertTrue(out().contains("1 host, 1 root components"), out());
        assertFalse(Files.readString(json).contains("\"host\": \"db1\""), Files.readString(json));
    }

    @Test
    void item24_aReloadOwedByAFailedDeploymentRunsOnTheNextOne() throws Exception {
        String component = """
                parts:
                  - template: {path: web.conf, source: web.conf.j2}
                  - command: {run: "echo broken >&2; exit 3"}
                  - command: {run: "echo reloaded >> reloads.log", when: changed}
                """;
        project.write("components/web/component.yaml", component);
        project.write("components/web/web.conf.j2", "listen 8080\n");
        assertEquals(ExitCode.FAILURE, deploy("--dirty"), out());
        assertTrue(Files.exists(work("web.conf")) && !Files.exists(work("reloads.log")), out());

        project.write("components/web/component.yaml",
                component.replace("  - command: {run: \"echo broken >&2; exit 3\"}\n", ""));
        assertEquals(ExitCode.OK, deploy("--dirty", "--predict"), out());
        assertTrue(out().contains("a deployment that did not complete changed web: its parts with when: changed "
                + "would run again"), out());
        assertTrue(out().contains("echo reloaded >> reloads.log"), out());
        assertEquals(ExitCode.OK, deploy("--dirty"), out());
        assertEquals("reloaded\n", Files.readString(work("reloads.log")), out());
    }

    @Test
    void item25_aSubComponentRestartsWhenTheComponentIncludingItChanged() throws Exception {
        project.write("components/program/component.yaml", """
                attributes:
                  name: {default: web}
                parts:
                  - command: {run: "echo restarted {{ name }} >> restarts.log", when: parent_changed}
                """);
        project.write("components/web/component.yaml", """
                attributes:
                  greeting: {default: hello}
                parts:
                  - file: {path: web.conf, content: "greeting {{ greeting }}\\n"}
                  - component: program
                """);
        assertEquals(ExitCode.OK, deploy("--dirty"), out());
        assertEquals("restarted web\n", Files.readString(work("restarts.log")));
        assertEquals(ExitCode.OK, deploy("--dirty"), out());
        assertEquals("restarted web\n", Files.readString(work("restarts.log")), "no change, no restart");
        project.write("components/web/component.yaml", Files.readString(project.path("components/web/component.yaml"))
                .replace("default: hello", "default: bonjour"));
        assertEquals(ExitCode.OK, deploy("--dirty"), out());
        assertEquals("restarted web\nrestarted web\n", Files.readString(work("restarts.log")), out());
    }

    @Test
    void item21_tildeInTheTargetDirectoryIsTheHomeInWorkdirAndLinks() throws Exception {
        String folder = "batou-test-" + ProcessHandle.current().pid() + "-cli-home";
        Path work = Path.of(System.getProperty("user.home"), folder, "work/web");
        project.write("components/web/component.yaml", """
                parts:
                  - file: {path: web.conf, content: "root {{ component.workdir }}/htdocs\\n"}
                  - symlink: {path: current.conf, target: "{{ component.workdir }}/web.conf"}
                """);
        project.write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: "~/%s"}
                hosts:
                  localhost: [web]
                """.formatted(folder));
        try {
            assertEquals(ExitCode.OK, deploy("--dirty"), out());
            assertEquals("root " + work + "/htdocs\n", Files.readString(work.resolve("web.conf")));
            assertEquals(work.resolve("web.conf"), Files.readSymbolicLink(work.resolve("current.conf")));
            assertEquals(ExitCode.OK, deploy("--dirty", "--consistency-only"), out());
        } finally {
            try (java.util.stream.Stream<Path> paths = Files.walk(work.getParent().getParent())) {
                for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    @Test
    void predictAndConsistencyOnlyExcludeEachOther() {
        assertEquals(ExitCode.USAGE, deploy("--predict", "--consistency-only"));
    }
}
