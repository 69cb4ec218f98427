package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.Diagnostic;
import batou.model.project.edit.EditException;
import batou.model.project.edit.EnvironmentEdits;
import batou.model.project.edit.EnvironmentOutline;
import batou.test.harness.Properties;
import batou.test.harness.TempProject;
import batou.test.harness.YamlInputs;

/**
 * Arbitrary and adversarial YAML in environment.yaml, component.yaml and the (decrypted) secrets, loaded and
 * configured as batou does, and in the workbench's editor: each ends in a configuration or in diagnostics that are
 * sentences, within two seconds and 256 MiB per file, never a throwable.
 */
class YamlReaderPropertiesTest {

    private static final int TRIES = 200;
    private static final String SKELETON = "hosts:\n  h: [app]\n";

    @TempDir
    Path root;

    /** Which file gets the input, and the input. */
    private record Project(String file, String text) {
        @Override
        public String toString() {
            return file + ": " + text;
        }
    }

    private static String document(Random random) {
        return random.nextInt(3) == 0 ? YamlInputs.arbitrary(random) : YamlInputs.adversarial(random);
    }

    /** The input as a whole file, or as one value in an otherwise valid file. */
    private static Project project(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> new Project("environments/dev/environment.yaml", document(random));
            case 1 -> new Project("environments/dev/environment.yaml", SKELETON + "components:\n  app: {x: "
                    + YamlInputs.value(random) + "}\n");
            case 2 -> new Project("components/app/component.yaml", document(random));
            case 3 -> new Project("components/app/component.yaml", "attributes:\n  x: {default: "
                    + YamlInputs.value(random) + "}\nparts:\n  - file: {path: f, content: " + YamlInputs.value(random)
                    + "}\n");
            case 4 -> new Project("environments/dev/secrets.age", document(random));
            default -> new Project("environments/dev/secrets.age", "members: []\ncomponents: {app: {x: "
                    + YamlInputs.value(random) + "}}\nhosts: {h: {k: " + YamlInputs.value(random) + "}}\n");
        };
    }

    private static void assertSentence(String message) {
        assertTrue(!message.contains("Exception") && !message.contains("\tat ") && !message.contains("java."),
                "a sentence: " + message);
    }

    @Test
    void projectFilesLoadOrReportSentences() {
        TempProject project = new TempProject(root);
        Properties.forAll("yaml: project files", TRIES, YamlReaderPropertiesTest::project,
                Properties.Bounds.reader(), input -> {
                    project.write("components/app/component.yaml", "attributes:\n  x: {}\n");
                    project.write("environments/dev/environment.yaml", SKELETON);
                    project.write("environments/dev/secrets.age", "members: []\n");
                    project.write(input.file(), input.text());
                    Configuration configuration = new ProjectFixture(project.root()).configureWithSecrets("dev");
                    for (Diagnostic diagnostic : configuration.diagnostics()) {
                        assertSentence(diagnostic.toString());
                    }
                });
    }

    @Test
    void theEditorReadsOrReportsSentences() {
        Properties.forAll("yaml: the environment editor", TRIES, YamlReaderPropertiesTest::document,
                Properties.Bounds.reader(), text -> {
                    EnvironmentOutline outline = EnvironmentOutline.read(text, "environments/dev/environment.yaml");
                    outline.problems().forEach(problem -> assertSentence(problem.toString()));
                    try {
                        new EnvironmentEdits(text).setSetting("jobs", 2L);
                    } catch (EditException e) {
                        assertSentence(e.getMessage());
                    }
                });
    }
}
