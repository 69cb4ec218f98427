package batou.lib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.Test;

import batou.model.Diagnostic;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.parts.PartTypeRegistry;

/**
 * The library's part types, configured as a project uses them: whatever a part would refuse while deploying is
 * refused while configuring, with file, line and column.
 */
class LibrarySchemaTest {

    private static final PartTypeRegistry TYPES = PartTypeRegistry.fromProviders(List.of(new LibraryPartTypes()));

    @TempDir
    Path project;

    /** Configures a component with {@code parts} on one host; every diagnostic as printed, one per line. */
    private String configure(String parts) throws IOException {
        write("components/app/component.yaml", "parts:\n" + parts);
        write("environments/dev/environment.yaml", """
                environment: {connect: local, target_directory: /srv/t}
                hosts:
                  h: [app]
                """);
        Configuration configuration = new Configurator(TYPES).configure(project, "dev");
        String printed = configuration.diagnostics().stream().map(Diagnostic::toString)
                .collect(Collectors.joining("\n"));
        if (!printed.isEmpty()) {
            assertNull(configuration.plan(), printed);
        }
        return printed;
    }

    private void write(String relative, String text) throws IOException {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void item09_aPurgePatternCannotLeaveTheWorkDirectory() throws IOException {
        assertEquals("components/app/component.yaml:2:22: error: path '../*' leaves the work directory "
                + "/srv/t/work/app (relative paths are inside the component's work directory; write an absolute "
                + "path or one starting with ~/ for a place outside it)", configure("""
                          - purge: {pattern: "../*"}
                          - purge: {pattern: "logs/old-*.log"}
                        """));
    }
}
