package batou.ssh.deploy;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;

import batou.engine.DeploymentResult;
import batou.engine.RunMode;
import batou.engine.events.DeploymentListener;
import batou.lib.LibraryPartTypes;
import batou.model.configure.Configurator;
import batou.model.parts.PartTypeRegistry;
import batou.ssh.SshSettings;
import batou.ssh.operation.DeployOperation;
import batou.ssh.operation.DeployProgress;
import batou.ssh.operation.DeployRequest;
import batou.ssh.operation.DeployReport;

/** A test project's environment {@code test} deployed by the {@link DeployOperation} the command line runs. */
final class TestDeployment {

    static final PartTypeRegistry TYPES = LibraryPartTypes.registry();

    private TestDeployment() {
    }

    /** The request to deploy {@code project} (committed or not), at most {@code jobs} roots at once. */
    static DeployRequest request(Path project, long jobs, SshSettings settings, DeploymentListener listener) {
        return DeployRequest.of(project, "test", RunMode.DEPLOY,
                homes -> new Configurator(TYPES).homes(homes).configure(project, "test"), TYPES).withJobs(jobs)
                .withDirty(true).withSettings(settings).withProgress(DeployProgress.events(listener));
    }

    /** Deploys {@code project}, which must configure without errors; the hosts' results. */
    static DeploymentResult run(Path project, long jobs, SshSettings settings, DeploymentListener listener) {
        DeployReport report = new DeployOperation(request(project, jobs, settings, listener)).run();
        assertNotNull(report.result(), () -> report.failedIn() + ": " + report.failure() + " " + report.unexpected());
        return report.result();
    }
}
