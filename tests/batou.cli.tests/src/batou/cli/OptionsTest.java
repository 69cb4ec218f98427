package batou.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OptionsTest {

    private final Options options = new Options()
            .add(Option.valued("project", 'p', "DIR", "The project folder."))
            .add(Option.flag("predict", "Verify only."));

    @Test
    void longShortAndInlineValues() throws UsageException {
        assertEquals(Optional.of("a"), options.parse("deploy", List.of("--project", "a")).value("project"));
        assertEquals(Optional.of("b"), options.parse("deploy", List.of("-p", "b")).value("project"));
        assertEquals(Optional.of("c=d"), options.parse("deploy", List.of("--project=c=d")).value("project"));
    }

    @Test
    void flagsAndPositionalArgumentsMix() throws UsageException {
        ParsedArguments parsed = options.parse("deploy", List.of("dev", "--predict", "-p", "x", "more"));
        assertTrue(parsed.has("predict"));
        assertFalse(parsed.has("dirty"));
        assertEquals(List.of("dev", "more"), parsed.positional());
    }

    @Test
    void doubleDashEndsOptions() throws UsageException {
        ParsedArguments parsed = options.parse("deploy", List.of("--", "--predict"));
        assertFalse(parsed.has("predict"));
        assertEquals(List.of("--predict"), parsed.positional());
    }

    @Test
    void missingValueNamesTheOptionAndWhatItWants() {
        UsageException e = assertThrows(UsageException.class, () -> options.parse("deploy", List.of("-p")));
        assertEquals("option '-p' needs a value (DIR)", e.getMessage());
    }

    @Test
    void flagWithValueIsRejected() {
        UsageException e = assertThrows(UsageException.class,
                () -> options.parse("deploy", List.of("--predict=yes")));
        assertEquals("option '--predict' takes no value", e.getMessage());
    }

    @Test
    void expectPositionalNamesTheMissingArgument() throws UsageException {
        ParsedArguments parsed = options.parse("deploy", List.of());
        UsageException e = assertThrows(UsageException.class, () -> parsed.expectPositional("ENV"));
        assertEquals("'deploy' needs ENV", e.getMessage());
    }

    @Test
    void optionsCannotBeDeclaredTwice() {
        assertThrows(IllegalArgumentException.class, () -> options.add(Option.flag("predict", "again")));
    }

    @Test
    void synopsisShowsAliasAndValue() {
        assertEquals("-p, --project DIR", options.all().get(0).synopsis());
        assertEquals("--predict", options.all().get(1).synopsis());
    }
}
