package batou.model.project.edit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import batou.model.Diagnostic;
import batou.test.harness.YamlInputs;

/** Minimal text edits of environment.yaml: comments, order and formatting of untouched lines stay byte for byte. */
class EnvironmentEditsTest {

    private static final String FILE = "environments/test/environment.yaml";

    private static final String TEXT = """
            # head comment
            environment:
              connect: ssh   # how we reach them
              jobs: 2
            hosts:
              # the web hosts
              web1: [nginx, app]   # short form
              web2:
                components: [nginx, "app:canary"]   # long form
                data: {cores: 8}
              db1:
                components:
                  - postgres
                  - "!backup"   # no crontab
                platform: debian
              "!old1": [app]   # decommissioned
              blk:
                - redis
            components:
              app: {workers: 8}   # more workers
            # tail comment
            """;

    private static EnvironmentEdits edits() {
        return new EnvironmentEdits(TEXT);
    }

    /** The result loads without problems, and every line of the original but {@code changed} is still there, in order. */
    private static EnvironmentOutline assertMinimal(String result, String... changed) {
        EnvironmentOutline outline = EnvironmentOutline.read(result, FILE);
        assertEquals(List.of(), outline.problems().stream().map(Diagnostic::toString).toList(), result);
        List<String> kept = new ArrayList<>(TEXT.lines().toList());
        kept.removeAll(List.of(changed));
        List<String> lines = result.lines().toList();
        int at = 0;
        for (String line : kept) {
            int found = lines.subList(at, lines.size()).indexOf(line);
            assertTrue(found >= 0, "line kept in order: '" + line + "'\n" + result);
            at += found + 1;
        }
        assertTrue(result.contains("# head comment\n"), result);
        assertTrue(result.endsWith("# tail comment\n"), result);
        return outline;
    }

    @Test
    void setsAnExistingSettingInPlaceKeepingItsTrailingComment() {
        String result = edits().setSetting("connect", "local");
        assertTrue(result.contains("\n  connect: local   # how we reach them\n"), result);
        assertEquals("local", assertMinimal(result, "  connect: ssh   # how we reach them").setting("connect"));
        assertEquals(TEXT.length() + 2, result.length());
    }

    @Test
    void addsANewSettingAfterTheLastOneAndRemovesOne() {
        String result = edits().setSetting("target_directory", "/srv/{{ host.name }}");
        assertTrue(result.contains("  jobs: 2\n  target_directory: \"/srv/{{ host.name }}\"\nhosts:"), result);
        assertEquals("/srv/{{ host.name }}", assertMinimal(result).setting("target_directory"));

        String removed = edits().setSetting("jobs", null);
        assertFalse(removed.contains("jobs"), removed);
        assertMinimal(removed, "  jobs: 2");
    }

    @Test
    void jobsAreWrittenAsANumberAndTextsThatLookLikeOthersAreQuoted() {
        EnvironmentOutline outline = assertMinimal(edits().setSetting("jobs", 4L), "  jobs: 2");
        assertEquals(4L, outline.settings().get("jobs").value());
        String result = edits().setSetting("platform", "yes");
        assertTrue(result.contains("  platform: \"yes\"\n"), result);
        assertEquals("yes", assertMinimal(result).settings().get("platform").value());
    }

    @Test
    void createsTheEnvironmentSectionBeforeTheFirstSection() {
        String text = "# hosts only\nhosts:\n  a: [x]   # one\n";
        String result = new EnvironmentEdits(text).setSetting("connect", "local");
        assertEquals("# hosts only\nenvironment:\n  connect: local\nhosts:\n  a: [x]   # one\n", result);
    }

    @Test
    void addsAHostAtTheEndOfTheHosts() {
        String result = edits().addHost("web3");
        assertTrue(result.contains("    - redis\n  web3: []\ncomponents:"), result);
        assertNotNull(assertMinimal(result).host("web3"));
    }

    @Test
    void renamesAHostAndKeepsItIgnored() {
        String result = edits().renameHost("old1", "old2");
        assertTrue(result.contains("\n  \"!old2\": [app]   # decommissioned\n"), result);
        EnvironmentOutline outline = assertMinimal(result, "  \"!old1\": [app]   # decommissioned");
        assertTrue(outline.host("old2").ignored());
        assertNull(outline.host("old1"));
        assertTrue(edits().renameHost("web1", "front").contains("\n  front: [nginx, app]   # short form\n"));
    }

    @Test
    void removesAHostOfEachForm() {
        String result = edits().removeHost("web2");
        EnvironmentOutline outline = assertMinimal(result, "  web2:", "    components: [nginx, \"app:canary\"]   # long form",
                "    data: {cores: 8}");
        assertNull(outline.host("web2"));
        assertEquals(4, outline.hosts().size());
        assertNull(assertMinimal(edits().removeHost("web1"), "  web1: [nginx, app]   # short form").host("web1"));
        String blockRemoved = edits().removeHost("blk");
        assertMinimal(blockRemoved, "  blk:", "    - redis");
    }

