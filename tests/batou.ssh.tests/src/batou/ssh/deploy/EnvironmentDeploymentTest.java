package batou.ssh.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.DeploymentInfo;
import batou.engine.DeploymentResult;
import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.engine.events.DeploymentEvent;
import batou.lib.LibraryPartTypes;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.configure.HostHomes;
import batou.model.parts.PartTypeRegistry;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.ssh.SshSettings;

/**
 * What the command line and the workbench share to deploy an environment of a local project: the git state, the
 * deploy lock, the deployment with cancel, and the hosts' records.
 */
class EnvironmentDeploymentTest {

    private static final PartTypeRegistry TYPES = PartTypeRegistry.fromProviders(List.of(new LibraryPartTypes()));

    @TempDir
    Path project;

    @TempDir
    Path target;

    private final List<DeploymentEvent> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void writeProject() throws IOException {
        write("components/web/component.yaml", "parts:\n  - file: {path: index.html, content: \"hello\\n\"}\n");
        write("components/proxy/component.yaml", "parts:\n  - file: {path: proxy.conf, content: \"upstream\\n\"}\n");
        write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: "%s"}
                hosts:
                  localhost: [web, proxy]
                """.formatted(target));
    }

    private void write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private DeploymentPlan plan() {
        Configuration configuration = configure(HostHomes.UNKNOWN);
        assertFalse(configuration.failed(), configuration.diagnostics().toString());
        return configuration.plan();
    }

    private Configuration configure(HostHomes homes) {
        return new Configurator(TYPES).homes(homes).configure(project, "dev");
    }

    private EnvironmentDeployment deployment(boolean predict) {
        return new EnvironmentDeployment(project, TYPES, SshSettings.defaults(),
                new DeploymentInfo("dev", null, "tester@here", predict ? RunMode.PREDICT : RunMode.DEPLOY), events::add,
                Clock.systemUTC());
    }

    @Test
    void deploysLocalHostsAndRecordsWhatWasDeployed() throws Exception {
        DeploymentPlan plan = plan();
        HostPlan host = plan.host("localhost");
        try (EnvironmentConnector connector = EnvironmentConnector.forProject(project, TYPES, SshSettings.defaults())) {
            assertNull(connector.record(host), "nothing deployed yet");
        }
        DeploymentResult predicted = deployment(true).run(plan, 1, this::configure);
        assertEquals(2, predicted.count(RootStatus.CHANGED));
        assertFalse(Files.exists(target.resolve("work/web/index.html")), "predicting writes nothing");

        DeploymentResult result = deployment(false).run(plan, 1, this::configure);
        assertEquals(2, result.count(RootStatus.CHANGED), result.all().toString());
        assertEquals("hello\n", Files.readString(target.resolve("work/web/index.html")));
        try (EnvironmentConnector connector = EnvironmentConnector.forProject(project, TYPES, SshSettings.defaults())) {
            String record = connector.record(host);
            assertNotNull(record);
            assertTrue(record.contains("\"operator\": \"tester@here\""), record);
        }
    }

    @Test
    void cancelledBeforeTheStartSkipsEveryRoot() {
        EnvironmentDeployment deployment = deployment(false);
        deployment.cancel();
        assertTrue(deployment.cancelled());
        DeploymentResult result = deployment.run(plan(), 1, this::configure);
        assertEquals(2, result.count(RootStatus.SKIPPED), result.all().toString());
        assertTrue(result.all().stream().allMatch(r -> r.message().contains("cancelled")), result.all().toString());
        assertFalse(Files.exists(target.resolve("work")), "nothing was deployed");
    }

    @Test
    void projectOutsideGitHasNoRepository() throws IOException {
        assertNull(ProjectRepository.of(project));
    }

    @Test
    void repositoryTellsCommittedFromUncommitted() throws Exception {
        String commit;
        try (Git git = Git.init().setDirectory(project.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            commit = git.commit().setMessage("project").setAuthor("t", "t@example.com")
                    .setCommitter("t", "t@example.com").setSign(false).call().getName();
        }
        ProjectRepository clean = ProjectRepository.of(project);
        assertTrue(clean.clean());
        assertEquals(commit, clean.commit());
        assertEquals(commit.substring(0, 7), clean.shortCommit());

        write("components/web/component.yaml", "parts: []\n");
        write("notes.txt", "new\n");
        ProjectRepository dirty = ProjectRepository.of(project);
        assertFalse(dirty.clean());
        assertEquals(List.of("components/web/component.yaml", "notes.txt"), dirty.uncommitted());
        assertEquals("components/web/component.yaml, notes.txt", dirty.describeUncommitted());
    }

    @Test
    void aSecondLockOfTheSameEnvironmentIsRefused() throws Exception {
        try (DeployLock lock = DeployLock.acquire(project, "dev")) {
            DeployLock.HeldException held = assertThrows(DeployLock.HeldException.class,
                    () -> DeployLock.acquire(project, "dev"));
            assertTrue(held.getMessage().contains("another deployment of environment 'dev'"), held.getMessage());
            DeployLock.acquire(project, "prod").close();
        }
        DeployLock.acquire(project, "dev").close();
    }
}
