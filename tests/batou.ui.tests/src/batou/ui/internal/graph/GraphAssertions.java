package batou.ui.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootPlan;
import batou.ui.internal.graph.GraphModel.Box;
import batou.ui.internal.graph.GraphModel.Edge;
import batou.ui.internal.graph.GraphModel.HostBox;
import batou.ui.internal.graph.GraphModel.Point;
import batou.ui.internal.graph.GraphModel.RootNode;

/** Checks of a laid-out graph against its plan, shared by the layout and the view tests. */
final class GraphAssertions {

    /** How far (in pixels) an edge end may be from the border of its node. */
    private static final double TOLERANCE = 1.5;

    private GraphAssertions() {
    }

    static int roots(DeploymentPlan plan) {
        return plan.hosts().stream().mapToInt(host -> host.roots().size()).sum();
    }

    static int dependencies(DeploymentPlan plan) {
        return plan.hosts().stream().flatMap(host -> host.roots().stream())
                .mapToInt(root -> root.dependsOn().size()).sum();
    }

    /** A box per host, a node per root and an edge per dependency of the plan, nothing else. */
    static void sameElementsAsPlan(DeploymentPlan plan, GraphModel model) {
        assertEquals(plan.hosts().size(), model.hosts().size(), "host boxes");
        assertEquals(roots(plan), model.nodes().size(), "root nodes");
        assertEquals(dependencies(plan), model.edges().size(), "edges");
        for (HostPlan host : plan.hosts()) {
            assertNotNull(model.host(host.name()), host.name());
            for (RootPlan root : host.roots()) {
                assertNotNull(model.node(root.id()), root.id().toString());
                for (var dependency : root.dependsOn()) {
                    assertTrue(model.edges().stream().anyMatch(e -> e.from().equals(dependency)
                            && e.to().equals(root.id())), dependency + " -> " + root.id());
                }
            }
        }
    }

    /**
     * Nodes do not overlap, lie in their host box, host boxes do not overlap, everything is inside the graph, every
     * edge runs from the border of the root deployed first to the border of its dependant, which is further right.
     */
    static void wellLaidOut(GraphModel model) {
        Box graph = new Box(0, 0, model.width(), model.height());
        List<RootNode> nodes = model.nodes();
        for (int i = 0; i < nodes.size(); i++) {
            RootNode node = nodes.get(i);
            assertTrue(node.bounds().width() > 0 && node.bounds().height() > 0, node.id() + " has a size");
            HostBox host = model.host(node.id().host());
            assertTrue(host.bounds().contains(node.bounds()), node.id() + " " + node.bounds() + " lies in its host "
                    + host.bounds());
            for (int j = i + 1; j < nodes.size(); j++) {
                assertFalse(node.bounds().intersects(nodes.get(j).bounds()),
                        node.id() + " overlaps " + nodes.get(j).id());
            }
        }
        List<HostBox> hosts = model.hosts();
        for (int i = 0; i < hosts.size(); i++) {
            assertTrue(graph.contains(hosts.get(i).bounds()), hosts.get(i).name() + " lies in the graph");
            for (int j = i + 1; j < hosts.size(); j++) {
                assertFalse(hosts.get(i).bounds().intersects(hosts.get(j).bounds()),
                        hosts.get(i).name() + " overlaps " + hosts.get(j).name());
            }
        }
        for (Edge edge : model.edges()) {
            assertTrue(edge.points().size() >= 2, edge + " has points");
            Box from = model.node(edge.from()).bounds();
            Box to = model.node(edge.to()).bounds();
            Point start = edge.points().get(0);
            Point end = edge.points().get(edge.points().size() - 1);
            assertTrue(onBorder(from, start), edge.from() + " -> " + edge.to() + " starts at " + start
                    + ", not on " + from);
            assertTrue(onBorder(to, end), edge.from() + " -> " + edge.to() + " ends at " + end + ", not on " + to);
            assertTrue(to.x() > from.right(), edge.to() + " is right of " + edge.from());
        }
    }

    static boolean onBorder(Box box, Point point) {
        boolean near = point.x() >= box.x() - TOLERANCE && point.x() <= box.right() + TOLERANCE
                && point.y() >= box.y() - TOLERANCE && point.y() <= box.bottom() + TOLERANCE;
        boolean inside = point.x() > box.x() + TOLERANCE && point.x() < box.right() - TOLERANCE
                && point.y() > box.y() + TOLERANCE && point.y() < box.bottom() - TOLERANCE;
        return near && !inside;
    }
}
