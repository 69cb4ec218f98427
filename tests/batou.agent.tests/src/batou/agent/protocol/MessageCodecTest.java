package batou.agent.protocol;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.engine.DeploymentInfo;
import batou.engine.RootResult;
import batou.engine.RootStatus;
import batou.engine.RunMode;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.PartPath;
import batou.engine.parts.Change;
import batou.lib.LibraryPartTypes;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.plan.HostPlan;
import batou.model.plan.RootId;
import batou.model.types.Address;
import batou.test.harness.TempProject;

/**
 * The wire form of every message, event and change: what goes in comes out equal, a real configured plan included;
 * what is not a message is refused with a clear error.
 */
class MessageCodecTest {

    private static final Instant TIME = Instant.parse("2026-11-25T01:02:03.456789012Z");

    @TempDir
    Path temp;

    @Test
    void aConfiguredPlanTravelsUnchanged() throws IOException {
        TempProject project = new TempProject(temp);
        project.write("components/app/component.yaml", """
                attributes:
                  port: {type: int, default: 8080}
                  ratio: {type: float, default: 0.5}
                  listen: {type: address, default: "localhost:8080"}
                  names: {type: list, default: [a, b]}
                  options: {type: map, default: {x: 1, y: [true, null, "é"]}}
                  password: {default: secret, sensitive: true}
                provide:
                  app: "{{ listen }}"
                parts:
                  - directory: {path: conf}
                  - file: {path: conf/app.ini, content: "port={{ port }}\\n"}
                  - component: helper
                    with: {name: x}
                """);
        project.write("components/helper/component.yaml", """
                attributes:
                  name: {default: y}
                parts:
                  - symlink: {path: "current-{{ name }}", target: conf}
                """);
        project.write("environments/dev/environment.yaml", """
                hosts:
                  a: {components: [app], data: {cores: 2, tags: [x, y], nested: {deep: {deeper: -1}}}}
                """);
        Configuration configuration = new Configurator(
                LibraryPartTypes.registry()).configure(project.root(), "dev");
        assertFalse(configuration.failed(), () -> configuration.diagnostics().toString());
        HostPlan host = configuration.plan().host("a");
        DeploymentInfo info = new DeploymentInfo("dev", "abc1234", "me@here", RunMode.PREDICT);
        List<ProjectFile> files = List.of(new ProjectFile("components/app/x", "ab".repeat(32), 0640),
                new ProjectFile("/abs/folder", null, 0755));

        Message.Start back = (Message.Start) roundTrip(new Message.Start(info, host, files));

        assertEquals(host, back.host());
        assertEquals(info, back.info());
        assertEquals(files, back.files());
        assertEquals(List.copyOf(host.data().keySet()), List.copyOf(back.host().data().keySet()), "map order kept");
        assertTrue(back.host().roots().get(0).sensitive().contains("password"));
    }

    @Test
    void everyEventAndChangeTravelsUnchanged() throws IOException {
        List<Change> changes = List.of(new Change.Content("a.conf", null, "new\n", false),
                new Change.Content("b.conf", "old", "new", false), new Change.Content("s.conf", "x", "y", true),
                new Change.Property("a.conf", "mode", "0644", "0640"), new Change.Property("l", "target", null, "x"),
                new Change.Command("echo hi"), new Change.Other("removed old.conf"));
        List<DeploymentEvent> events = List.of(new DeploymentEvent.HostStarted(TIME, "h"),
                new DeploymentEvent.RootStarted(TIME, "h", "app"),
                new DeploymentEvent.PartChanged(TIME, "h", "app", PartPath.of("app", "file a.conf"), changes),
                new DeploymentEvent.RootFinished(TIME, "h", "app", true, 1234),
                new DeploymentEvent.RootFailed(TIME, "h", "app", PartPath.of("app", "command x"), "exit 1\nstderr ü",
                        5),
                new DeploymentEvent.RootSkipped(TIME, "h", "app", "db failed"),
                new DeploymentEvent.Warning(TIME, "h", null, "slow"),
                new DeploymentEvent.HostFailed(Instant.EPOCH.minusSeconds(1), "h", "lost"),
                new DeploymentEvent.HostFinished(TIME, "h", 1, 2, 3, 4, Long.MAX_VALUE));
        for (DeploymentEvent event : events) {
            assertEquals(new Message.Event(event), roundTrip(new Message.Event(event)));
        }
        assertEquals(names(DeploymentEvent.class.getPermittedSubclasses()),
                events.stream().map(e -> e.getClass().getSimpleName()).collect(Collectors.toSet()),
                "every kind of event is covered (a new one needs its wire form in EventCodec)");
        assertEquals(names(Change.class.getPermittedSubclasses()),
                changes.stream().map(c -> c.getClass().getSimpleName()).collect(Collectors.toSet()));
    }

