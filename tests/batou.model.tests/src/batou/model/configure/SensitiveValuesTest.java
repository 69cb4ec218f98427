package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.Masking;
import batou.model.plan.PartNode;
import batou.model.plan.RootId;

/**
 * What the model tells front ends about sensitive values: part labels that never show them, and the masking of the
 * run (every secret and every value computed from one) and of each host (only what the host gets anyway).
 */
class SensitiveValuesTest {

    private static final String SECRET = "hunter2-Xq9";

    @TempDir
    Path root;

    private ProjectFixture project;

    @BeforeEach
    void project() {
        project = new ProjectFixture(root).component("db", """
                attributes:
                  password: {type: string}
                provide:
                  dsn: "postgres://app:{{ password }}@db"
                parts:
                  - command: {run: "psql -c 'alter role app password ''{{ password }}'''"}
                  - command: {run: "echo {{ password | upper }}"}
                  - command: {run: "test {{ password | length }} -gt 8"}
                  - file: {path: "{{ password }}.conf"}
                """).component("app", """
                require:
                  dsn: {resource: dsn}
                parts:
                  - command: {run: "migrate --database {{ dsn[0] }} --verbose"}
                  - command: {run: "echo hello"}
                """).component("web", """
                parts:
                  - command: {run: "echo {{ host.name }} {{ host.data.rack }}"}
                  - command: {run: "echo {{ host.data.token }}"}
                """).environment("dev", """
                hosts:
                  db1: [db]
                  app1: [app]
                  web1: {components: [web], data: {rack: r7}}
                """).file("environments/dev/secrets.age", """
                members: [age1example]
                components:
                  db: {password: %s}
                hosts:
                  web1: {token: tok-web-Zz81}
                """.formatted(SECRET));
    }

