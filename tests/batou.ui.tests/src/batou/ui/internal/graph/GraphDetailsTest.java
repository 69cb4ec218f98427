package batou.ui.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.plan.RootId;
import batou.test.harness.TempProject;
import batou.ui.internal.project.OpenProject;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/** The details of the graph view's selection, as text: what is shown and what is masked. No display. */
@ExtendWith(WorkspaceLogGuard.class)
class GraphDetailsTest {

    @TempDir
    Path temp;

    @Test
    void aResourceComputedFromASecretIsMaskedEvenWhenItDoesNotContainTheSecretAsItIs() throws IOException {
        TempProject project = new TempProject(temp);
        project.write("components/db/component.yaml", """
                attributes:
                  password: {default: "s3cret-value", sensitive: true}
                provide:
                  dsn: "postgresql://app:{{ password | upper }}@{{ host.name }}/app"
                  address: "{{ host.name }}:5432"
                parts:
                  - file: {path: pgpass, content: "{{ password }}"}
                """);
        project.write("environments/dev/environment.yaml", "environment:\n  connect: local\nhosts:\n  db1: [db]\n");
        Configuration configuration = new Configurator(OpenProject.registry()).configure(project.root(), "dev");
        assertFalse(configuration.failed(), configuration.diagnostics().toString());

        List<GraphDetails.Section> sections = new GraphDetails(configuration.plan()).root(new RootId("db1", "db"));
        List<String> rows = sections.stream().flatMap(section -> section.rows().stream()
                .map(row -> section.title() + "/" + row.name() + "=" + row.value())).toList();
        assertEquals(List.of("Provides/dsn=" + GraphDetails.MASK, "Provides/address=db1:5432"),
                rows.stream().filter(row -> row.startsWith("Provides/")).toList());
        assertEquals(List.of("Attributes/password=" + GraphDetails.MASK),
                rows.stream().filter(row -> row.startsWith("Attributes/")).toList());
        assertFalse(rows.stream().anyMatch(row -> row.toLowerCase().contains("s3cret")), rows::toString);
    }
}
