package batou.ssh.operation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import batou.engine.DeployedRecord;
import batou.engine.HostSessionException;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.ssh.SshSettings;
import batou.ssh.deploy.EnvironmentConnector;
import batou.ssh.deploy.ProjectRepository;

/**
 * What each host of a configured environment last received (its {@code .batou/deployed.json}), hosts asked in
 * parallel, and the project's HEAD to compare with: what {@code batou status} prints and the workbench's host records
 * show.
 */
public final class StatusOperation {

    /**
     * One host: its record; or null when nothing was deployed there yet, or when {@code unreachable} (the record
     * could not be read: the connection, the command) or {@code unreadable} (not a record) says why.
     */
    public record HostStatus(String host, DeployedRecord record, String unreachable, String unreadable) {
    }

    /** The project's HEAD (null outside git, or unreadable) and each host's status, in the plan's order. */
    public record StatusReport(String head, List<HostStatus> hosts) {
    }

    private StatusOperation() {
    }

    /** Reads the records of the hosts of {@code plan} of the project at {@code project}. */
    public static StatusReport read(Path project, DeploymentPlan plan, PartTypeRegistry registry,
            SshSettings settings) {
        String head;
        try {
            ProjectRepository repository = ProjectRepository.of(project);
            head = repository == null ? null : repository.commit();
        } catch (IOException e) {
            head = null;
        }
        List<CompletableFuture<HostStatus>> reads = new ArrayList<>();
        try (EnvironmentConnector connector = EnvironmentConnector.forProject(project, registry, settings)) {
            for (HostPlan host : plan.hosts()) {
                reads.add(CompletableFuture.supplyAsync(() -> status(connector, host)));
            }
            return new StatusReport(head, reads.stream().map(CompletableFuture::join).toList());
        }
    }

    private static HostStatus status(EnvironmentConnector connector, HostPlan host) {
        String json;
        try {
            json = connector.record(host);
        } catch (HostSessionException e) {
            return new HostStatus(host.name(), null, e.getMessage(), null);
        }
        if (json == null) {
            return new HostStatus(host.name(), null, null, null);
        }
        try {
            return new HostStatus(host.name(), DeployedRecord.read(json), null, null);
        } catch (IllegalArgumentException e) {
            return new HostStatus(host.name(), null, null, e.getMessage());
        }
    }
}
