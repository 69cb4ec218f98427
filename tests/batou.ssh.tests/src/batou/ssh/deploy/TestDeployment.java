package batou.ssh.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import batou.engine.DeploymentInfo;
import batou.engine.DeploymentResult;
import batou.engine.LocalDeployment;
import batou.engine.Orchestrator;
import batou.engine.RunMode;
import batou.engine.events.DeploymentListener;
import batou.engine.parts.ExecutablePartTypes;
import batou.lib.LibraryPartTypes;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.parts.PartTypeRegistry;
import batou.ssh.SshSettings;

/**
 * A test project's environment {@code test} configured with the library's part types and deployed as the command
 * line does: SSH hosts through the {@link EnvironmentConnector}, roots by the {@link Orchestrator}.
 */
final class TestDeployment {

    static final PartTypeRegistry TYPES = PartTypeRegistry.fromProviders(List.of(new LibraryPartTypes()));

    private TestDeployment() {
    }

    /** Deploys {@code project} (which must configure without errors), at most {@code jobs} roots at once. */
    static DeploymentResult run(Path project, long jobs, SshSettings settings, DeploymentListener listener) {
        Configuration configuration = new Configurator(TYPES).configure(project, "test");
        assertFalse(configuration.failed(), () -> configuration.diagnostics().toString());
        DeploymentInfo info = new DeploymentInfo("test", "c0ffee", "tester@controller", RunMode.DEPLOY);
        LocalDeployment local = new LocalDeployment(new ExecutablePartTypes(TYPES), project, info, listener,
                Clock.systemUTC());
        try (EnvironmentConnector connector = new EnvironmentConnector(local.connector(), project, TYPES, settings)) {
            return new Orchestrator(connector, info, jobs, listener, Clock.systemUTC()).run(configuration.plan());
        }
    }
}
