package batou.ui.journeys;

import static batou.ui.Ui.click;
import static batou.ui.journeys.RunsFixture.PREDICT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import batou.ui.WorkspaceLogGuard;
import batou.ui.internal.deploy.DeploymentJob;

/**
 * A person predicts: the log says what would be done ("would create", "would run", "would change"), nothing is
 * written; a prediction that fails says "Prediction failed" once, in the deployment view, and leaves no error behind
 * in the progress service (whose status-line icon would show it again during the next run).
 */
@ExtendWith(WorkspaceLogGuard.class)
class PredictWordingJourneyTest {

    @TempDir
    Path temp;

    private RunsFixture runs;

    @BeforeEach
    void project() throws Exception {
        runs = new RunsFixture(temp, 0);
        runs.open();
    }

    @AfterEach
    void close() {
        runs.close();
    }

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
        runs.project.write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: "%s"}
                hosts:
                  localhost: [slow, missing]
                """.formatted(runs.target));
        runs.waitForTool(PREDICT, true);
        click(runs.tool(PREDICT));
        Job job = Job.getJobManager().find(DeploymentJob.FAMILY)[0];
        runs.waitForEnd();

        String failure = runs.failure();
        assertTrue(failure.startsWith("Prediction failed: the configuration of environment dev has 1 error(s)"),
                failure);
        assertFalse(failure.toLowerCase().contains("deployment"), failure);
        assertNotEquals(IStatus.ERROR, job.getResult().getSeverity(),
                "an error result would be kept and shown again by the progress icon during the next run");

        runs.project.write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: "%s"}
                hosts:
                  localhost: [slow, after]
                """.formatted(runs.target));
        runs.waitForTool(PREDICT, true);
        click(runs.tool(PREDICT));
        runs.waitForEnd();
        assertEquals("", runs.failure(), "the next run shows no old failure");
    }
}
