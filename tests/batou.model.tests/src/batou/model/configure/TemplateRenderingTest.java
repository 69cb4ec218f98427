package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.plan.PartNode;
import batou.model.plan.RootId;

/** Template files are rendered while configuring, with the component's scope; their errors point into them. */
class TemplateRenderingTest {

    @TempDir
    Path root;

    private ProjectFixture project;

    @BeforeEach
    void project() {
        project = new ProjectFixture(root).component("db", """
                provide: {dsn: "pg://{{ host.name }}"}
                """).component("app", """
                attributes:
                  port: {type: int, default: 8080}
                  password: {default: s3cret, sensitive: true}
                require:
                  db: {resource: dsn, one: true}
                parts:
                  - template: {path: app.ini, source: app.ini.j2}
                """).environment("dev", """
                hosts:
                  h: [db, app]
                """);
    }

    @Test
    void renderedTextIsInThePlanWithSensitivity() {
        project.file("components/app/app.ini.j2", "port={{ port }}\ndb={{ db }} on {{ host.name }}\n");
        Configuration configuration = project.configure("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        PartNode template = configuration.plan().root(new RootId("h", "app")).parts().get(0);
        assertEquals("port=8080\ndb=pg://h on h\n", template.attributes().get("content"));
        assertEquals("components/app/app.ini.j2", template.attributes().get("source"));
        assertEquals(Set.of(), template.sensitive());
    }

    @Test
    void templatesThatReadSensitiveValuesAreSensitive() {
        project.file("components/app/app.ini.j2", "password={{ password }}\n");
        PartNode template = project.configure("dev").plan().root(new RootId("h", "app")).parts().get(0);
        assertEquals(Set.of("content"), template.sensitive());
    }

    @Test
    void errorsPointIntoTheTemplateFile() {
        project.file("components/app/app.ini.j2", "port={{ port }}\nworkers={{ wokers }}\n");
        Configuration configuration = project.configure("dev");
        assertNull(configuration.plan());
        assertEquals("components/app/app.ini.j2:2:12: error: cannot render template for 'app' on host 'h': "
                + "'wokers' is undefined", ProjectFixture.printed(configuration));
    }

    @Test
    void syntaxErrorsToo() {
        project.file("components/app/app.ini.j2", "{% if port %}\nport={{ port }}\n");
        Configuration configuration = project.configure("dev");
        assertNull(configuration.plan());
        assertEquals(1, configuration.errors().size(), ProjectFixture.printed(configuration));
        assertEquals("components/app/app.ini.j2", configuration.errors().get(0).location().file());
    }

    @Test
    void item13_theEnvironmentSetsWhatATemplateMayCost() {
        project.file("components/app/app.ini.j2", "{% for i in range(1000) %}{{ i }}\n{% endfor %}");
        project.environment("dev", """
                environment:
                  template_limits: {steps: 500}
                hosts:
                  h: [db, app]
                """);
        Configuration configuration = project.configure("dev");
        assertNull(configuration.plan());
        String printed = ProjectFixture.printed(configuration);
        org.junit.jupiter.api.Assertions.assertTrue(printed.startsWith("components/app/app.ini.j2:1:")
                && printed.contains("too many steps"), printed);

        project.environment("dev", """
                environment:
                  template_limits: {steps: 0, colour: red}
                hosts:
                  h: {components: [db, app], template_limits: {steps: 5}}
                """);
        printed = ProjectFixture.printed(project.configure("dev"));
        org.junit.jupiter.api.Assertions.assertTrue(printed.contains("environments/dev/environment.yaml:2:28: error:"
                + " template limit 'steps' must be a whole number of at least 1, not '0'"), printed);
        org.junit.jupiter.api.Assertions.assertTrue(printed.contains("'colour'"), printed);
        org.junit.jupiter.api.Assertions.assertTrue(printed.contains("environments/dev/environment.yaml:4:30: error: unknown key 'template_limits'"),
                printed);
    }
}
