package batou.secrets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import batou.test.harness.Properties;
import batou.test.harness.YamlInputs;

/**
 * Arbitrary and adversarial YAML as the text of a secrets document (what {@code secrets edit} checks before it
 * encrypts): each is a document or an IllegalArgumentException with a sentence that quotes nothing of the text,
 * within two seconds and 256 MiB, never any other throwable.
 */
class SecretsDocumentPropertiesTest {

    private static final int TRIES = 300;
    private static final String MARKER = "s3cr3t";

    /** The input, before or after a value that must never be quoted (names may be: they are shown anyway). */
    private static String secrets(java.util.Random random) {
        String text = switch (random.nextInt(3)) {
            case 0 -> YamlInputs.arbitrary(random);
            case 1 -> YamlInputs.adversarial(random);
            default -> "members: []\ncomponents: {app: {x: " + YamlInputs.value(random) + "}}\nhosts: {h: {k: "
                    + YamlInputs.value(random) + "}}\n";
        };
        String secret = switch (random.nextInt(3)) {
            case 0 -> "components: {db: {password: " + MARKER + "}}\n";
            case 1 -> "hosts:\n  h:\n    token: \"" + MARKER + "\\q\"\n";
            default -> "components:\n  db:\n    password: |\n      " + MARKER + "\u0001\n";
        };
        return random.nextBoolean() ? secret + text : text + "\n" + secret;
    }

    @Test
    void aSecretsTextIsADocumentOrASentenceThatQuotesNothing() {
        Properties.forAll("yaml: secrets documents", TRIES, SecretsDocumentPropertiesTest::secrets,
                Properties.Bounds.reader(), text -> {
                    try {
                        SecretsDocument document = SecretsDocument.parse(text);
                        document.entries().forEach(entry -> document.value(entry));
                    } catch (IllegalArgumentException e) {
                        String message = e.getMessage();
                        assertFalse(message.contains(MARKER) || message.contains("cr3t"),
                                "quotes the text: " + message);
                        assertTrue(!message.contains("Exception") && message.chars().noneMatch(c -> c < 0x20),
                                "a sentence: " + message);
                    }
                });
    }
}
