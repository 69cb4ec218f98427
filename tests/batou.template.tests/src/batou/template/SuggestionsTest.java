package batou.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = List.of("hosts", "environment", "components");

    @Test
    void closeTyposAreSuggested() {
        assertEquals("hosts", Suggestions.closest("hots", KEYS));
        assertEquals("hosts", Suggestions.closest("hsots", KEYS)); // a swap counts as one edit
        assertEquals("components", Suggestions.closest("Components", KEYS));
        assertEquals("did you mean 'environment'?", Suggestions.didYouMean("enviroment", KEYS));
    }

    @Test
    void distantWordsAreNot() {
        assertNull(Suggestions.closest("colour", KEYS));
        assertEquals("", Suggestions.didYouMean("x", KEYS));
        // short words need a closer match: 'ab' is two edits from 'hosts'-like names but only two letters long
        assertNull(Suggestions.closest("ab", List.of("cd")));
    }

    @Test
    void distanceCountsInsertionsDeletionsSubstitutionsAndSwaps() {
        assertEquals(0, Suggestions.distance("abc", "abc"));
        assertEquals(1, Suggestions.distance("abc", "abxc"));
        assertEquals(1, Suggestions.distance("abc", "ac"));
        assertEquals(1, Suggestions.distance("abc", "abd"));
        assertEquals(1, Suggestions.distance("abc", "bac"));
    }
}