    @Test
    void setsThePlatformOfAHostWrittenAsAFlowList() {
        String result = edits().setHostPlatform("web1", "debian");
        assertTrue(result.contains("\n  web1:\n    components: [nginx, app]   # short form\n    platform: debian\n"),
                result);
        EnvironmentOutline outline = assertMinimal(result, "  web1: [nginx, app]   # short form");
        assertEquals("debian", outline.host("web1").platform().text());
        assertEquals(List.of("nginx", "app"), outline.host("web1").components().stream().map(c -> c.name()).toList());
    }

    @Test
    void setsThePlatformOfAHostWrittenAsABlockListAndOfAMapping() {
        String result = edits().setHostPlatform("blk", "alpine");
        EnvironmentOutline outline = assertMinimal(result);
        assertEquals("alpine", outline.host("blk").platform().text());
        assertEquals("redis", outline.host("blk").components().get(0).name());

        String changed = edits().setHostPlatform("db1", "ubuntu");
        assertTrue(changed.contains("\n    platform: ubuntu\n"), changed);
        assertMinimal(changed, "    platform: debian");
        String removed = edits().setHostPlatform("db1", null);
        assertNull(assertMinimal(removed, "    platform: debian").host("db1").platform());
    }

    @Test
    void addsComponentsToEachHostForm() {
        String flow = edits().addComponent("web1", "redis");
        assertTrue(flow.contains("\n  web1: [nginx, app, redis]   # short form\n"), flow);
        assertMinimal(flow, "  web1: [nginx, app]   # short form");

        String mapping = edits().addComponent("web2", "worker");
        assertTrue(mapping.contains("\n    components: [nginx, \"app:canary\", worker]   # long form\n"), mapping);
        assertMinimal(mapping, "    components: [nginx, \"app:canary\"]   # long form");

        String block = edits().addComponent("db1", "!worker");
        assertTrue(block.contains("      - \"!backup\"   # no crontab\n      - \"!worker\"\n    platform"), block);
        assertTrue(assertMinimal(block).host("db1").component("worker").ignored());
    }

    @Test
    void removesComponentsDownToAnEmptyList() {
        String one = edits().removeComponent("web1", "nginx");
        assertTrue(one.contains("\n  web1: [app]   # short form\n"), one);
        String none = new EnvironmentEdits(one).removeComponent("web1", "app");
        assertTrue(none.contains("\n  web1: []   # short form\n"), none);
        assertTrue(assertMinimal(none, "  web1: [nginx, app]   # short form").host("web1").components().isEmpty());

        String canary = edits().removeComponent("web2", "app");
        assertTrue(canary.contains("    components: [nginx]   # long form\n"), canary);

        String block = new EnvironmentEdits(edits().removeComponent("db1", "postgres")).removeComponent("db1", "backup");
        assertTrue(block.contains("\n    components: []\n    platform: debian\n"), block);
        assertTrue(assertMinimal(block, "    components:", "      - postgres", "      - \"!backup\"   # no crontab")
                .host("db1").components().isEmpty());
    }

    @Test
    void ignoresAndUnignoresComponentsKeepingTheirFeatures() {
        String ignored = edits().setComponentIgnored("web2", "app", true);
        assertTrue(ignored.contains("components: [nginx, \"!app:canary\"]   # long form"), ignored);
        assertTrue(assertMinimal(ignored, "    components: [nginx, \"app:canary\"]   # long form").host("web2")
                .component("app").ignored());
        String back = edits().setComponentIgnored("db1", "backup", false);
        assertTrue(back.contains("      - backup   # no crontab\n"), back);
        assertFalse(assertMinimal(back, "      - \"!backup\"   # no crontab").host("db1").component("backup").ignored());
        assertEquals(TEXT, edits().setComponentIgnored("db1", "backup", true));
    }

    @Test
    void setsAndRemovesHostData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("cores", 4L);
        data.put("role", "primary");
        String result = edits().setHostData("web2", data);
        assertTrue(result.contains("\n    data: {cores: 4, role: primary}\n"), result);
        assertEquals(data, assertMinimal(result, "    data: {cores: 8}").host("web2").data().value());

