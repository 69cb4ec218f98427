package batou.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import batou.test.harness.ClassFile;
import batou.test.harness.ClassFile.Field;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The workbench keeps its state in services of its Eclipse context ({@code batou.ui.internal.WorkbenchServices}),
 * never in static fields: no class of batou.ui has a static field that is not final or whose type can change, and no
 * enum constant (a singleton too) has such a field. Read from the compiled classes, so that a new singleton fails
 * here, named, before it reaches the workbench.
 */
@ExtendWith(WorkspaceLogGuard.class)
class NoStaticStateTest {

    /** Types whose instances cannot change. */
    private static final Set<String> IMMUTABLE = Set.of("Z", "B", "C", "S", "I", "J", "F", "D",
            "Ljava/lang/String;", "Ljava/lang/Boolean;", "Ljava/lang/Integer;", "Ljava/lang/Long;",
            "Ljava/lang/Double;", "Ljava/lang/Class;", "Ljava/time/format/DateTimeFormatter;");

    /** Static constants of other types that cannot change either, and why. */
    private static final Map<String, String> CONSTANTS = Map.of(
            "batou/ui/internal/deploy/DeploymentJob.FAMILY", "a job family, compared by identity",
            "batou/ui/internal/deploy/HostRecords.FAMILY", "a job family, compared by identity",
            "batou/ui/internal/graph/GraphModel.EMPTY", "a record of empty immutable lists",
            "batou/ui/internal/views/ProjectLabelProvider.BOLD", "a styler without fields",
            "batou/ui/internal/views/ProjectTreeContentProvider.NONE", "an empty array",
            "batou/ui/internal/secrets/SecretsView.ONE_AT_A_TIME", "a scheduling rule without fields");

    /** NLS message classes: their static strings are set once, from the properties file, when the class loads. */
    private static final String NLS = "org/eclipse/osgi/util/NLS";

    @Test
    void noClassOfTheWorkbenchKeepsStateInStaticFields() throws IOException {
        Path classes = Path.of("../../bundles/batou.ui/target/classes");
        assertTrue(Files.isDirectory(classes), classes.toAbsolutePath() + " is not built");
        List<ClassFile> all = read(classes);
        assertTrue(all.size() > 50, "only " + all.size() + " classes found");
        assertTrue(all.stream().anyMatch(c -> NLS.equals(c.superName())), "no NLS message class found");
        assertEquals(List.of(), offenders(all), "keep workbench state in a service of the workbench's context "
                + "(batou.ui.internal.WorkbenchServices) and get it injected");
    }

    /** The rule finds what it is meant to: a planted counter, a planted cache and a planted enum state. */
    @Test
    void theRuleFindsPlantedState() throws IOException {
        Path classes = Path.of("target/classes/batou/ui");
        List<ClassFile> planted = new ArrayList<>();
        for (String name : List.of("NoStaticStateTest$Planted", "NoStaticStateTest$Planted$Mode")) {
            try (InputStream in = Files.newInputStream(classes.resolve(name + ".class"))) {
                planted.add(ClassFile.read(in));
            }
        }
        assertEquals(List.of("batou/ui/NoStaticStateTest$Planted.runs (I) is static and not final",
                "batou/ui/NoStaticStateTest$Planted.SEEN (Ljava/util/List;) is static and of a type that can change",
                "batou/ui/NoStaticStateTest$Planted$Mode.uses (I) is in an enum constant and not final"),
                offenders(planted));
    }

    private static List<String> offenders(List<ClassFile> classes) {
        List<String> offenders = new ArrayList<>();
        for (ClassFile type : classes) {
            for (Field field : type.fields()) {
                String name = type.name() + "." + field.name() + " (" + field.descriptor() + ")";
                if (field.is(ClassFile.ACC_SYNTHETIC) || field.is(ClassFile.ACC_ENUM)
                        || NLS.equals(type.superName()) && "Ljava/lang/String;".equals(field.descriptor())) {
                    continue;
                }
                boolean enumState = type.is(ClassFile.ACC_ENUM) && !field.is(ClassFile.ACC_STATIC);
                if (!field.is(ClassFile.ACC_STATIC) && !enumState) {
                    continue;
                }
                String where = enumState ? " is in an enum constant and " : " is static and ";
                if (!field.is(ClassFile.ACC_FINAL)) {
                    offenders.add(name + where + "not final");
                } else if (!IMMUTABLE.contains(field.descriptor()) && !isEnum(field.descriptor(), classes)
                        && !CONSTANTS.containsKey(type.name() + "." + field.name())) {
                    offenders.add(name + where + "of a type that can change");
                }
            }
        }
        return offenders;
    }

    private static boolean isEnum(String descriptor, List<ClassFile> classes) {
        return classes.stream().anyMatch(c -> c.is(ClassFile.ACC_ENUM) && descriptor.equals("L" + c.name() + ";"));
    }

    private static List<ClassFile> read(Path classes) throws IOException {
        List<ClassFile> all = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".class")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    all.add(ClassFile.read(in));
                }
            }
        }
        return all;
    }

    /** What the rule must find; never used. */
    @SuppressWarnings("unused")
    private static final class Planted {
        private static final int LIMIT = 3;
        private static int runs;
        private static final List<String> SEEN = new ArrayList<>();

        private enum Mode {
            ON;

            private int uses;
        }
    }
}
