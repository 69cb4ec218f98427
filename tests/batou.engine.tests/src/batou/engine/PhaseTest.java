package batou.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PhaseTest {

    @ParameterizedTest
    @CsvSource({ "PREPARING, Preparing", "CONFIGURING, Configuring", "DEPLOYING, Deploying" })
    void headingIsTheCapitalisedName(Phase phase, String heading) {
        assertEquals(heading, phase.heading());
    }

    @Test
    void phasesRunInTheOrderOfARun() {
        assertEquals(List.of("PREPARING", "CONFIGURING", "CONNECTING", "DEPLOYING", "SUMMARY"),
                Arrays.stream(Phase.values()).map(Enum::name).toList());
    }
}