    @Test
    void everyMessageTravelsUnchanged() throws IOException {
        byte[] content = new byte[70_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Message.FileData data = (Message.FileData) roundTrip(new Message.FileData("ab".repeat(32), content));
        assertArrayEquals(content, data.content());
        List<Message> messages = List.of(new Message.RunRoot("app"),
                new Message.Finish(List.of(new RootResult(new RootId("h", "a"), RootStatus.CHANGED, null, 3),
                        new RootResult(new RootId("h", "b"), RootStatus.SKIPPED, "db failed", 0))),
                new Message.Started("1.0 (abc)", List.of("cd".repeat(32))), new Message.Refused("locked by x"),
                new Message.Event(new DeploymentEvent.HostStarted(TIME, "h")),
                new Message.RootDone("app", false, PartPath.of("app", "file x"), "disk full"),
                new Message.RootDone("app", true, null, null),
                new Message.Finished(), new Message.Fatal("boom"));
        for (Message message : messages) {
            assertEquals(message, roundTrip(message));
        }
        Set<String> covered = new HashSet<>();
        messages.forEach(m -> covered.add(m.getClass().getSimpleName()));
        covered.addAll(List.of("Start", "FileData"));
        assertEquals(names(Message.class.getPermittedSubclasses()), covered);
    }

    @Test
    void plainValuesKeepTheirTypes() throws IOException {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("z", "text ✓");
        values.put("empty", "");
        values.put("none", null);
        values.put("long", Long.MIN_VALUE);
        values.put("int", -7);
        values.put("double", -0.0);
        values.put("nan", Double.NaN);
        values.put("bool", false);
        values.put("list", Arrays.asList(1L, null, List.of(), Map.of("k", true)));
        values.put("set", Set.of("a", "b"));
        values.put("address", new Address("::1", 443));
        Map<String, Object> back = decodeValue(values);
        assertEquals(values, back);
        assertEquals(List.copyOf(values.keySet()), List.copyOf(back.keySet()));
        assertEquals(Integer.class, back.get("int").getClass());
        assertEquals(Long.class, back.get("long").getClass());
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) back.get("double")));
    }

    @Test
    void aValueThatIsNotPlainIsRefusedByName() {
        WireOutput out = new WireOutput();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> out.value(Map.of("when", java.time.Duration.ofSeconds(1))));
        assertTrue(e.getMessage().contains("java.time.Duration cannot travel to an agent"), e.getMessage());
    }

    @Test
    void aMessageThatCannotTravelFailsAsAnIOExceptionNamingTheValue() {
        HostPlan host = new HostPlan("h", "h.example.com", "debian", "ssh", null, "/srv/h", null, 0,
                Map.of("when", java.time.Duration.ofSeconds(1)), List.of());
        Frames frames = new Frames(null, new ByteArrayOutputStream());
        IOException e = assertThrows(IOException.class, () -> frames.send(
                new Message.Start(new DeploymentInfo("dev", null, "me@here", RunMode.DEPLOY), host, List.of())));
        assertTrue(e.getMessage().contains("java.time.Duration cannot travel to an agent"), e.getMessage());
    }

    @Test
    void whatIsNotAMessageIsRefused() {
        byte[] good = MessageCodec.encode(new Message.Refused("locked"));
        byte[] truncated = Arrays.copyOf(good, good.length - 2);
        byte[] trailing = Arrays.copyOf(good, good.length + 1);
        byte[] unknown = { 99 };
        byte[] hugeCount = { 5, 1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x07 };
        for (byte[] bad : List.of(truncated, trailing, unknown, hugeCount)) {
            IOException e = assertThrows(IOException.class, () -> MessageCodec.decode(bad));
            assertTrue(e.getMessage().startsWith("malformed agent message: "), e.getMessage());
        }
        assertThrows(IOException.class, () -> new WireInput(deepList(100)).value());
        assertTrue(assertThrows(IOException.class, () -> MessageCodec.decode(unknown)).getMessage()
                .contains("unknown message tag 99"));
    }

    @Test
    void aRootResultWithoutAnEndStateIsRefused() throws IOException {
        byte[] bytes = MessageCodec.encode(new Message.Finish(
                List.of(new RootResult(new RootId("h", "a"), RootStatus.CHANGED, null, 3))));
        String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
        int status = text.indexOf("a" + (char) RootStatus.CHANGED.ordinal()) + 1;
        assertTrue(status > 0, "the status follows the root's name");
        bytes[status] = (byte) RootStatus.RUNNING.ordinal();
        byte[] running = bytes;
        IOException e = assertThrows(IOException.class, () -> MessageCodec.decode(running));
        assertTrue(e.getMessage().contains("unknown root status"), e.getMessage());
    }

    @Test
    void framesCarryMessagesBackToBack() throws IOException {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        Frames writer = new Frames(null, stream);
        writer.send(new Message.RunRoot("a"));
        writer.send(new Message.Finished());
        Frames reader = new Frames(new ByteArrayInputStream(stream.toByteArray()), null);
        assertEquals(new Message.RunRoot("a"), reader.receive());
        assertEquals(new Message.Finished(), reader.receive());
        assertEquals(null, reader.receive());
    }

    private static byte[] deepList(int depth) {
        byte[] bytes = new byte[depth * 2];
        for (int i = 0; i < depth; i++) {
            bytes[2 * i] = WireOutput.LIST;
            bytes[2 * i + 1] = 1;
        }
        return bytes;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> decodeValue(Map<String, Object> values) throws IOException {
        WireOutput out = new WireOutput();
        out.value(values);
        WireInput in = new WireInput(out.toByteArray());
        Object back = in.value();
        in.end();
        return (Map<String, Object>) back;
    }

    private static Message roundTrip(Message message) throws IOException {
        return MessageCodec.decode(MessageCodec.encode(message));
    }

    private static Set<String> names(Class<?>[] types) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : types) {
            names.add(type.getSimpleName());
        }
        return new HashSet<>(names);
    }
}
