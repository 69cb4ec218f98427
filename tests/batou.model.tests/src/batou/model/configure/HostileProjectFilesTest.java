package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.YamlInputs;

/**
 * Project files an attacker or an accident made: YAML bombs, cycles, huge or deep documents, other encodings, binary
 * bytes, folders and dangling links where files belong. Each ends quickly in one error with file, line and what to
 * do, for environment.yaml, component.yaml and the decrypted secrets alike.
 */
class HostileProjectFilesTest {

    private static final String ENVIRONMENT = "environments/dev/environment.yaml";
    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir
    Path root;

    private ProjectFixture project;

    @BeforeEach
    void project() {
        project = new ProjectFixture(root).component("app", """
                attributes:
                  x: {default: 1}
                parts:
                  - directory: {path: www}
                """);
    }

    private static String hosts() {
        return "hosts:\n  localhost: [app]\n";
    }

    /** Configures with the secrets read as plain YAML, within five seconds. */
    private String failure(String environment) {
        Configuration configuration = assertTimeoutPreemptively(QUICKLY,
                () -> project.configureWithSecrets(environment));
        assertNull(configuration.plan(), "no plan");
        return ProjectFixture.printed(configuration);
    }

    private void bytes(String relative, byte[] content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /** 40 levels, each a list of two aliases of the one before: about 2^41 values from one kilobyte. */
    static String aliasChain() {
        StringBuilder yaml = new StringBuilder("c0: &c0 {a: x, b: y}\n");
        for (int level = 1; level < 40; level++) {
            yaml.append('c').append(level).append(": &c").append(level).append(" [*c").append(level - 1)
                    .append(", *c").append(level - 1).append("]\n");
        }
        return yaml.toString();
    }

    @Test
    void item12_aSelfReferencingAnchorInEnvironmentYamlIsACycleWithItsPosition() {
        project.environment("dev", hosts() + "components:\n  app:\n    x: &a [1, *a]\n");
        assertEquals(ENVIRONMENT + ":5:15: error: the alias *a is inside the value of its own anchor &a (a cycle) "
                + "(an alias can only repeat a value that ends before it)", failure("dev"));
    }

    @Test
    void item12_aSelfReferencingAnchorInComponentYamlIsACycleWithItsPosition() {
        project.component("app", "attributes:\n  x: &a {default: *a}\n").environment("dev", hosts());
        assertEquals("components/app/component.yaml:2:19: error: the alias *a is inside the value of its own "
                + "anchor &a (a cycle) (an alias can only repeat a value that ends before it)", failure("dev"));
    }

    @Test
    void item12_aSelfReferencingAnchorInTheSecretsIsACycleWithItsPosition() {
        project.environment("dev", hosts()).file("environments/dev/secrets.age",
                "members: []\ncomponents:\n  app: &a {x: *a}\n");
        assertEquals("environments/dev/secrets.age:3:15: error: the alias *a is inside the value of its own anchor "
                + "&a (a cycle) (an alias can only repeat a value that ends before it)", failure("dev"));
    }

    @Test
    void item12_aBillionLaughsIsRefusedAtTheAliasThatCrossesTheLimit() {
        project.environment("dev", hosts() + "bomb:\n" + YamlInputs.billionLaughs("  ", 9, 9)
                + "components:\n  app:\n    x: *l8\n");
        String printed = failure("dev");
        assertTrue(printed.matches("(?s)" + ENVIRONMENT.replace(".", "\\.") + ":\\d+:\\d+: error: more than "
                + "100000 values \\(an alias counts every value it repeats\\).*"), printed);
    }

    @Test
    void item12_anAliasChainOfOneKilobyteIsRefusedInTheComponentToo() {
        String chain = aliasChain();
        assertTrue(chain.length() < 1400, chain.length() + " bytes");
        project.component("app", "attributes:\n  x: {default: *c39}\n".replace("attributes", chain + "attributes"))
                .environment("dev", hosts());
        String printed = failure("dev");
        assertTrue(printed.startsWith("components/app/component.yaml:"), printed);
        assertTrue(printed.contains("error: more than 100000 values"), printed);
    }

    @Test
    void item12_aTenMegabyteScalarIsRefusedBeforeParsing() {
        project.environment("dev", hosts() + "components:\n  app:\n    x: " + "a".repeat(10_000_000) + "\n");
        assertEquals(ENVIRONMENT + ": error: too large: 10000053 bytes, batou reads at most 1 MiB (large content "
                + "belongs in files: a component's own files (source:), or secret files (batou secrets set-file))",
                failure("dev"));
    }

    @Test
    void item12_aLongLineIsRefusedWithItsPosition() {
        project.environment("dev", hosts() + "components:\n  app:\n    x: \"" + "a".repeat(70_000) + "\"\n");
        assertEquals(ENVIRONMENT + ":5:65537: error: this line is longer than 65536 characters (break it: a text "
                + "can continue on the next lines (| or > in YAML), long content belongs in a file)", failure("dev"));
    }

    @Test
    void item12_deepNestingThroughAliasesIsRefusedWhereTheAliasIs() {
        String deep = "[".repeat(30) + "1" + "]".repeat(30);
        project.environment("dev", hosts() + "deep: &d " + deep + "\ncomponents:\n  app:\n    x: "
                + "[".repeat(25) + "*d" + "]".repeat(25) + "\n");
        assertEquals(ENVIRONMENT + ":6:33: error: nested deeper than 50 levels where the alias *d repeats its value "
                + "(flatten the structure)", failure("dev"));
    }

    @Test
    void aliasesWithinTheLimitsStillWork() {
        project.environment("dev", hosts() + "components:\n  app:\n    x: &n 5\n");
        Configuration configuration = project.configureWithSecrets("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        String fifty = "[".repeat(47) + "1" + "]".repeat(47); // in three mappings: 50 levels
        project.component("app", "attributes:\n  x: {default: " + fifty + "}\n");
        configuration = project.configureWithSecrets("dev");
        assertTrue(ProjectFixture.printed(configuration).contains("cannot convert"),
                "50 levels read; the int attribute refuses the list: " + ProjectFixture.printed(configuration));
    }

    @Test
    void item15_nestingOverFiftyLevelsNamesTheLineAndColumn() {
        project.environment("dev", hosts() + "components:\n  app:\n    x: " + "[".repeat(60) + "1"
                + "]".repeat(60) + "\n");
        assertEquals(ENVIRONMENT + ":5:55: error: nested deeper than 50 levels (flatten the structure)",
                failure("dev"));
    }

    @Test
    void item15_latin1TextNamesTheLineAndColumnOfTheFirstByteThatIsNotUtf8() throws IOException {
        bytes(ENVIRONMENT, (hosts() + "# caf\u00e9\n").getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(ENVIRONMENT + ":3:6: error: not UTF-8 text: a byte here is not UTF-8 (save it as UTF-8 (it "
                + "may be Latin-1, Windows-1252 or another legacy encoding))", failure("dev"));
    }

    @Test
    void item15_utf16TextSaysHowToConvertIt() throws IOException {
        bytes(ENVIRONMENT, ("\ufeff" + hosts()).getBytes(StandardCharsets.UTF_16LE));
        assertEquals(ENVIRONMENT + ": error: UTF-16 text (it starts with a byte order mark); batou reads YAML as "
                + "UTF-8 (convert it, e.g. iconv -f UTF-16 -t UTF-8 FILE > FILE.new && mv FILE.new FILE)",
                failure("dev"));
    }

    @Test
    void item15_aUtf8ByteOrderMarkIsFine() throws IOException {
        bytes(ENVIRONMENT, ("\ufeff" + hosts()).getBytes(StandardCharsets.UTF_8));
        Configuration configuration = project.configureWithSecrets("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
    }

    @Test
    void item15_aNulCharacterNamesItsPosition() {
        project.component("app", "parts:\n  - directory: {path: \"w\u0000w\"}\n").environment("dev", hosts());
        assertEquals("components/app/component.yaml:2:25: error: a NUL character: this is not a text file (is it "
                + "binary, or UTF-16 without a byte order mark? batou reads YAML as UTF-8 text; inside double "
                + "quotes, write \\0)", failure("dev"));
    }

    @Test
    void item15_anEscapeCharacterNamesItsCode() {
        project.environment("dev", hosts() + "# \u001b[31m\n");
        assertEquals(ENVIRONMENT + ":3:3: error: the control character U+001B, which YAML does not allow in a file "
                + "(remove it; inside double quotes, write it as an escape such as \\t or \\x1b)", failure("dev"));
    }

    @Test
    void item15_anEnvironmentYamlThatIsAFolderIsNamedSo() throws IOException {
        Files.createDirectories(root.resolve(ENVIRONMENT));
        assertEquals(ENVIRONMENT + ": error: a folder where a file is expected (rename or remove the folder and "
                + "write the file in its place)", failure("dev"));
    }

    @Test
    void item15_aDanglingLinkAsEnvironmentYamlNamesItsTarget() throws IOException {
        Files.createDirectories(root.resolve("environments/dev"));
        Files.createSymbolicLink(root.resolve(ENVIRONMENT), Path.of("../shared/environment.yaml"));
        assertEquals(ENVIRONMENT + ": error: a symbolic link to '../shared/environment.yaml', which does not exist "
                + "(fix the link, or replace it with the file)", failure("dev"));
    }

    @Test
    void item15_aComponentYamlThatIsADanglingLinkIsAnError() throws IOException {
        project.environment("dev", hosts());
        Files.delete(root.resolve("components/app/component.yaml"));
        Files.createSymbolicLink(root.resolve("components/app/component.yaml"), Path.of("gone.yaml"));
        String printed = failure("dev");
        assertTrue(printed.startsWith("components/app/component.yaml: error: a symbolic link to 'gone.yaml', which "
                + "does not exist (fix the link, or replace it with the file)"), printed);
    }

    @Test
    void item15_anEmptyComponentYamlIsAWarningThatSaysWhatToDo() {
        project.component("app", "# nothing yet\n").environment("dev", hosts());
        Configuration configuration = project.configureWithSecrets("dev");
        assertNotNull(configuration.plan());
        assertEquals("components/app/component.yaml: warning: component.yaml is empty: component 'app' has no "
                + "attributes and no parts (describe it with parts: and attributes:, or write {} for a component "
                + "that deliberately does nothing)", ProjectFixture.printed(configuration));
    }

    @Test
    void item15_aTemplateThatIsNotUtf8NamesTheLineAndColumnOfTheFirstOtherByte() throws IOException {
        project.component("app", "parts:\n  - template: {path: app.ini, source: app.ini.j2}\n")
                .environment("dev", hosts());
        bytes("components/app/app.ini.j2", "[app]\nname = caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("components/app/app.ini.j2:2:11: error: cannot read template: not UTF-8 text: a byte here is "
                + "not UTF-8 (save it as UTF-8 (it may be Latin-1, Windows-1252 or another legacy encoding))",
                failure("dev"));
    }

    @Test
    void item15_decryptedSecretsThatAreNotUtf8NameTheLineButNoContent() throws IOException {
        project.environment("dev", hosts());
        bytes("environments/dev/secrets.age", "members: []\ncomponents: {app: {x: s\u00e9cret}}\n"
                .getBytes(StandardCharsets.ISO_8859_1));
        assertEquals("environments/dev/secrets.age:2:24: error: not UTF-8 text: a byte here is not UTF-8 (save it "
                + "as UTF-8 (it may be Latin-1, Windows-1252 or another legacy encoding))", failure("dev"));
    }

    @Test
    void item15_aSyntaxErrorInTheSecretsQuotesNothingOfThem() {
        project.environment("dev", hosts()).file("environments/dev/secrets.age",
                "members: []\ncomponents: {app: {x: \"hunter2\\q\"}}\n");
        String printed = failure("dev");
        assertTrue(printed.startsWith("environments/dev/secrets.age:2:"), printed);
        assertTrue(printed.contains("YAML syntax error: found unknown escape character while scanning a "
                + "double-quoted scalar"), printed);
        assertTrue(!printed.contains("hunter") && !printed.contains("q("), printed);
    }
}
