package batou.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import batou.engine.internal.JsonReader;
import batou.test.harness.Properties;

/**
 * A host's {@code .batou/deployed.json} is written by whoever controls the host: {@link JsonReader} and
 * {@link DeployedRecord} bound its size and depth and answer every malformed text with a sentence and an offset,
 * never a Java exception's text, never a control character from the text.
 */
class HostileRecordTest {

    private static String refused(String json) {
        return assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(IllegalArgumentException.class, () -> DeployedRecord.read(json))).getMessage();
    }

    @Test
    void item12_deepNestingIsRefusedAtItsOffset() {
        assertEquals("nested deeper than 64 levels at offset 64", refused("[".repeat(100_000)));
        assertEquals("nested deeper than 64 levels at offset 78", refused("{\"components\": " + "[".repeat(100)));
    }

    @Test
    void item12_aRecordLargerThanOneMebibyteIsRefusedBeforeParsing() {
        assertEquals("the record is larger than 1 MiB (2000009 characters)",
                refused("{\"x\": \"" + "a".repeat(2_000_000) + "\"}"));
    }

    @Test
    void item12_malformedTextIsASentenceWithoutJavaTextOrControlCharacters() {
        assertEquals("a bad \\u escape at offset 9", refused("{\"a\": \"\\u12G4\"}"));
        assertEquals("unexpected character U+001B at offset 0", refused("\u001b[2J"));
        assertEquals("a bad number '-' at offset 1", refused("-"));
        assertEquals("a bad number (40 characters: 1.1.1.1.1.1.1.1.1.1.1.1....) at offset 40",
                refused("1.".repeat(20)));
        assertEquals("not a JSON object", refused("[]"));
    }

    @Test
    void aRecordWrittenByBatouReadsBack() {
        String json = "{\"environment\": \"dev\", \"commit\": \"abc\", \"time\": \"t\", \"operator\": \"o\", "
                + "\"components\": [{\"name\": \"a\", \"status\": \"failed\"}, {\"name\": \"b\", \"status\": \"ok\"}]}";
        DeployedRecord record = DeployedRecord.read(json);
        assertEquals(new DeployedRecord("", "dev", "abc", "t", "o", "", DeployedRecord.State.FINISHED,
                List.of(new DeployedRecord.Component("a", RootStatus.FAILED), new DeployedRecord.Component("b", null))),
                record);
        assertEquals(1, record.failed());
    }

    /** JSON-ish text: brackets, braces, strings with escapes, numbers, words, garbage, deep and long runs. */
    private static String jsonish(Random random) {
        String[] pieces = { "{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\u00e9", "\\ud800", "true", "fals",
                "null", "-", "1e999", "0.5", "123456789012345678901234567890", " ", "\n", "\u0000", "\u001b", "\"k\"",
                "\u00e9", "\ud83d\ude00" };
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(200);
        for (int i = 0; i < length; i++) {
            switch (random.nextInt(20)) {
                case 0 -> text.append("[".repeat(random.nextInt(5000)));
                case 1 -> text.append("{\"a\":".repeat(random.nextInt(500)));
                case 2 -> text.append("9".repeat(random.nextInt(100_000)));
                default -> text.append(pieces[random.nextInt(pieces.length)]);
            }
        }
        return text.toString();
    }

    @Test
    void arbitraryTextEndsInARecordOrASentenceWithinBounds() {
        Properties.forAll("deployed.json", 400, HostileRecordTest::jsonish, Properties.Bounds.reader(), text -> {
            try {
                DeployedRecord.read(text);
            } catch (IllegalArgumentException e) {
                String message = e.getMessage();
                assertTrue(message.length() < 200 && message.chars().noneMatch(Character::isISOControl)
                        && !message.contains("Exception") && !message.contains("For input"), message);
            }
        });
        assertEquals(Map.of("k", List.of(1L, 2.5, true)), JsonReader.parse("{\"k\": [1, 2.5, true]}"));
    }
}
