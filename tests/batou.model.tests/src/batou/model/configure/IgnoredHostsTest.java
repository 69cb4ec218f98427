package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootId;

/**
 * As in batou, an ignored host ({@code "!db1"}) or component ({@code "!cache"}) is configured, so what it provides
 * still reaches the others (one deploys the rest while a machine is down), but it is not in the deployed plan.
 */
class IgnoredHostsTest {

    @TempDir
    Path root;

    private ProjectFixture project;

    @BeforeEach
    void components() {
        project = new ProjectFixture(root)
                .component("postgres", """
                        provide:
                          dsn: "pg://{{ host.name }}:5432"
                        """)
                .component("cache", """
                        require:
                          dsn: {resource: dsn, one: true}
                        provide:
                          cache: "{{ host.name }}:6379 for {{ dsn }}"
                        """)
                .component("app", """
                        require:
                          dsn: {resource: dsn, one: true}
                          cache: {resource: cache, one: true}
                        parts:
                          - file: {path: app.conf, content: "{{ dsn }} {{ cache }}"}
                        """);
    }

    private static DeploymentPlan plan(Configuration configuration) {
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        return configuration.plan();
    }

    @Test
    void item22_anIgnoredHostProvidesItsResourcesButIsNotDeployed() {
        DeploymentPlan plan = plan(project.environment("dev", """
                hosts:
                  "!db1": [postgres]
                  web1: [cache, app]
                """).configure("dev"));
        assertEquals(List.of("web1"), plan.hosts().stream().map(HostPlan::name).toList());
        assertEquals(List.of("db1"), plan.ignoredHosts());
        assertEquals(List.of(new RootId("web1", "cache"), new RootId("web1", "app")), plan.order());
        assertEquals("pg://db1:5432 web1:6379 for pg://db1:5432", plan.root(new RootId("web1", "app")).parts()
                .get(0).attributes().get("content"));
        assertEquals(List.of(), plan.root(new RootId("web1", "cache")).dependsOn(), "nothing waits for db1");
        assertEquals(List.of(new RootId("web1", "cache")), plan.root(new RootId("web1", "app")).dependsOn());
    }

    @Test
    void item22_anIgnoredComponentProvidesItsResourcesAndItsDependantsWaitForWhatItWaitsFor() {
        DeploymentPlan plan = plan(project.environment("dev", """
                hosts:
                  db1: [postgres]
                  web1: ["!cache", app]
                """).configure("dev"));
        assertEquals(List.of("db1", "web1"), plan.hosts().stream().map(HostPlan::name).toList());
        assertEquals(List.of(new RootId("web1", "cache")), plan.ignoredComponents());
        assertEquals(List.of(new RootId("db1", "postgres"), new RootId("web1", "app")), plan.order());
        assertEquals("pg://db1:5432 web1:6379 for pg://db1:5432", plan.root(new RootId("web1", "app")).parts()
                .get(0).attributes().get("content"));
        // app waited for cache, which waited for postgres: app still comes after postgres
        assertEquals(List.of(new RootId("db1", "postgres")), plan.root(new RootId("web1", "app")).dependsOn());
    }

    @Test
    void item22_aRootWaitsForWhatAnIgnoredRootWaitsForOnlyWhenNothingElseMakesItWait() {
        DeploymentPlan plan = plan(new ProjectFixture(root)
                .component("p", "provide: {a: 1}\n")
                .component("x", "require: {a: a}\nprovide: {b: 2}\n")
                .component("i", "require: {a: a}\nprovide: {c: 3}\n")
                .component("top", "require: {b: b, c: c}\n")
                .environment("dev", """
                        hosts:
                          h: [p, x, "!i", top]
                        """).configure("dev"));
        assertEquals(List.of(new RootId("h", "x")), plan.root(new RootId("h", "top")).dependsOn(),
                "top waits for x, which waits for p: no second edge to p through the ignored i");
        assertEquals(List.of(new RootId("h", "p"), new RootId("h", "x"), new RootId("h", "top")), plan.order());
    }

    @Test
    void item22_anIgnoredHostIsConfiguredSoItsErrorsAreReported() {
        Configuration configuration = project.environment("dev", """
                hosts:
                  "!db1": [postgres, cahce]
                  web1: [cache, app]
                """).configure("dev");
        assertNull(configuration.plan());
        assertEquals("environments/dev/environment.yaml:2:22: error: unknown component 'cahce' on host 'db1' "
                + "(did you mean 'cache'?)", ProjectFixture.printed(configuration));
    }
}
