package batou.lib;

import static batou.lib.Nodes.attributes;
import static batou.lib.Nodes.part;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;

class DocumentPartTest {

    @TempDir
    Path root;
    TestContext context;
    Path file;

    @BeforeEach
    void setUp() throws Exception {
        context = new TestContext(root);
        file = context.workDirectory().resolve("etc/app.json");
    }

    private static Map<String, Object> map(Object... namesAndValues) {
        return attributes(namesAndValues);
    }

    private Part json(Object... more) {
        List<Object> all = new ArrayList<>(List.of("path", file.toString()));
        all.addAll(Arrays.asList(more));
        return part("json", all.toArray());
    }

    @Test
    void jsonIsWrittenWithIndentInInsertionOrderThenUpToDate() throws Exception {
        Part part = json("data", map("name", "app", "port", 8080L, "debug", false, "ratio", 0.5, "none", null,
                "hosts", List.of("a", "b"), "db", map("user", "app", "empty", map()), "list", List.of()));
        String expected = """
                {
                  "name": "app",
                  "port": 8080,
                  "debug": false,
                  "ratio": 0.5,
                  "none": null,
                  "hosts": [
                    "a",
                    "b"
                  ],
                  "db": {
                    "user": "app",
                    "empty": {}
                  },
                  "list": []
                }
                """;
        Verdict first = context.deploy(part);
        assertEquals(List.of(new Change.Content(file.toString(), null, expected, false)), first.changes());
        assertEquals(expected, Files.readString(file));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void overridesMergeNestedMapsAndReplaceOtherValues() throws Exception {
        Part part = json("indent", 4L,
                "data", map("db", map("host", "localhost", "port", 5432L), "hosts", List.of("a", "b"), "x", 1L),
                "overrides", map("db", map("host", "db.example.com"), "hosts", List.of("c"), "x", map("y", 2L),
                        "new", true));
        context.deploy(part);
        assertEquals("""
                {
                    "db": {
                        "host": "db.example.com",
                        "port": 5432
                    },
                    "hosts": [
                        "c"
                    ],
                    "x": {
                        "y": 2
                    },
                    "new": true
                }
                """, Files.readString(file));
    }

    @Test
    void stringsAreEscaped() throws Exception {
        context.deploy(json("indent", 0L, "data", map("q\"k", "a\\b\n\t\"c\u0001\u00e9", "n", List.of(1L, 2L))));
        assertEquals("{\"q\\\"k\": \"a\\\\b\\n\\t\\\"c\\u0001\u00e9\", \"n\": [1, 2]}\n", Files.readString(file));
    }

    @Test
    void driftIsRepairedAndTheChangeShowsBothTexts() throws Exception {
        Part part = json("data", map("a", 1L), "mode", 0640L);
        context.deploy(part);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.writeString(file, "{}\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        Verdict verdict = context.deploy(part);
        assertEquals(List.of(new Change.Content(file.toString(), "{}\n", "{\n  \"a\": 1\n}\n", false),
                new Change.Property(file.toString(), "mode", "0666", "0640")), verdict.changes());
        assertEquals("{\n  \"a\": 1\n}\n", Files.readString(file));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(context.deploy(part).needsUpdate());
    }

    @Test
    void predictingChangesNothing() throws Exception {
        context.predicting(true);
        assertTrue(context.deploy(json("data", map("a", 1L))).needsUpdate());
        assertFalse(Files.exists(file.getParent()));
    }

    @Test
    void sensitiveDataMarksTheChange() throws Exception {
        Part part = Nodes.part("json", attributes("path", file.toString(), "data", map("password", "hunter2")),
                Set.of("data"));
        Change.Content change = assertInstanceOf(Change.Content.class, context.deploy(part).changes().get(0));
        assertTrue(change.sensitive());
    }

    @Test
    void nonFiniteNumbersAreAFailure() {
        Part part = json("data", map("x", Double.NaN));
        PartFailure failure = assertThrows(PartFailure.class, () -> part.verify(context));
        assertEquals("JSON has no representation for the number NaN", failure.getMessage());
    }

    @Test
    void withoutLeadingAMissingParentIsAFailure() {
        Part part = json("data", map("a", 1L), "leading", false);
        PartFailure failure = assertThrows(PartFailure.class, () -> context.deploy(part));
        assertEquals("parent directory " + file.getParent() + " of " + file
                + " does not exist (leading: false; set leading: true or create it first)", failure.getMessage());
    }

    @Test
    void yamlIsWrittenInBlockStyleMergedAndDeterministic() throws Exception {
        Path yaml = context.workDirectory().resolve("app.yaml");
        Part part = part("yaml", "path", yaml.toString(),
                "data", map("name", "app", "answer", "yes", "port", 8080L, "hosts", List.of("a", "b"),
                        "db", map("host", "localhost", "port", 5432L), "none", null),
                "overrides", map("db", map("host", "db")));
        String expected = """
                name: app
                answer: 'yes'
                port: 8080
                hosts:
                - a
                - b
                db:
                  host: db
                  port: 5432
                none: null
                """;
        assertEquals(List.of(new Change.Content(yaml.toString(), null, expected, false)),
                context.deploy(part).changes());
        assertEquals(expected, Files.readString(yaml));
        assertFalse(context.deploy(part).needsUpdate());

        Files.writeString(yaml, "name: other\n");
        assertEquals(List.of(new Change.Content(yaml.toString(), "name: other\n", expected, false)),
                context.deploy(part).changes());
        assertEquals(expected, Files.readString(yaml));
        context.predicting(true);
        assertFalse(context.deploy(part).needsUpdate());
    }
}
