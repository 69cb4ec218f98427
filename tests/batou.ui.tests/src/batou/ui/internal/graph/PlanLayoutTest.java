package batou.ui.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import batou.engine.RootStatus;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.RootId;
import batou.secrets.SecretsVault;
import batou.ui.internal.project.OpenProject;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;

/** The layout of the example's plans without any drawing: fixed-width text, no display. */
@ExtendWith(WorkspaceLogGuard.class)
class PlanLayoutTest {

    static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();

    private static DeploymentPlan production;

    @BeforeAll
    static void configure() {
        production = plan("production");
    }

    static DeploymentPlan plan(String environment) {
        SecretsVault vault = OpenProject.vault(EXAMPLES);
        Configuration configuration = new Configurator(OpenProject.registry()).configure(EXAMPLES, environment,
                file -> vault.decryptBytes(file, environment));
        assertFalse(configuration.failed(), configuration.diagnostics().toString());
        return configuration.plan();
    }

    private static GraphModel layout(DeploymentPlan plan) {
        return new PlanLayout(TextMeasure.approximate()).layout(plan);
    }

    @Test
    void productionHasABoxPerHostANodePerRootAndAnEdgePerDependency() {
        GraphModel model = layout(production);
        GraphAssertions.sameElementsAsPlan(production, model);
        assertEquals(4, model.hosts().size(), "lb1, app1, app2, db1 (app3 is ignored)");
        assertEquals(7, model.nodes().size());
        assertEquals(9, model.edges().size(),
                "nginx after both apps; each app and the worker after postgres and redis; backup after postgres");
        assertEquals(Set.of("lb1", "app1", "app2", "db1"),
                model.hosts().stream().map(GraphModel.HostBox::name).collect(Collectors.toSet()));
        assertEquals("canary", model.node(new RootId("app2", "app")).detail(), "features under the name");
        assertEquals("db1.prod.example.com \u00b7 debian", model.host("db1").detail(), "fqdn and platform");
    }

    @Test
    void productionIsWellLaidOut() {
        GraphAssertions.wellLaidOut(layout(production));
    }

    @Test
    void everyEnvironmentOfTheExampleIsWellLaidOut() {
        for (String environment : List.of("dev", "staging", "production")) {
            DeploymentPlan plan = plan(environment);
            GraphModel model = layout(plan);
            GraphAssertions.sameElementsAsPlan(plan, model);
            GraphAssertions.wellLaidOut(model);
        }
    }

    @Test
    void hostBoxesLeaveRoomForTheirTitles() {
        TextMeasure measure = TextMeasure.approximate();
        GraphModel model = layout(production);
        for (GraphModel.HostBox host : model.hosts()) {
            double title = Math.max(measure.measure(host.name(), TextMeasure.Style.HOST_TITLE).width(),
                    measure.measure(host.detail(), TextMeasure.Style.HOST_DETAIL).width());
            assertTrue(host.bounds().width() >= title + 2 * PlanLayout.HOST_PADDING - 0.5,
                    host.name() + " is " + host.bounds().width() + " wide for a title of " + title);
            double firstNode = model.nodes().stream().filter(n -> n.id().host().equals(host.name()))
                    .mapToDouble(n -> n.bounds().y()).min().orElse(Double.MAX_VALUE);
            double titleBottom = host.bounds().y() + PlanLayout.HOST_PADDING * 0.75
                    + measure.measure(host.name(), TextMeasure.Style.HOST_TITLE).height()
                    + measure.measure(host.detail(), TextMeasure.Style.HOST_DETAIL).height();
            assertTrue(firstNode >= titleBottom, host.name() + ": nodes start below the title");
        }
    }

    @Test
    void svgHasAGroupPerHostNodeAndEdge() throws Exception {
        GraphModel model = layout(production);
        String svg = GraphExport.svg(model, Map.of(new RootId("db1", "postgres"), RootStatus.FAILED));
        var document = SvgDocuments.parse(svg);
        assertEquals("svg", document.getDocumentElement().getTagName());
        assertEquals(7, SvgDocuments.withClass(document, "g", "node").size());
        assertEquals(4, SvgDocuments.withClass(document, "g", "host").size());
        assertEquals(9, SvgDocuments.withClass(document, "g", "edge").size());
        var failed = SvgDocuments.withClass(document, "g", "node").stream()
                .filter(g -> "failed".equals(g.getAttribute("data-state"))).toList();
        assertEquals(1, failed.size());
        assertEquals("db1/postgres", failed.get(0).getAttribute("data-root"));
        assertTrue(svg.contains(GraphPalette.hex(GraphPalette.fill(RootStatus.FAILED))), "failed colour");
    }
}