    private Configuration configure() {
        Configuration configuration = project.configureWithSecrets("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        return configuration;
    }

    private String label(Configuration configuration, String host, String component, int part) {
        PartNode node = configuration.plan().root(new RootId(host, component)).parts().get(part);
        return node.label();
    }

    @Test
    void item01_aPartLabelMasksTheSecretsItShowsVerbatim() {
        Configuration configuration = configure();
        assertEquals("psql -c 'alter role app password ''[masked]'''", label(configuration, "db1", "db", 0));
        assertTrue(label(configuration, "db1", "db", 3).endsWith("/work/db/[masked].conf"),
                label(configuration, "db1", "db", 3));
    }

    @Test
    void item01_aLabelWithATransformedSecretIsMaskedWhole() {
        Configuration configuration = configure();
        assertEquals(Masking.MASK, label(configuration, "db1", "db", 1)); // upper case: not verbatim
        assertEquals(Masking.MASK, label(configuration, "db1", "db", 2)); // a length tells about it
    }

    @Test
    void item01_aResourceComputedFromASecretOnAnotherHostIsMaskedInTheLabel() {
        Configuration configuration = configure();
        String label = label(configuration, "app1", "app", 0);
        assertFalse(label.contains(SECRET), label);
        assertEquals("migrate --database [masked] --verbose", label);
        assertEquals("echo hello", label(configuration, "app1", "app", 1));
    }

    @Test
    void item02_secretHostDataIsMaskedInLabelsAndOtherHostDataIsNot() {
        Configuration configuration = configure();
        assertEquals("echo web1 r7", label(configuration, "web1", "web", 0));
        assertEquals("echo [masked]", label(configuration, "web1", "web", 1));
    }

    @Test
    void theRunMasksEverySecretAndEveryValueComputedFromOne() {
        Masking masking = configure().masking();
        assertEquals("password [masked] and token [masked]",
                masking.mask("password " + SECRET + " and token tok-web-Zz81"));
        assertEquals("printed [masked]", masking.mask("printed " + SECRET.toUpperCase(java.util.Locale.ROOT)),
                "a secret transformed inside a command is masked too, e.g. where the command prints it");
        assertEquals("url [masked]", masking.mask("url postgres://app:" + SECRET + "@db"));
    }

    @Test
    void aHostMasksOnlyTheSecretsItGets() {
        Configuration configuration = configure();
        Masking db = configuration.plan().host("db1").masking();
        Masking web = configuration.plan().host("web1").masking();
        Masking app = configuration.plan().host("app1").masking();
        assertTrue(db.reveals(SECRET));
        assertTrue(app.reveals(SECRET), "app1 gets the password inside the DSN");
        assertFalse(web.reveals(SECRET), "web1 never gets the password, so its agent must not learn it");
        assertTrue(web.reveals("tok-web-Zz81"));
        assertFalse(db.reveals("tok-web-Zz81"));
    }

    @Test
    void aFailedConfigurationStillMasksItsSecretsInItsErrors() {
        project.component("db", """
                attributes:
                  password: {type: int}
                parts: []
                """);
        Configuration configuration = project.configureWithSecrets("dev");
        assertNull(configuration.plan());
        assertTrue(configuration.masking().reveals(SECRET));
        assertFalse(ProjectFixture.printed(configuration).contains(SECRET), ProjectFixture.printed(configuration));
    }

    @Test
    void item27_aValueThatReadsOnlyHarmlessHostDataIsNotSensitive() {
        project.component("web", """
                parts:
                  - file: {path: name, content: "{{ host.name }} in rack {{ host.data.rack }}"}
                  - file: {path: token, content: "{{ host.data.token }}"}
                  - template: {path: site.conf, source: site.conf.j2}
                """).file("components/web/site.conf.j2", "server_name {{ host.name }};\n");
        Configuration configuration = configure();
        java.util.List<PartNode> parts = configuration.plan().root(new RootId("web1", "web")).parts();
        assertEquals(java.util.Set.of(), parts.get(0).sensitive(), "reads host, but none of its secret data");
        assertEquals(java.util.Set.of("content"), parts.get(1).sensitive());
        assertEquals(java.util.Set.of(), parts.get(2).sensitive(), "a template that reads only host.name");
    }

    @Test
    void item27_aPartCanSayItIsNotSensitiveOrThatItIs() {
        project.component("web", """
                attributes:
                  greeting: {default: "hello {{ host.data.token | length }}"}
                parts:
                  - file: {path: greeting, content: "{{ greeting }}", sensitive: false}
                  - file: {path: plain, content: "not secret at all", sensitive: true}
                """);
        Configuration configuration = configure();
        java.util.List<PartNode> parts = configuration.plan().root(new RootId("web1", "web")).parts();
        assertEquals(java.util.Set.of(), parts.get(0).sensitive());
        assertTrue(parts.get(1).sensitive().contains("content"));
        assertEquals(Masking.MASK, parts.get(1).label());
        assertTrue(configuration.masking().reveals("tok-web-Zz81"), "secrets are masked in every output still");
    }

    @Test
    void item27_sensitiveMustBeTrueOrFalse() {
        project.component("web", """
                parts:
                  - file: {path: a, content: x, sensitive: maybe}
                """);
        String printed = ProjectFixture.printed(project.configureWithSecrets("dev"));
        assertTrue(printed.contains("components/web/component.yaml:2:44: error: 'sensitive' must be true or false"),
                printed);
    }

    @Test
    void item27_anAttributeOrResourceThatReadsOnlyHarmlessHostDataIsNotSensitive() {
        project.component("web", """
                attributes:
                  site: {default: "https://{{ host.name }}.example.com/"}
                  token: {default: "{{ host.data.token }}"}
                provide:
                  frontend: "{{ host.name }}:443"
                parts:
                  - file: {path: site, content: "{{ site }}"}
                  - file: {path: token, content: "{{ token }}"}
                """).component("app", """
                require:
                  dsn: {resource: dsn}
                  frontend: {resource: frontend}
                parts:
                  - command: {run: "migrate --database {{ dsn[0] }} --verbose"}
                  - command: {run: "echo {{ frontend[0] }}"}
                """);
        Configuration configuration = configure();
        batou.model.plan.RootPlan web = configuration.plan().root(new RootId("web1", "web"));
        assertEquals(java.util.Set.of("token"), web.sensitive());
        assertEquals(java.util.Set.of(), web.sensitiveProvided());
        assertEquals(java.util.Set.of(), web.parts().get(0).sensitive());
        assertEquals(java.util.Set.of("content"), web.parts().get(1).sensitive());
        assertEquals("echo web1:443", label(configuration, "app1", "app", 1));
    }
}
