package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of configuration error, with the exact file, line, column and message it is reported with. */
class ConfigurationErrorsTest {

    @TempDir
    Path root;

    private ProjectFixture project;

    @BeforeEach
    void simpleProject() {
        project = new ProjectFixture(root)
                .component("web", """
                        attributes:
                          port: {type: int, default: 8080}
                        parts:
                          - directory: {path: www}
                        """);
    }

    private static void assertErrors(Configuration configuration, String expected) {
        assertNull(configuration.plan(), "no plan when configuration fails");
        assertEquals(expected, ProjectFixture.printed(configuration));
    }

    @Test
    void yamlSyntaxError() {
        project.environment("dev", """
                hosts:
                  web1: [web
                """);
        Configuration configuration = project.configure("dev");
        assertNull(configuration.plan());
        String printed = ProjectFixture.printed(configuration);
        assertTrue(printed.startsWith("environments/dev/environment.yaml:3:1: error: YAML syntax error: "),
                printed);
        assertTrue(printed.endsWith("(check the indentation and quoting around this position)"), printed);
    }

    @Test
    void unknownKeyWithSuggestion() {
        project.environment("dev", """
                hots:
                  web1: [web]
                """);
        assertErrors(project.configure("dev"), """
                environments/dev/environment.yaml: error: environment 'dev' has no hosts \
                (add hosts: with at least one host and its components)
                environments/dev/environment.yaml:1:1: error: unknown key 'hots' in environment.yaml \
                (did you mean 'hosts'?)""");
    }

    @Test
    void unknownKeyWithoutCloseMatchListsTheAllowedKeys() {
        project.component("db", """
                colour: blue
                """).environment("dev", """
                hosts:
                  web1: [db]
                """);
        assertErrors(project.configure("dev"), "components/db/component.yaml:1:1: error: unknown key 'colour' in "
                + "component.yaml (allowed keys: description, attributes, provide, require, parts, platforms, "
                + "features)");
    }

    @Test
    void unknownComponentOnHost() {
        project.environment("dev", """
                hosts:
                  web1: [wbe]
                """);
        assertErrors(project.configure("dev"), "environments/dev/environment.yaml:2:10: error: unknown component "
                + "'wbe' on host 'web1' (did you mean 'web'?)");
    }

    @Test
    void unknownPartType() {
        project.component("db", """
                parts:
                  - directroy: {path: data}
                """).environment("dev", """
                hosts:
                  web1: [db]
                """);
        assertErrors(project.configure("dev"), "components/db/component.yaml:2:5: error: unknown part type "
                + "'directroy' (did you mean 'directory'?)");
    }

    @Test
    void unknownPartAttribute() {
        project.component("db", """
                parts:
                  - directory: {path: data, mdoe: 0700}
                """).environment("dev", """
                hosts:
                  web1: [db]
                """);
        assertErrors(project.configure("dev"), "components/db/component.yaml:2:29: error: unknown attribute "
                + "'mdoe' for part 'directory' (did you mean 'mode'?)");
    }

    @Test
    void missingRequiredAttribute() {
        project.component("db", """
                attributes:
                  password: {type: string, sensitive: true}
                """).environment("dev", """
                hosts:
                  db1: [db]
                """);
        assertErrors(project.configure("dev"), "environments/dev/environment.yaml:2:9: error: missing required "
                + "attribute 'password' of 'db' on host 'db1' (set it under 'components: db:' in "
                + "environments/dev/environment.yaml)");
    }

    @Test
    void missingRequiredPartAttribute() {
        project.component("db", """
                parts:
                  - command: {when: changed}
                """).environment("dev", """
                hosts:
                  db1: [db]
                """);
        assertErrors(project.configure("dev"), "components/db/component.yaml:2:5: error: missing required "
                + "attribute 'run' of part 'command' in 'db' on host 'db1' (the command)");
    }

    @Test
    void conversionErrorNamesValueTypeAttributeAndHost() {
        project.environment("dev", """
                hosts:
                  web1: [web]
                components:
                  web: {port: eighty}
                """);
        assertErrors(project.configure("dev"), "environments/dev/environment.yaml:4:15: error: cannot convert "
                + "'eighty' to int for attribute 'port' of 'web' on host 'web1': not a whole number");
    }

    @Test
    void conversionErrorOfASensitiveValueDoesNotShowIt() {
        project.component("db", """
                attributes:
                  pin: {type: int, sensitive: true}
                """).environment("dev", """
                hosts:
                  db1: [db]
                components:
                  db: {pin: hunter2}
                """);
        Configuration configuration = project.configure("dev");
        String printed = ProjectFixture.printed(configuration);
        assertEquals("environments/dev/environment.yaml:4:13: error: cannot convert the value (sensitive, not "
                + "shown) to int for attribute 'pin' of 'db' on host 'db1': not a whole number", printed);
        assertTrue(!printed.contains("hunter2"));
    }

    @Test
    void expansionErrorNamesTheUndefinedName() {
        project.component("db", """
                attributes:
                  workers: {type: int, default: "{{ host.data.cores }}"}
                """).environment("dev", """
                hosts:
                  db1: [db]
                """);
        assertErrors(project.configure("dev"), "components/db/component.yaml:2:37: error: cannot expand "
                + "attribute 'workers' of 'db' on host 'db1': 'host.data' has no attribute 'cores'");
    }

