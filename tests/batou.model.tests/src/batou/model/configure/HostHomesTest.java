package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootId;

/** {@code ~} in a target directory is the home of the user the deployment runs as, once a deployment knows it. */
class HostHomesTest {

    @TempDir
    Path root;

    private ProjectFixture project;

    @BeforeEach
    void project() {
        project = new ProjectFixture(root).component("app", """
                parts:
                  - file: {path: app.conf, content: "workdir={{ component.workdir }} target={{ host.target_directory }}"}
                """).environment("dev", """
                environment: {target_directory: "~/deployment"}
                hosts:
                  web1: {components: [app], service_user: app}
                  web2: {components: [app], target_directory: /srv/web2}
                  web3: {components: [app], target_directory: "~"}
                  "!web4": [app]
                """);
    }

    private DeploymentPlan plan(HostHomes homes) {
        Configuration configuration = new Configurator(ProjectFixture.REGISTRY).homes(homes).configure(root, "dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        return configuration.plan();
    }

    @Test
    void item21_theHomeOfTheHostReplacesTildeInWorkDirectoriesAndEverythingMadeFromThem() {
        List<List<String>> asked = new ArrayList<>();
        DeploymentPlan plan = plan(hosts -> {
            asked.add(hosts.stream().map(host -> host.name() + " " + host.connect() + " " + host.serviceUser() + " "
                    + host.targetDirectory()).toList());
            return Map.of("web1", "/home/app", "web3", "/root");
        });
        assertEquals(List.of(List.of("web1 ssh app ~/deployment", "web3 ssh null ~")), asked,
                "asked once, for the deployed hosts whose target directory is in the home");
        HostPlan web1 = plan.host("web1");
        assertEquals("/home/app/deployment", web1.targetDirectory());
        assertEquals("/home/app/deployment/work/app", plan.root(new RootId("web1", "app")).workDirectory());
        assertEquals("workdir=/home/app/deployment/work/app target=/home/app/deployment",
                plan.root(new RootId("web1", "app")).parts().get(0).attributes().get("content"));
        assertEquals("/home/app/deployment/work/app/app.conf", plan.root(new RootId("web1", "app")).parts().get(0)
                .attributes().get("path"));
        assertEquals("/root/work/app", plan.root(new RootId("web3", "app")).workDirectory());
        assertEquals("/srv/web2/work/app", plan.root(new RootId("web2", "app")).workDirectory());
    }

    @Test
    void item21_withoutHomesTildeStaysAsWritten() {
        DeploymentPlan plan = plan(HostHomes.UNKNOWN);
        assertEquals("~/deployment", plan.host("web1").targetDirectory());
        assertEquals("workdir=~/deployment/work/app target=~/deployment",
                plan.root(new RootId("web1", "app")).parts().get(0).attributes().get("content"));
    }

    @Test
    void item21_aHostWhoseHomeIsUnknownKeepsTilde() {
        DeploymentPlan plan = plan(hosts -> Map.of("web1", "relative/home"));
        assertEquals("~/deployment", plan.host("web1").targetDirectory(), "only an absolute home is used");
        assertEquals("~", plan.host("web3").targetDirectory());
    }
}
