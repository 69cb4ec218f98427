package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.PartNode;
import batou.model.plan.RootId;
import batou.model.plan.RootPlan;

/** Features, ignored hosts and components, platforms, overrides, host data, settings and the part tree. */
class EnvironmentFeaturesTest {

    @TempDir
    Path root;

    private DeploymentPlan plan(ProjectFixture project, String environment) {
        Configuration configuration = project.configure(environment);
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        return configuration.plan();
    }

    private ProjectFixture app() {
        return new ProjectFixture(root).component("app", """
                features: [canary]
                attributes:
                  port: {type: int, default: 8080}
                  workers: {type: int, default: "{{ host.data.cores * 2 }}"}
                  ratio: 0.5
                  debug: false
                  servers: {type: list, default: []}
                  listen: {type: address, default: "{{ host.fqdn }}:{{ port }}"}
                parts:
                  - directory: {path: logs, mode: 0750}
                  - file: {path: canary, content: "yes"}
                    if: "{{ 'canary' in features }}"
                  - file: {path: /etc/app.conf, content: "workers={{ workers }}"}
                platforms:
                  debian:
                    - command: {run: apt-get install app}
                  alpine:
                    - command: {run: apk add app}
                """);
    }

    @Test
    void featuresSelectOptionalParts() {
        DeploymentPlan plan = plan(app().environment("dev", """
                hosts:
                  a: {components: ["app:canary"], data: {cores: 1}}
                  b: {components: [app], data: {cores: 1}}
                """), "dev");
        assertEquals(List.of("canary"), plan.root(new RootId("a", "app")).features());
        assertEquals(List.of("directory", "file", "file"), types(plan.root(new RootId("a", "app"))));
        assertEquals(List.of("directory", "file"), types(plan.root(new RootId("b", "app"))));
    }

    @Test
    void unknownFeatureIsAnError() {
        Configuration configuration = app().environment("dev", """
                hosts:
                  a: ["app:canry"]
                """).configure("dev");
        assertNull(configuration.plan());
        assertTrue(ProjectFixture.printed(configuration).contains("environments/dev/environment.yaml:2:7: error: "
                + "unknown feature 'canry' of component 'app' (did you mean 'canary'?)"),
                ProjectFixture.printed(configuration));
    }

    @Test
    void ignoredHostsAndComponentsAreSkippedAndListed() {
        DeploymentPlan plan = plan(app().component("other", "description: configured, not deployed\n")
                .environment("dev", """
                hosts:
                  a: {components: [app, "!other"], data: {cores: 1}}
                  "!b": {components: [app], data: {cores: 1}}
                """), "dev");
        assertEquals(List.of("a"), plan.hosts().stream().map(HostPlan::name).toList());
        assertEquals(List.of("b"), plan.ignoredHosts());
        assertEquals(List.of(new RootId("a", "other")), plan.ignoredComponents());
    }

    @Test
    void platformVariantsAddTheHostsPlatformParts() {
        DeploymentPlan plan = plan(app().environment("dev", """
                environment: {platform: debian}
                hosts:
                  a: {components: [app], data: {cores: 1}}
                  b: {components: [app], data: {cores: 1}, platform: alpine}
                  c: {components: [app], data: {cores: 1}, platform: solaris}
                """), "dev");
        assertEquals("apt-get install app", plan.root(new RootId("a", "app")).parts().get(2).attributes().get("run"));
        assertEquals("apk add app", plan.root(new RootId("b", "app")).parts().get(2).attributes().get("run"));
        assertEquals(2, plan.root(new RootId("c", "app")).parts().size());
        assertEquals("solaris", plan.host("c").platform());
    }

    @Test
    void overridesAreExpandedAndConvertedToTheAttributeType() {
        DeploymentPlan plan = plan(app().environment("dev", """
                environment: {host_domain: example.com}
                hosts:
                  a: {components: [app], data: {cores: 3}}
                components:
                  app:
                    port: "81"
                    ratio: 2
                    debug: "yes"
                    servers: "s1, s2"
                    workers: "{{ host.data.cores + 1 }}"
                """), "dev");
        Map<String, Object> attributes = plan.root(new RootId("a", "app")).attributes();
        assertEquals(81L, attributes.get("port"));
        assertEquals(2.0, attributes.get("ratio"));
        assertEquals(Boolean.TRUE, attributes.get("debug"));
        assertEquals(List.of("s1", "s2"), attributes.get("servers"));
        assertEquals(4L, attributes.get("workers"));
        assertEquals("a.example.com:81", attributes.get("listen").toString());
    }

