package batou.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

import batou.model.Diagnostic;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.parts.PartTypeRegistry;
import batou.test.harness.TempProject;

/**
 * The library's part types, configured as a project uses them: whatever a part would refuse while deploying is
 * refused while configuring, with file, line and column.
 */
class LibrarySchemaTest {

    private static final PartTypeRegistry TYPES = LibraryPartTypes.registry();

    @TempDir
    Path temp;

    private TempProject project;

    @BeforeEach
    void project() {
        project = new TempProject(temp);
    }

    /** Configures a component with {@code parts} on one host; every diagnostic as printed, one per line. */
    private String configure(String parts) throws IOException {
        project.write("components/app/component.yaml", "parts:\n" + parts);
        project.write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: /srv/t}
                hosts:
                  h: [app]
                """);
        Configuration configuration = new Configurator(TYPES).configure(project.root(), "dev");
        String printed = configuration.diagnostics().stream().map(Diagnostic::toString)
                .collect(Collectors.joining("\n"));
        if (!printed.isEmpty()) {
            assertNull(configuration.plan(), printed);
        }
        return printed;
    }

    @Test
    void item09_aPurgePatternCannotLeaveTheWorkDirectory() throws IOException {
        assertEquals("components/app/component.yaml:2:22: error: path '../*' leaves the work directory "
                + "/srv/t/work/app (relative paths are inside the component's work directory; write an absolute "
                + "path or one starting with ~/ for a place outside it)", configure("""
                          - purge: {pattern: "../*"}
                          - purge: {pattern: "logs/old-*.log"}
                        """));
    }

    private static final String IN = " in 'app' on host 'h': ";

    /** The error of one part written at line 2 (after {@code parts:}), without its file and position. */
    private String refusal(String part) throws IOException {
        String printed = configure(part);
        assertEquals(1, printed.lines().count(), part + " gave: " + printed);
        return printed.substring(printed.indexOf(": error: ") + ": error: ".length());
    }

    @Test
    void item23_aMisspeltWhenIsRefusedWithADidYouMean() throws IOException {
        assertEquals("components/app/component.yaml:2:36: error: invalid value for attribute 'when' of part "
                + "'command'" + IN + "'chanegd' is not always, changed or parent_changed (did you mean 'changed'?)", configure("""
                          - command: {run: ./reload, when: chanegd}
                        """));
    }

    @Test
    void item23_aNegativeTimeoutIsRefused() throws IOException {
        assertEquals("invalid value for attribute 'timeout' of part 'command'" + IN + "it must be 1 to 604800 "
                + "seconds", refusal("  - command: {run: ./migrate, timeout: -5}\n"));
    }

    @Test
    void item23_anIfThatIsNotTrueOrFalseIsRefused() throws IOException {
        assertEquals("components/app/component.yaml:3:9: error: the 'if' of a part of 'app' on host 'h' must be true or"
                + " false, not 'h' (write a condition, e.g. \"{{ 'canary' in features }}\")", configure("""
                          - file: {path: x}
                            if: "{{ host.name }}"
                          - file: {path: y}
                            if: "{{ host.name == 'h' }}"
                          - file: {path: z}
                            if: false
                        """));
    }

    @Test
    void item23_aModeWrittenAsADecimalNumberIsRefusedWithItsOctalSpelling() throws IOException {
        assertEquals("invalid value for attribute 'mode' of part 'directory'" + IN + "mode 700 is a decimal number "
                + "(octal 01274), but modes are octal (write 0700)", refusal("  - directory: {path: d, mode: 700}\n"));
        assertEquals("invalid value for attribute 'mode' of part 'mode'" + IN + "mode 400 is a decimal number "
                + "(octal 0620), but modes are octal (write 0400)", refusal("  - mode: {path: d, mode: 400}\n"));
        assertEquals("invalid value for attribute 'mode' of part 'file'" + IN + "mode 01777 is not supported: use"
                + " permission bits 0000 to 0777 (write it with a leading 0, e.g. 0640)",
                refusal("  - file: {path: f, mode: 01777}\n"));
        assertEquals("", configure("""
                  - directory: {path: d, mode: 0700}
                  - file: {path: f, mode: "0640"}
                  - file: {path: g, mode: 0o600}
                  - file: {path: h, mode: 0}
                """));
    }

    @Test
    void item15_anInvalidEnvironmentVariableNameIsAConfigurationErrorNotARawJavaText() throws IOException {
        assertEquals("invalid value for attribute 'environment' of part 'command'" + IN + "'1BAD' is not an "
                + "environment variable name (use letters, digits and _, not starting with a digit, e.g. APP_PORT)",
                refusal("  - command: {run: env, environment: {GOOD: 1, 1BAD: 2}}\n"));
        assertEquals("invalid value for attribute 'environment' of part 'command'" + IN + "'A=B' is not an "
                + "environment variable name (use letters, digits and _, not starting with a digit, e.g. APP_PORT)",
                refusal("  - command: {run: env, environment: {\"A=B\": 2}}\n"));
    }

    @Test
    void item23_everyCheckAPartMadeWhileDeployingIsMadeWhileConfiguring() throws IOException {
        String[][] cases = {
            { "cron: {name: nightly backup, schedule: '0 3 * * *', command: ./b}",
                    "invalid value for attribute 'name' of part 'cron'" + IN + "it must be one word without spaces"
                            + " (e.g. backup)" },
            { "cron: {name: b, schedule: '0 3 * *', command: ./b}",
                    "invalid value for attribute 'schedule' of part 'cron'" + IN + "it must be five fields (minute "
                            + "hour day-of-month month day-of-week) (e.g. '*/5 * * * *')" },
            { "cron: {name: b, schedule: '0 3 * * *', command: \"a\\nb\"}",
                    "invalid value for attribute 'command' of part 'cron'" + IN + "it must be one non-empty line" },
            { "systemd: {name: ../x.service, content: x}",
                    "invalid value for attribute 'name' of part 'systemd'" + IN + "it must be a file name without /"
                            + " or spaces (e.g. app.service)" },
            { "systemd: {name: app.service, content: x, scope: global}",
                    "invalid value for attribute 'scope' of part 'systemd'" + IN + "'global' is not user or system" },
            { "systemd: {name: app.service}", "part 'systemd'" + IN + "the unit has no content (set content or "
                    + "source)" },
            { "download: {url: 'file:///x', sha256: abc, path: x}",
                    "invalid value for attribute 'sha256' of part 'download'" + IN + "it must be 64 hex digits (the"
                            + " output of sha256sum)" },
            { "download: {url: 'ftp://example.com/x', sha256: '" + "a".repeat(64) + "', path: x}",
                    "invalid value for attribute 'url' of part 'download'" + IN + "the URL's scheme is not file, "
                            + "http or https (use file://, http:// or https://)" },
            { "extract: {archive: app.rar, target: app}",
                    "invalid value for attribute 'archive' of part 'extract'" + IN + "the archive format is not "
                            + "known from the file name (name a .tar.gz, .tgz, .tar.xz, .txz or .zip file)" },
            { "extract: {archive: app.zip, target: app, strip: -1}",
                    "invalid value for attribute 'strip' of part 'extract'" + IN + "it must be 0 to 1000" },
            { "json: {path: x.json, data: {a: 1}, indent: 2000000000}",
                    "invalid value for attribute 'indent' of part 'json'" + IN + "it must be 0 to 16" },
            { "json: {path: x.json, data: {a: .nan}}", "part 'json'" + IN + "its document cannot be written as "
                    + "JSON: JSON has no representation for the number NaN" },
            { "git: {url: 'https://example.com/r.git', path: r, branch: main, tag: v1}",
                    "part 'git'" + IN + "it names more than one of branch, tag and revision (choose one)" },
            { "file: {path: x, content_base64: AAEC, content: x}",
                    "part 'file'" + IN + "it has more than one of content, content_base64 and source (give one of "
                            + "them)" },
            { "file: {path: x, template: true}", "part 'file'" + IN + "template: true has nothing to render (give "
                    + "content or source)" },
            { "file: {path: x, content_base64: 'AAECA'}", "part 'file'" + IN + "content_base64 is not valid base64 "
                    + "(use e.g. {{ secrets.base64['name'] }} for a secret file)" },
            { "file: {path: x, content: x, encoding: klingon-8}",
                    "invalid value for attribute 'encoding' of part 'file'" + IN + "it is not a character encoding "
                            + "batou knows (use e.g. utf-8 or iso-8859-1)" },
            { "purge: {pattern: 'cache/[a-'}", "invalid value for attribute 'pattern' of part 'purge'" + IN + "it "
                    + "is not a valid glob (check the brackets: [abc] and {a,b} must be closed)" },
            { "directory: {path: d, exclude: ['*.pyc', '{a,b']}",
                    "invalid value for attribute 'exclude' of part 'directory'" + IN + "it is not a valid glob "
                            + "(check the brackets: [abc] and {a,b} must be closed)" },
            { "symlink: {path: l, target: ''}", "invalid value for attribute 'target' of part 'symlink'" + IN
                    + "it must not be empty" },
        };
        for (String[] each : cases) {
            assertEquals(each[1], refusal("  - " + each[0] + "\n"), each[0]);
        }
    }

    @Test
    void item23_aSensitiveValueIsNeverQuotedInTheRefusal() throws IOException {
        project.write("components/app/component.yaml", "");
        String printed = configure("""
                  - command: {run: ./x, when: "{{ password }}"}
                attributes:
                  password: {default: hunter2-secret, sensitive: true}
                """);
        assertEquals("components/app/component.yaml:2:31: error: invalid value for attribute 'when' of part "
                + "'command'" + IN + "the value (sensitive, not shown) is not allowed: it must be always, changed or parent_changed",
                printed);
    }
}
