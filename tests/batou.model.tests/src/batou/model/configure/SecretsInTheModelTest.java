package batou.model.configure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.plan.RootId;
import batou.model.plan.RootPlan;

/**
 * Secrets merge into the model as overrides and host data; every value from them is sensitive. Encryption is the
 * secrets bundle's business: here secrets.age holds plain YAML and the source reads it as it is.
 */
class SecretsInTheModelTest {

    private static final String SECRETS = "environments/dev/secrets.age";

    /** Secrets that give the db component its password. */
    private static final String DB_PASSWORD = """
            members: [age1examplexyz]
            components:
              db: {password: s3cret}
            """;

    @TempDir
    Path root;

    private ProjectFixture project;

    @BeforeEach
    void project() {
        project = new ProjectFixture(root).component("db", """
                attributes:
                  password: {type: string}
                  port: {type: int, default: 5432}
                parts:
                  - file: {path: pgpass, content: "{{ password }}"}
                  - file: {path: port, content: "{{ port }}"}
                  - file: {path: where, content: "{{ host.data.rack }}"}
                """).environment("dev", """
                hosts:
                  db1: {components: [db], data: {rack: r1}}
                  db2: {components: [db], data: {rack: r2}}
                """);
    }

    @Test
    void secretOverridesAreAppliedAndSensitive() {
        project.file(SECRETS, DB_PASSWORD);
        Configuration configuration = project.configureWithSecrets("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        RootPlan db = configuration.plan().root(new RootId("db1", "db"));
        assertEquals("s3cret", db.attributes().get("password"));
        assertEquals(Set.of("password"), db.sensitive());
        assertEquals(Set.of("content"), db.parts().get(0).sensitive());
        assertEquals(Set.of(), db.parts().get(1).sensitive());
    }

    @Test
    void secretFilesAreAvailableToExpressionsAndSensitive() {
        project.component("tls", """
                parts:
                  - file: {path: key.pem, content: "{{ secrets.files['tls-key'] }}"}
                  - file: {path: names, content: "{{ secrets.files | list | join(',') }}"}
                """).environment("dev", """
                hosts:
                  web: [tls]
                """).file("environments/dev/secrets.age", "members: [x]\n")
                .file("environments/dev/secret-tls-key.age", "-----BEGIN PRIVATE KEY-----\n");
        Configuration configuration = project.configureWithSecrets("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        RootPlan tls = configuration.plan().root(new RootId("web", "tls"));
        assertEquals("-----BEGIN PRIVATE KEY-----\n", tls.parts().get(0).attributes().get("content"));
        assertEquals(Set.of("content"), tls.parts().get(0).sensitive());
        assertEquals("tls-key", tls.parts().get(1).attributes().get("content"));
    }

    @Test
    void binarySecretFilesAreAvailableAsBase64AndTextOnesAsBoth() throws IOException {
        project.component("kerberos", """
                parts:
                  - file: {path: keytab.b64, content: "{{ secrets.base64['keytab'] }}"}
                  - file: {path: names, content: "{{ secrets.files | list | join(',') }}"}
                  - file: {path: notes.b64, content: "{{ secrets.base64['notes'] }}"}
                """).environment("dev", """
                hosts:
                  kdc: [kerberos]
                """).file("environments/dev/secrets.age", "members: [x]\n")
                .file("environments/dev/secret-notes.age", "caf\u00e9\n");
        byte[] keytab = { 0x05, 0x02, 0x00, (byte) 0xff, (byte) 0xfe, 0x00, 0x01 };
        Files.write(root.resolve("environments/dev/secret-keytab.age"), keytab);
        Configuration configuration = project.configureWithSecrets("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        RootPlan kerberos = configuration.plan().root(new RootId("kdc", "kerberos"));
        assertEquals(Base64.getEncoder().encodeToString(keytab), kerberos.parts().get(0).attributes().get("content"));
        assertEquals(Set.of("content"), kerberos.parts().get(0).sensitive());
        assertEquals("notes", kerberos.parts().get(1).attributes().get("content"), "a binary file is no text");
        assertEquals(Base64.getEncoder().encodeToString("caf\u00e9\n".getBytes(StandardCharsets.UTF_8)),
                kerberos.parts().get(2).attributes().get("content"));
    }

    @Test
    void aValueInBothPlacesIsAnErrorNamingBothFiles() {
        project.environment("dev", """
                hosts:
                  db1: {components: [db], data: {rack: r1}}
                components:
                  db: {password: plain}
                """).file("environments/dev/secrets.age", "components:\n  db: {password: s3cret}\n");
        Configuration configuration = project.configureWithSecrets("dev");
        assertNull(configuration.plan());
        assertEquals("environments/dev/secrets.age:2:8: error: 'db.password' is set both in "
                + "environments/dev/environment.yaml (line 4) and in environments/dev/secrets.age (keep it in one "
                + "place: sensitive values belong in the secrets)", ProjectFixture.printed(configuration));
    }

    @Test
    void unknownComponentsAttributesAndHostsInSecretsAreErrors() {
        project.file("environments/dev/secrets.age", """
                components:
                  dbb: {password: x}
                  db: {pasword: x, password: y}
                hosts:
                  db3: {rack: r9}
                """);
        String printed = ProjectFixture.printed(project.configureWithSecrets("dev"));
        assertEquals("""
                environments/dev/secrets.age:2:3: error: overrides for unknown component 'dbb' (did you mean 'db'?)
                environments/dev/secrets.age:3:8: error: override for unknown attribute 'pasword' of component 'db' \
                (did you mean 'password'?)
                environments/dev/secrets.age:5:8: error: secret data for unknown host 'db3' (did you mean 'db1'?)""",
                printed);
    }

    @Test
    void aResourceComputedFromASecretIsSensitiveInThePlanAndWhereverItIsRequired() {
        project.component("db", """
                attributes:
                  password: {type: string}
                provide:
                  dsn: "postgresql://app:{{ password | upper }}@{{ host.name }}/app"
                  address: "{{ host.name }}:5432"
                parts:
                  - file: {path: pgpass, content: "{{ password }}"}
                """).component("app", """
                require:
                  dsn: {resource: dsn, one: true}
                  address: {resource: address, one: true}
                parts:
                  - file: {path: dsn, content: "{{ dsn }}"}
                  - file: {path: address, content: "{{ address }}"}
                """).environment("dev", """
                hosts:
                  db1: [db]
                  app1: [app]
                """).file(SECRETS, DB_PASSWORD);
        Configuration configuration = project.configureWithSecrets("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        RootPlan db = configuration.plan().root(new RootId("db1", "db"));
        assertEquals("postgresql://app:S3CRET@db1/app", db.provided().get("dsn"));
        assertEquals(Set.of("dsn"), db.sensitiveProvided(), "the address reads no secret");
        RootPlan app = configuration.plan().root(new RootId("app1", "app"));
        assertEquals(Set.of("content"), app.parts().get(0).sensitive());
        assertEquals(Set.of(), app.parts().get(1).sensitive());
    }

    @Test
    void secretHostDataMergesAndMakesWhatReadsTheHostSensitive() {
        project.environment("dev", """
                hosts:
                  db1: {components: [db], data: {zone: a}}
                components:
                  db: {password: x}
                """).file("environments/dev/secrets.age", "hosts:\n  db1: {rack: secret-rack}\n");
        Configuration configuration = project.configureWithSecrets("dev");
        assertNotNull(configuration.plan(), ProjectFixture.printed(configuration));
        RootPlan db = configuration.plan().root(new RootId("db1", "db"));
        assertEquals("secret-rack", db.parts().get(2).attributes().get("content"));
        assertEquals(Set.of("content"), db.parts().get(2).sensitive());
    }

    @Test
    void aSecretFileThatCannotBeDecryptedIsAnError() {
        project.file("environments/dev/secrets.age", "whatever");
        Configuration configuration = new Configurator(ProjectFixture.REGISTRY).configure(root, "dev", file -> {
            throw new IOException("no identity matches any recipient of this file");
        });
        assertNull(configuration.plan());
        assertEquals("environments/dev/secrets.age: error: cannot decrypt the secrets of environment 'dev': no "
                + "identity matches any recipient of this file", ProjectFixture.printed(configuration),
                "nothing is configured without the secrets, so no errors follow from their absence");
    }

    @Test
    void withoutASourceTheSecretsAreReportedAsNotRead() {
        project.file("environments/dev/secrets.age", "components:\n  db: {password: s3cret}\n");
        Configuration configuration = project.configure("dev");
        assertTrue(ProjectFixture.printed(configuration).contains("environments/dev/secrets.age: warning: the "
                + "secrets of environment 'dev' were not read (their overrides are missing from this configuration)"),
                ProjectFixture.printed(configuration));
    }
}
