package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.plan.DeploymentPlan;
import batou.model.plan.RootId;

/** provide/require across hosts: values, ordering, cycles, unsatisfied and surplus resources. */
class ResourcesAndOrderTest {

    @TempDir
    Path root;

    private ProjectFixture project;

    @BeforeEach
    void components() {
        project = new ProjectFixture(root)
                .component("db", """
                        attributes:
                          port: {type: int, default: 5432}
                        provide:
                          dsn: "pg://{{ host.fqdn }}:{{ port }}"
                        """)
                .component("cache", """
                        provide:
                          cache: "{{ host.name }}:6379"
                        """)
                .component("app", """
                        require:
                          dsns: {resource: dsn}
                          cache: {resource: cache, one: true}
                        attributes:
                          config: {type: string, default: "{{ dsns | join(',') }} {{ cache }}"}
                        provide:
                          backend: "{{ host.name }}:8080"
                        """)
                .component("lb", """
                        require:
                          backends: backend
                        """);
    }

    private static DeploymentPlan plan(Configuration configuration) {
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        return configuration.plan();
    }

    @Test
    void consumerOnOneHostComesAfterProvidersOnOtherHostsWhateverTheDeclarationOrder() {
        project.environment("prod", """
                environment: {host_domain: example.com}
                hosts:
                  a: [lb, app]
                  b: [db]
                  c: [cache, db]
                """);
        DeploymentPlan plan = plan(project.configure("prod"));
        List<RootId> order = plan.order();
        int app = order.indexOf(new RootId("a", "app"));
        assertTrue(order.indexOf(new RootId("b", "db")) < app, order.toString());
        assertTrue(order.indexOf(new RootId("c", "db")) < app, order.toString());
        assertTrue(order.indexOf(new RootId("c", "cache")) < app, order.toString());
        assertTrue(app < order.indexOf(new RootId("a", "lb")), order.toString());
        assertEquals(List.of(new RootId("b", "db"), new RootId("c", "cache"), new RootId("c", "db")),
                plan.root(new RootId("a", "app")).dependsOn().stream().sorted().toList());
        assertEquals("pg://b.example.com:5432,pg://c.example.com:5432 c:6379",
                plan.root(new RootId("a", "app")).attributes().get("config"));
        // hosts keep their roots in deployment order
        assertEquals(List.of("app", "lb"), plan.host("a").roots().stream().map(r -> r.component()).toList());
    }

    @Test
    void orderIsDeterministic() {
        project.environment("prod", """
                hosts:
                  a: [lb, app]
                  b: [db]
                  c: [cache, db]
                """);
        assertEquals(plan(project.configure("prod")).order(), plan(project.configure("prod")).order());
    }

    @Test
    void oneWithZeroProviders() {
        project.environment("dev", """
                hosts:
                  a: [app, db]
                """);
        Configuration configuration = project.configure("dev");
        assertNull(configuration.plan());
        assertEquals("components/app/component.yaml:3:3: error: unsatisfied resource 'cache' required by 'app' "
                + "on host 'a' (no component in environment 'dev' provides it)",
                ProjectFixture.printed(configuration).lines().filter(l -> l.contains("error")).findFirst().get());
    }

    @Test
    void oneWithTwoProviders() {
        project.environment("dev", """
                hosts:
                  a: [app, db, cache]
                  b: [cache]
                """);
        Configuration configuration = project.configure("dev");
        assertNull(configuration.plan());
        assertEquals("components/app/component.yaml:3:3: error: 'app' on host 'a' requires exactly one 'cache', "
                + "but 2 provide it: 'cache' on host 'a', 'cache' on host 'b' (limit it with host: same, or deploy a "
                + "single provider)", ProjectFixture.printed(configuration).lines()
                        .filter(l -> l.contains("error")).findFirst().get());
    }