        String converted = edits().setHostData("web1", Map.of("cores", 2L));
        assertEquals(Map.of("cores", 2L), assertMinimal(converted, "  web1: [nginx, app]   # short form").host("web1")
                .data().value());
        assertNull(assertMinimal(edits().setHostData("web2", null), "    data: {cores: 8}").host("web2").data());
    }

    @Test
    void setsAndRemovesOverrides() {
        String changed = edits().setOverride("app", "workers", 2L);
        assertTrue(changed.contains("\n  app: {workers: 2}   # more workers\n"), changed);
        assertMinimal(changed, "  app: {workers: 8}   # more workers");

        String added = edits().setOverride("app", "release", "1.5.0-rc1");
        assertTrue(added.contains("\n  app: {workers: 8, release: 1.5.0-rc1}   # more workers\n"), added);

        String component = edits().setOverride("nginx", "port", 8443L);
        assertTrue(component.contains("# more workers\n  nginx: {port: 8443}\n# tail comment\n"), component);
        assertEquals(8443L, assertMinimal(component).overrides().get("nginx").get("port").value());

        String removed = edits().removeOverride("app", "workers");
        assertFalse(removed.contains("\ncomponents:"), removed);
        assertMinimal(removed, "components:", "  app: {workers: 8}   # more workers");
        assertEquals(TEXT, edits().removeOverride("app", "port"));

        String created = new EnvironmentEdits("hosts:\n  a: [app]\n").setOverride("app", "port", 1L);
        assertEquals("hosts:\n  a: [app]\ncomponents:\n  app: {port: 1}\n", created);
    }

    @Test
    void editsOfUnknownHostsAndTakenNamesFail() {
        assertThrows(EditException.class, () -> edits().addComponent("web9", "app"));
        assertThrows(EditException.class, () -> edits().removeComponent("web9", "app"));
        assertThrows(EditException.class, () -> edits().setHostPlatform("web9", "debian"));
        assertThrows(EditException.class, () -> edits().renameHost("web9", "web10"));
        assertThrows(EditException.class, () -> edits().removeHost("web9"));
        assertThrows(EditException.class, () -> edits().addHost("old1"));
        assertThrows(EditException.class, () -> edits().renameHost("web1", "web2"));
        assertThrows(EditException.class, () -> edits().addComponent("web1", "app:canary"));
        assertThrows(EditException.class, () -> edits().removeComponent("web1", "redis"));
        assertThrows(EditException.class, () -> edits().setSetting("hots", "x"));
        assertThrows(EditException.class, () -> new EnvironmentEdits("hosts: [a\n").addHost("b"));
    }

    @Test
    void aResultThatWouldNotLoadIsRefusedButAValueTheConfigurationRejectsIsWritten() {
        EditException duplicate = assertThrows(EditException.class, () -> edits().renameHost("web1", "!old1"));
        assertTrue(duplicate.getMessage().contains("duplicate key '!old1'"), duplicate.getMessage());
        String zero = edits().setSetting("jobs", 0L);
        assertTrue(zero.contains("\n  jobs: 0\n"), zero);
    }

    @Test
    void keepsWindowsLineBreaks() {
        String text = "environment:\r\n  connect: ssh  # c\r\nhosts:\r\n  a: [x]\r\n";
        String result = new EnvironmentEdits(text).setSetting("jobs", 3L);
        assertEquals("environment:\r\n  connect: ssh  # c\r\n  jobs: 3\r\nhosts:\r\n  a: [x]\r\n", result);
    }

    @Test
    void formatsValuesAsYamlThatReadsBack() {
        assertEquals("plain", YamlValues.format("plain"));
        assertEquals("\"!backup\"", YamlValues.format("!backup"));
        assertEquals("\"a, b\"", YamlValues.format("a, b"));
        assertEquals("\"42\"", YamlValues.format("42"));
        assertEquals("\"with \\\"quotes\\\"\\n\"", YamlValues.format("with \"quotes\"\n"));
        assertEquals("[1, x, true]", YamlValues.format(List.of(1L, "x", true)));
        for (String text : List.of("{{ x }}", "a: b", "# c", "x # y", "'q'", "", " pad", "null", "~", "@at", "%p")) {
            assertEquals(text, YamlValues.parse("[" + YamlValues.format(text) + "]") instanceof List<?> list
                    ? list.get(0) : null, text);
        }
    }

    @Test
    void item12_theEditorReadsWithinTheSameLimitsAsTheLoader() {
        String cycle = "hosts:\n  h: [app]\nenvironment: &e {jobs: *e}\n";
        EnvironmentOutline outline = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> EnvironmentOutline.read(cycle, FILE));
        assertEquals(List.of(FILE + ":3:24: error: the alias *e is inside the value of its own anchor &e (a cycle) "
                + "(an alias can only repeat a value that ends before it)"),
                outline.problems().stream().map(Diagnostic::toString).toList());
        EditException refused = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> assertThrows(EditException.class, () -> new EnvironmentEdits(cycle).setSetting("jobs", 2L)));
        assertEquals("environment.yaml is not valid YAML; fix it in the source first: line 3, column 24: the alias "
                + "*e is inside the value of its own anchor &e (a cycle) (an alias can only repeat a value that ends "
                + "before it)", refused.getMessage());

        String laughs = "x:\n" + YamlInputs.billionLaughs("  ", 9, 9) + "environment:\n  jobs: *l8\nhosts:\n  h: [app]\n";
        outline = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> EnvironmentOutline.read(laughs, FILE));
        assertEquals(1, outline.problems().size(), outline.problems().toString());
        assertTrue(outline.problems().get(0).toString().contains("error: more than 100000 values"),
                outline.problems().toString());
    }
}
