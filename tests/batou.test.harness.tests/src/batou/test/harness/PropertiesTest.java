package batou.test.harness;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The property runner fails for each way a reader can misbehave, and passes a well-behaved one. */
class PropertiesTest {

    private static final Properties.Bounds BOUNDS = new Properties.Bounds(Duration.ofMillis(500), 16L << 20);

    @Test
    void passesAPropertyThatHolds() {
        Properties.forAll("holds", 20, random -> random.nextInt(100), BOUNDS, n -> {
            if (n < 0) {
                throw new IllegalStateException();
            }
        });
    }

    @Test
    void namesTheSeedAndInputOfAFailure() {
        AssertionError failure = assertThrows(AssertionError.class, () -> Properties.forAll("throws", 5,
                random -> "input-" + random.nextInt(10), BOUNDS, input -> {
                    throw new IllegalArgumentException("bad " + input);
                }));
        assertTrue(failure.getMessage().contains("seed "), failure.getMessage());
        assertTrue(failure.getMessage().contains("input: input-"), failure.getMessage());
    }

    @Test
    void failsOnAStackOverflow() {
        AssertionError failure = assertThrows(AssertionError.class, () -> Properties.forAll("recursion", 1,
                random -> 0, BOUNDS, PropertiesTest::recurse));
        assertTrue(failure.getMessage().contains("StackOverflowError"), failure.getMessage());
    }

    @Test
    void failsWhenTooSlow() {
        AssertionError failure = assertThrows(AssertionError.class, () -> Properties.forAll("slow", 1,
                random -> 0, BOUNDS, input -> {
                    while (true) {
                        Thread.onSpinWait();
                    }
                }));
        assertTrue(failure.getMessage().contains("still running"), failure.getMessage());
    }

    @Test
    void failsWhenAllocatingTooMuch() {
        AssertionError failure = assertThrows(AssertionError.class, () -> Properties.forAll("hungry", 1,
                random -> 0, BOUNDS, input -> {
                    for (int i = 0; i < 64; i++) {
                        byte[] block = new byte[1 << 20];
                        block[i] = 1;
                    }
                }));
        assertTrue(failure.getMessage().contains("allocated"), failure.getMessage());
    }

    private static void recurse(int depth) {
        recurse(depth + 1);
    }
}