    @Test
    void hostSameOnlySeesProvidersOnTheSameHost() {
        project.component("app", """
                require:
                  cache: {resource: cache, one: true, host: same}
                  dsns: {resource: dsn}
                attributes:
                  where: {default: "{{ cache }}"}
                provide:
                  backend: x
                """).environment("dev", """
                hosts:
                  a: [app, cache, db, lb]
                  b: [app, cache]
                """);
        DeploymentPlan plan = plan(project.configure("dev"));
        assertEquals("a:6379", plan.root(new RootId("a", "app")).attributes().get("where"));
        assertEquals("b:6379", plan.root(new RootId("b", "app")).attributes().get("where"));
    }

    @Test
    void dependencyCycleNamesEveryComponentOnIt() {
        project.component("x", """
                provide: {rx: 1}
                require: {ry: {resource: ry}}
                """).component("y", """
                provide: {ry: 1}
                require: {rz: {resource: rz}}
                """).component("z", """
                provide: {rz: 1}
                require: {rx: {resource: rx}}
                """).environment("dev", """
                hosts:
                  h1: [x]
                  h2: [y, z]
                """);
        Configuration configuration = project.configure("dev");
        assertNull(configuration.plan());
        assertEquals("components/x/component.yaml:2:11: error: dependency cycle: 'x' on host 'h1' -> 'y' on host "
                + "'h2' -> 'z' on host 'h2' -> 'x' on host 'h1' (break it with reverse: true on one requirement, "
                + "or move a resource)", ProjectFixture.printed(configuration));
    }

    @Test
    void reverseRequirementDeploysTheRequirerFirst() {
        project.component("monitor", """
                require: {targets: {resource: backend, reverse: true}}
                """).environment("dev", """
                hosts:
                  a: [app, db, cache, lb]
                  m: [monitor]
                """);
        DeploymentPlan plan = plan(project.configure("dev"));
        List<RootId> order = plan.order();
        assertTrue(order.indexOf(new RootId("m", "monitor")) < order.indexOf(new RootId("a", "app")),
                order.toString());
    }

    @Test
    void providedResourceNobodyRequiresIsAWarningOrInStrictModeAnError() {
        project.environment("dev", """
                hosts:
                  a: [db]
                """);
        Configuration relaxed = project.configure("dev");
        assertNotNull(relaxed.plan());
        assertEquals("components/db/component.yaml:4:3: warning: resource 'dsn' provided by 'db' is not required "
                + "by any component in environment 'dev'", ProjectFixture.printed(relaxed));
        Configuration strict = project.configureStrict("dev");
        assertNull(strict.plan());
        assertEquals("components/db/component.yaml:4:3: error: resource 'dsn' provided by 'db' is not required by "
                + "any component in environment 'dev' (remove it, or require it somewhere)",
                ProjectFixture.printed(strict));
    }

    @Test
    void nonStrictRequirementMayStayEmpty() {
        project.component("lb", """
                require:
                  backends: {resource: backend, strict: false}
                attributes:
                  count: {type: int, default: "{{ backends | length }}"}
                """).environment("dev", """
                hosts:
                  a: [lb]
                """);
        assertEquals(0L, plan(project.configure("dev")).root(new RootId("a", "lb")).attributes().get("count"));
    }

    @Test
    void valuesThatDependOnEachOtherAcrossHostsSettleToAFixPoint() {
        // a peer list: every node provides its address and requires all of them (including its own)
        project.component("node", """
                provide: {peer: "{{ host.name }}"}
                require: {peers: peer}
                attributes:
                  cluster: {default: "{{ peers | sort | join(' ') }}"}
                """).environment("dev", """
                hosts:
                  n2: [node]
                  n1: [node]
                  n3: [node]
                """);
        DeploymentPlan plan = plan(project.configure("dev"));
        assertEquals("n1 n2 n3", plan.root(new RootId("n2", "node")).attributes().get("cluster"));
        assertEquals(List.of(), plan.root(new RootId("n1", "node")).dependsOn());
    }
}