    @Test
    void expressionsReadHostData() {
        DeploymentPlan plan = plan(app().environment("dev", """
                hosts:
                  a: {components: [app], data: {cores: 8}}
                """), "dev");
        RootPlan app = plan.root(new RootId("a", "app"));
        assertEquals(16L, app.attributes().get("workers"));
        assertEquals("workers=16", app.parts().get(1).attributes().get("content"));
        assertEquals(Map.of("cores", 8L), plan.host("a").data());
    }

    @Test
    void settingsArePerHostAndMayUseTheHostName() {
        DeploymentPlan plan = plan(app().environment("dev", """
                environment:
                  connect: local
                  target_directory: "/srv/{{ host.name }}"
                hosts:
                  a: {components: [app], data: {cores: 1}}
                  b: {components: [app], data: {cores: 1}, connect: ssh, target_directory: /opt/b}
                """), "dev");
        assertEquals("/srv/a", plan.host("a").targetDirectory());
        assertEquals("local", plan.host("a").connect());
        assertEquals("/opt/b", plan.host("b").targetDirectory());
        assertEquals("ssh", plan.host("b").connect());
        RootPlan app = plan.root(new RootId("a", "app"));
        assertEquals("/srv/a/work/app", app.workDirectory());
        assertEquals("/srv/a/work/app/logs", app.parts().get(0).attributes().get("path"));
        assertEquals(0750L, app.parts().get(0).attributes().get("mode"));
        assertEquals("/etc/app.conf", app.parts().get(1).attributes().get("path"));
    }

    @Test
    void subComponentsGetTheirAttributesFromWithAndShareTheWorkDirectory() {
        ProjectFixture project = new ProjectFixture(root).component("logrotate", """
                attributes:
                  pattern: {type: string}
                  keep: {type: int, default: 7}
                parts:
                  - file: {path: "rotate.conf", content: "{{ pattern }} {{ keep }}"}
                """).component("web", """
                attributes:
                  logs: {default: "log/*.log"}
                parts:
                  - component: logrotate
                    with: {pattern: "{{ logs }}", keep: "3"}
                """).environment("dev", """
                hosts:
                  a: [web]
                """);
        RootPlan web = plan(project, "dev").root(new RootId("a", "web"));
        PartNode logrotate = web.parts().get(0);
        assertEquals("component", logrotate.type());
        assertEquals("logrotate", logrotate.label());
        assertEquals(Map.of("pattern", "log/*.log", "keep", 3L), logrotate.attributes());
        assertEquals("log/*.log 3", logrotate.children().get(0).attributes().get("content"));
        assertEquals("~/deployment/work/web/rotate.conf", logrotate.children().get(0).attributes().get("path"));
    }

    @Test
    void sensitiveValuesAreMarkedWhereverTheyFlow() {
        ProjectFixture project = new ProjectFixture(root).component("db", """
                attributes:
                  password: {type: string, default: s3cret, sensitive: true}
                  dsn: {default: "pg://app:{{ password }}@localhost/app"}
                  name: {default: app}
                parts:
                  - file: {path: pgpass, content: "{{ dsn }}"}
                  - file: {path: name, content: "{{ name }}"}
                """).environment("dev", """
                hosts:
                  a: [db]
                """);
        RootPlan db = plan(project, "dev").root(new RootId("a", "db"));
        assertEquals(java.util.Set.of("password", "dsn"), db.sensitive());
        assertEquals(java.util.Set.of("content"), db.parts().get(0).sensitive());
        assertFalse(db.parts().get(1).sensitive().contains("content"));
    }

    @Test
    void attributeCycleIsReported() {
        Configuration configuration = new ProjectFixture(root).component("c", """
                attributes:
                  a: {default: "{{ b }}"}
                  b: {default: "{{ a }}"}
                """).environment("dev", "hosts: {h: [c]}\n").configure("dev");
        assertNull(configuration.plan());
        assertEquals("components/c/component.yaml:2:3: error: attribute cycle in 'c' on host 'h': a -> b -> a "
                + "(an attribute cannot depend on itself, directly or through others)",
                ProjectFixture.printed(configuration));
    }

    private static List<String> types(RootPlan plan) {
        return plan.parts().stream().map(PartNode::type).toList();
    }
}
