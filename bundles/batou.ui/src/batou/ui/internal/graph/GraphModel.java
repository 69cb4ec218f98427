package batou.ui.internal.graph;

import java.util.List;

import batou.model.plan.RootId;

/**
 * The laid-out graph of a deployment plan, in pixels at 100 %: a box per host holding a node per root component,
 * and the dependency edges as polylines from the root that comes first to the root that waits for it. Plain data:
 * what the canvas paints and the exports write.
 */
public record GraphModel(String environment, double width, double height, List<HostBox> hosts,
        List<RootNode> nodes, List<Edge> edges) {

    /** The model of no plan. */
    public static final GraphModel EMPTY = new GraphModel("", 0, 0, List.of(), List.of(), List.of());

    public GraphModel {
        hosts = List.copyOf(hosts);
        nodes = List.copyOf(nodes);
        edges = List.copyOf(edges);
    }

    /** An axis-parallel rectangle. */
    public record Box(double x, double y, double width, double height) {

        public double right() {
            return x + width;
        }

        public double bottom() {
            return y + height;
        }

        public boolean contains(double px, double py) {
            return px >= x && px <= right() && py >= y && py <= bottom();
        }

        public boolean contains(Box other) {
            return other.x >= x && other.y >= y && other.right() <= right() && other.bottom() <= bottom();
        }

        public boolean intersects(Box other) {
            return other.x < right() && x < other.right() && other.y < bottom() && y < other.bottom();
        }
    }

    /** A point of an edge. */
    public record Point(double x, double y) {
    }

    /** A host: its name, a detail line (fqdn, platform) and its box. */
    public record HostBox(String name, String detail, Box bounds) {
    }

    /** A root component: its id, its label (the component), a detail line (its features) and its box. */
    public record RootNode(RootId id, String label, String detail, Box bounds) {
    }

    /** A dependency: {@code to} is deployed after {@code from}; the points run from {@code from} to {@code to}. */
    public record Edge(RootId from, RootId to, List<Point> points) {

        public Edge {
            points = List.copyOf(points);
        }
    }

    public RootNode node(RootId id) {
        return nodes.stream().filter(node -> node.id().equals(id)).findFirst().orElse(null);
    }

    public HostBox host(String name) {
        return hosts.stream().filter(host -> host.name().equals(name)).findFirst().orElse(null);
    }

    /** The root node at a point, or null. */
    public RootNode nodeAt(double x, double y) {
        return nodes.stream().filter(node -> node.bounds().contains(x, y)).findFirst().orElse(null);
    }

    /** The host box at a point, or null. */
    public HostBox hostAt(double x, double y) {
        return hosts.stream().filter(host -> host.bounds().contains(x, y)).findFirst().orElse(null);
    }
}