    @Test
    void overrideForAnAttributeThatDoesNotExist() {
        project.environment("dev", """
                hosts:
                  web1: [web]
                components:
                  web: {prot: 81}
                """);
        assertErrors(project.configure("dev"), "environments/dev/environment.yaml:4:9: error: override for unknown "
                + "attribute 'prot' of component 'web' (did you mean 'port'?)");
    }

    @Test
    void overridesForAnUnknownComponent() {
        project.environment("dev", """
                hosts:
                  web1: [web]
                components:
                  wbe: {port: 81}
                """);
        assertErrors(project.configure("dev"), "environments/dev/environment.yaml:4:3: error: overrides for "
                + "unknown component 'wbe' (did you mean 'web'?)");
    }

    @Test
    void duplicateHost() {
        project.environment("dev", """
                hosts:
                  web1: [web]
                  "!web1": [web]
                """);
        assertErrors(project.configure("dev"), "environments/dev/environment.yaml:3:3: error: duplicate host "
                + "'web1' (it is already declared at line 2; keep one of them)");
    }

    @Test
    void duplicateKey() {
        project.environment("dev", """
                hosts:
                  web1: [web]
                  web1: [web]
                """);
        assertErrors(project.configure("dev"), "environments/dev/environment.yaml:3:3: error: duplicate key "
                + "'web1' (it is already set at line 2; keep one of them)");
    }

    @Test
    void item11_theTargetDirectoryIsAnAbsolutePathOrInTheHome() {
        project.environment("dev", """
                environment:
                  target_directory: ''
                hosts:
                  web1: [web]
                  web2: {components: [web], target_directory: 123}
                  web3: {components: [web], target_directory: "deployment/{{ host.name }}"}
                  web4: {components: [web], target_directory: "~app/deployment"}
                  web5: {components: [web], target_directory: "~/deployment"}
                  web6: {components: [web], target_directory: "/srv/{{ host.name }}"}
                """);
        assertErrors(project.configure("dev"), """
                environments/dev/environment.yaml:2:21: error: 'target_directory' must be an absolute path or \
                start with ~/, not '' (e.g. /srv/app/deployment or ~/deployment)
                environments/dev/environment.yaml:5:47: error: 'target_directory' must be an absolute path or \
                start with ~/, not '123' (e.g. /srv/app/deployment or ~/deployment)
                environments/dev/environment.yaml:6:47: error: 'target_directory' must be an absolute path or \
                start with ~/, not 'deployment/web3' (e.g. /srv/app/deployment or ~/deployment)
                environments/dev/environment.yaml:7:47: error: 'target_directory' must be an absolute path or \
                start with ~/, not '~app/deployment' (e.g. /srv/app/deployment or ~/deployment)""");
    }

    @Test
    void agentLingerIsSecondsNotADuration() {
        project.environment("dev", """
                environment:
                  agent_linger: 5m
                hosts:
                  web1:
                    components: [web]
                    agent_linger: -1
                """);
        assertErrors(project.configure("dev"), """
                environments/dev/environment.yaml:2:17: error: 'agent_linger' must be a whole number of seconds, \
                0 or more (0: the agent exits with each deployment), not '5m'
                environments/dev/environment.yaml:6:19: error: 'agent_linger' must be a whole number of seconds, \
                0 or more (0: the agent exits with each deployment), not '-1'""");
    }

    @Test
    void agentLingerIsSetPerEnvironmentAndPerHost() {
        project.environment("dev", """
                environment:
                  agent_linger: 300
                hosts:
                  web1: [web]
                  web2: {components: [web], agent_linger: 0}
                  web3: {components: [web], connect: local}
                """);
        Configuration configuration = project.configure("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        assertEquals(300, configuration.plan().host("web1").agentLinger());
        assertEquals(0, configuration.plan().host("web2").agentLinger());
        project.environment("dev", "hosts: {web1: [web]}\n");
        assertEquals(60, project.configure("dev").plan().host("web1").agentLinger(), "the default");
    }

    @Test
    void unknownEnvironmentListsTheExistingOnes() {
        project.environment("dev", "hosts: {web1: [web]}\n").environment("staging", "hosts: {web1: [web]}\n");
        assertErrors(project.configure("stagign"), "environments/stagign/environment.yaml: error: unknown "
                + "environment 'stagign' (did you mean 'staging'?)");
    }

    @Test
    void allErrorsAreReportedTogetherSorted() {
        project.environment("dev", """
                hosts:
                  web1: [wbe, web]
                components:
                  web: {port: x}
                """);
        Configuration configuration = project.configure("dev");
        assertEquals(2, configuration.errors().size(), ProjectFixture.printed(configuration));
        assertTrue(configuration.errors().get(0).location().line() < configuration.errors().get(1).location().line());
    }

    @Test
    void aWorkingProjectHasAPlan() {
        project.environment("dev", "hosts: {web1: [web]}\n");
        Configuration configuration = project.configure("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        assertEquals(8080L, configuration.plan().host("web1").root("web").attributes().get("port"));
    }
}
