package batou.ssh.operation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.DeploymentInfo;
import batou.engine.DeploymentResult;
import batou.engine.Phase;
import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.lib.LibraryPartTypes;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.configure.HostHomes;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.ssh.SshSettings;
import batou.ssh.deploy.DeployLock;
import batou.ssh.deploy.EnvironmentConnector;
import batou.ssh.deploy.ProjectRepository;
import batou.test.harness.EventRecorder;
import batou.test.harness.TempProject;

/**
 * What the command line and the workbench share to deploy an environment of a local project: the git state, the
 * deploy lock, the deployment with cancel, and the hosts' records.
 */
class DeployOperationTest {

    private static final PartTypeRegistry TYPES = LibraryPartTypes.registry();

    @TempDir
    Path temp;

    private TempProject project;

    @TempDir
    Path target;

    private final EventRecorder events = new EventRecorder();

    @BeforeEach
    void writeProject() throws IOException {
        project = new TempProject(temp);
        project.write("components/web/component.yaml", "parts:\n  - file: {path: index.html, content: \"hello\\n\"}\n");
        project.write("components/proxy/component.yaml",
                "parts:\n  - file: {path: proxy.conf, content: \"upstream\\n\"}\n");
        project.write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: "%s"}
                hosts:
                  localhost: [web, proxy]
                """.formatted(target));
    }

    private DeploymentPlan plan() {
        Configuration configuration = configure(HostHomes.UNKNOWN);
        assertFalse(configuration.failed(), configuration.diagnostics().toString());
        return configuration.plan();
    }

    private Configuration configure(HostHomes homes) {
        return new Configurator(TYPES).homes(homes).configure(project.root(), "dev");
    }

    private DeployRequest request(RunMode mode) {
        return DeployRequest.of(project.root(), "dev", mode, this::configure, TYPES).withDirty(true)
                .withProgress(DeployProgress.events(events));
    }

    @Test
    void deploysLocalHostsAndRecordsWhatWasDeployed() throws Exception {
        HostPlan host = plan().host("localhost");
        try (EnvironmentConnector connector = EnvironmentConnector.forProject(project.root(), TYPES,
                SshSettings.defaults())) {
            assertNull(connector.record(host), "nothing deployed yet");
        }
        DeploymentResult predicted = new DeployOperation(request(RunMode.PREDICT)).run().result();
        assertEquals(2, predicted.count(RootStatus.CHANGED));
        assertFalse(Files.exists(target.resolve("work/web/index.html")), "predicting writes nothing");

        DeploymentResult result = new DeployOperation(request(RunMode.DEPLOY)).run().result();
        assertEquals(2, result.count(RootStatus.CHANGED), result.all().toString());
        assertEquals("hello\n", Files.readString(target.resolve("work/web/index.html")));
        try (EnvironmentConnector connector = EnvironmentConnector.forProject(project.root(), TYPES,
                SshSettings.defaults())) {
            String record = connector.record(host);
            assertNotNull(record);
            assertTrue(record.contains("\"operator\": \"" + DeploymentInfo.currentOperator() + "\""), record);
        }
    }

    @Test
    void cancelledBeforeTheStartSkipsEveryRoot() {
        DeployRequest request = request(RunMode.DEPLOY);
        request.cancellation().cancel();
        DeployReport report = new DeployOperation(request).run();
        assertTrue(report.cancelled());
        assertEquals(Phase.DEPLOYING, report.failedIn());
        DeploymentResult result = report.result();
        assertEquals(2, result.count(RootStatus.SKIPPED), result.all().toString());
        assertTrue(result.all().stream().allMatch(r -> r.message().contains("cancelled")), result.all().toString());
        assertFalse(Files.exists(target.resolve("work")), "nothing was deployed");
    }

    @Test
    void theLockComesFirstNothingIsReadWhileAnotherRunHoldsIt() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        DeployProgress progress = new DeployProgress() {
            @Override
            public void phase(Phase phase) {
                heard.add(phase.name());
            }

            @Override
            public void repository(ProjectRepository repository) {
                heard.add("git");
            }
        };
        try (DeployLock held = DeployLock.acquire(project.root(), "dev")) {
            DeployReport report = new DeployOperation(request(RunMode.DEPLOY).withProgress(progress)).run();
            assertFalse(report.started());
            assertEquals(Phase.PREPARING, report.failedIn());
            assertTrue(report.failure().startsWith("another deployment of environment 'dev'"), report.failure());
            assertEquals(List.of(), heard, "neither the git state nor the configuration was read");
        }
        assertFalse(Files.exists(target.resolve("work")), "nothing was deployed");
    }

    @Test
    void uncommittedChangesAreDeployedOnlyWhenTheProgressAgrees() throws Exception {
        String head = project.commit("project").head();
        project.write("notes.txt", "new\n");
        List<ProjectRepository> asked = new java.util.concurrent.CopyOnWriteArrayList<>();
        boolean[] answer = { false };
        DeployProgress confirming = new DeployProgress() {
            @Override
            public boolean deployUncommitted(ProjectRepository repository) {
                asked.add(repository);
                return answer[0];
            }
        };
        DeployRequest request = request(RunMode.DEPLOY).withDirty(false).withProgress(confirming);
        DeployReport declined = new DeployOperation(request).run();
        assertEquals(List.of("notes.txt"), asked.get(0).uncommitted());
        assertEquals(Phase.PREPARING, declined.failedIn());
        assertTrue(declined.cancelled(), "declining cancels the run");
        assertNull(declined.result());
        assertFalse(Files.exists(target.resolve("work")), "nothing was deployed");

        DeployReport predicted = new DeployOperation(request(RunMode.PREDICT).withDirty(false)
                .withProgress(confirming)).run();
        assertNull(predicted.failedIn(), () -> predicted.failure());
        assertEquals(1, asked.size(), "predicting changes nothing, so it never asks");

        answer[0] = true;
        DeployReport agreed = new DeployOperation(request).run();
        assertNull(agreed.failedIn(), () -> agreed.failure());
        assertEquals(head, agreed.commit());
        try (EnvironmentConnector connector = EnvironmentConnector.forProject(project.root(), TYPES,
                SshSettings.defaults())) {
            String record = connector.record(plan().host("localhost"));
            assertTrue(record.contains("\"commit\": \"" + head + "\""), record);
        }
    }

    @Test
    void projectOutsideGitHasNoRepository() throws IOException {
        assertNull(ProjectRepository.of(project.root()));
    }

    @Test
    void repositoryTellsCommittedFromUncommitted() throws Exception {
        String commit = project.commit("project").head();
        ProjectRepository clean = ProjectRepository.of(project.root());
        assertTrue(clean.clean());
        assertEquals(commit, clean.commit());
        assertEquals(commit.substring(0, 7), clean.shortCommit());

        project.write("components/web/component.yaml", "parts: []\n");
        project.write("notes.txt", "new\n");
        ProjectRepository dirty = ProjectRepository.of(project.root());
        assertFalse(dirty.clean());
        assertEquals(List.of("components/web/component.yaml", "notes.txt"), dirty.uncommitted());
        assertEquals("components/web/component.yaml, notes.txt", dirty.describeUncommitted());
    }

    @Test
    void aSecondLockOfTheSameEnvironmentIsRefused() throws Exception {
        try (DeployLock lock = DeployLock.acquire(project.root(), "dev")) {
            DeployLock.HeldException held = assertThrows(DeployLock.HeldException.class,
                    () -> DeployLock.acquire(project.root(), "dev"));
            assertTrue(held.getMessage().contains("another deployment of environment 'dev'"), held.getMessage());
            DeployLock.acquire(project.root(), "prod").close();
        }
        DeployLock.acquire(project.root(), "dev").close();
    }
}
