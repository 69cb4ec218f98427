package batou.ui.journeys;

import static batou.ui.Ui.click;
import static batou.ui.journeys.RunsFixture.PREDICT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;

import org.eclipse.core.runtime.IStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import batou.ui.WorkspaceLogGuard;

/**
 * A person predicts: the log says what would be done ("would create", "would run", "would change"), nothing is
 * written; a prediction that fails says "Prediction failed" once, in the deployment view, and leaves no error behind
 * in the progress service (whose status-line icon would show it again during the next run).
 */
@ExtendWith(WorkspaceLogGuard.class)
class PredictWordingJourneyTest {

    @RegisterExtension
    final RunsFixture runs = RunsFixture.opened(0);

    @Test
    void predictionSaysWhatWouldBeDone() {
        runs.waitForTool(PREDICT, true);
        click(runs.tool(PREDICT));
        runs.waitForEnd();

        String log = runs.log();
        assertTrue(log.contains("localhost: slow: would run sleep 0"), log);
        assertTrue(log.contains("localhost: after: would create " + runs.target.resolve("work/after/after.txt")), log);
        assertTrue(log.contains("localhost: after: would change ("), log);
        assertFalse(log.contains(": create "), log);
        assertFalse(log.contains(": run "), log);
        assertEquals("", runs.failure(), "nothing failed");
        assertFalse(Files.exists(runs.target.resolve("work/after/after.txt")), "predicting writes nothing");
    }

    @Test
    void aFailedPredictionSaysPredictionFailedOnceInTheView() throws Exception {
        runs.environment("", "localhost: [slow, missing]");
        runs.waitForTool(PREDICT, true);
        click(runs.tool(PREDICT));
        runs.waitForEnd();

        String failure = runs.failure();
        assertTrue(failure.startsWith("Prediction failed: the configuration of environment dev has 1 error(s)"),
                failure);
        assertFalse(failure.toLowerCase().contains("deployment"), failure);
        assertNotEquals(IStatus.ERROR, runs.lastResult().getSeverity(),
                "an error result would be kept and shown again by the progress icon during the next run");

        runs.environment("", "localhost: [slow, after]");
        runs.waitForTool(PREDICT, true);
        click(runs.tool(PREDICT));
        runs.waitForEnd();
        assertEquals("", runs.failure(), "the next run shows no old failure");
    }
}
