package batou.ui.internal.graph;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.eclipse.elk.alg.layered.options.LayeredMetaDataProvider;
import org.eclipse.elk.alg.layered.options.LayeredOptions;
import org.eclipse.elk.core.RecursiveGraphLayoutEngine;
import org.eclipse.elk.core.data.LayoutMetaDataService;
import org.eclipse.elk.core.math.ElkPadding;
import org.eclipse.elk.core.math.KVector;
import org.eclipse.elk.core.options.CoreOptions;
import org.eclipse.elk.core.options.Direction;
import org.eclipse.elk.core.options.EdgeRouting;
import org.eclipse.elk.core.options.HierarchyHandling;
import org.eclipse.elk.core.options.SizeConstraint;
import org.eclipse.elk.core.util.BasicProgressMonitor;
import org.eclipse.elk.graph.ElkBendPoint;
import org.eclipse.elk.graph.ElkEdge;
import org.eclipse.elk.graph.ElkEdgeSection;
import org.eclipse.elk.graph.ElkNode;
import org.eclipse.elk.graph.util.ElkGraphUtil;

import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.RootId;
import batou.model.plan.RootPlan;
import batou.ui.internal.graph.GraphModel.Box;
import batou.ui.internal.graph.GraphModel.Edge;
import batou.ui.internal.graph.GraphModel.HostBox;
import batou.ui.internal.graph.GraphModel.Point;
import batou.ui.internal.graph.GraphModel.RootNode;
import batou.ui.internal.graph.TextMeasure.Size;
import batou.ui.internal.graph.TextMeasure.Style;

/**
 * Lays out a deployment plan with ELK layered: every host is a compound node holding its root components, the
 * dependencies are edges (across hosts too) from the root deployed first to the one that waits for it, routed
 * orthogonally, left to right. No drawing: the result is a {@link GraphModel} in absolute coordinates.
 */
public final class PlanLayout {

    static final double NODE_PADDING_X = 16;
    static final double NODE_PADDING_Y = 9;
    static final double NODE_MIN_WIDTH = 96;
    static final double LINE_GAP = 2;
    static final double HOST_PADDING = 16;
    static final double HOST_TITLE_GAP = 12;
    static final double GRAPH_PADDING = 24;

    private final TextMeasure measure;

    public PlanLayout(TextMeasure measure) {
        this.measure = measure;
    }

    /** Lays out {@code plan}; safe to call from any thread the measure accepts. */
    public GraphModel layout(DeploymentPlan plan) {
        registerLayered();
        ElkNode graph = ElkGraphUtil.createGraph();
        graph.setProperty(CoreOptions.ALGORITHM, LayeredOptions.ALGORITHM_ID);
        graph.setProperty(CoreOptions.DIRECTION, Direction.RIGHT);
        graph.setProperty(CoreOptions.HIERARCHY_HANDLING, HierarchyHandling.INCLUDE_CHILDREN);
        graph.setProperty(CoreOptions.EDGE_ROUTING, EdgeRouting.ORTHOGONAL);
        graph.setProperty(CoreOptions.PADDING, new ElkPadding(GRAPH_PADDING));
        graph.setProperty(CoreOptions.SPACING_NODE_NODE, 28.0);
        graph.setProperty(LayeredOptions.SPACING_NODE_NODE_BETWEEN_LAYERS, 48.0);
        graph.setProperty(LayeredOptions.SPACING_EDGE_NODE_BETWEEN_LAYERS, 16.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_NODE, 16.0);
        graph.setProperty(CoreOptions.SPACING_EDGE_EDGE, 10.0);

        Map<String, ElkNode> hostNodes = new LinkedHashMap<>();
        Map<RootId, ElkNode> rootNodes = new LinkedHashMap<>();
        Map<String, String> hostDetails = new LinkedHashMap<>();
        Map<RootId, String> rootDetails = new LinkedHashMap<>();
        for (HostPlan host : plan.hosts()) {
            String detail = hostDetail(host);
            hostDetails.put(host.name(), detail);
            hostNodes.put(host.name(), hostNode(graph, host.name(), detail));
            for (RootPlan root : host.roots()) {
                String rootDetail = String.join(", ", root.features());
                rootDetails.put(root.id(), rootDetail);
                rootNodes.put(root.id(), rootNode(hostNodes.get(host.name()), root.component(), rootDetail));
            }
        }
        Map<ElkEdge, RootId[]> edges = new LinkedHashMap<>();
        for (HostPlan host : plan.hosts()) {
            for (RootPlan root : host.roots()) {
                for (RootId dependency : root.dependsOn()) {
                    ElkNode source = rootNodes.get(dependency);
                    if (source != null) {
                        ElkEdge edge = ElkGraphUtil.createSimpleEdge(source, rootNodes.get(root.id()));
                        ElkGraphUtil.updateContainment(edge);
                        edges.put(edge, new RootId[] { dependency, root.id() });
                    }
                }
            }
        }

        new RecursiveGraphLayoutEngine().layout(graph, new BasicProgressMonitor());

        List<HostBox> hosts = new ArrayList<>();
        hostNodes.forEach((name, node) -> hosts.add(new HostBox(name, hostDetails.get(name), absolute(node))));
        List<RootNode> nodes = new ArrayList<>();
        rootNodes.forEach((id, node) -> nodes.add(new RootNode(id, id.component(), rootDetails.get(id),
                absolute(node))));
        List<Edge> result = new ArrayList<>();
        edges.forEach((edge, ends) -> result.add(new Edge(ends[0], ends[1], points(edge))));
        return new GraphModel(plan.environment(), graph.getWidth(), graph.getHeight(), hosts, nodes, result);
    }

    /** The second line of a host box: fqdn and platform. */
    static String hostDetail(HostPlan host) {
        return Stream.of(host.fqdn(), host.platform()).filter(s -> s != null && !s.isBlank())
                .collect(Collectors.joining(" \u00b7 "));
    }

    private ElkNode hostNode(ElkNode graph, String name, String detail) {
        Size title = measure.measure(name, Style.HOST_TITLE);
        Size second = measure.measure(detail, Style.HOST_DETAIL);
        double top = HOST_PADDING * 0.75 + title.height() + LINE_GAP + second.height() + HOST_TITLE_GAP;
        ElkNode node = ElkGraphUtil.createNode(graph);
        node.setIdentifier("host:" + name);
        node.setProperty(CoreOptions.PADDING, new ElkPadding(top, HOST_PADDING, HOST_PADDING, HOST_PADDING));
        node.setProperty(CoreOptions.NODE_SIZE_CONSTRAINTS, EnumSet.of(SizeConstraint.MINIMUM_SIZE));
        node.setProperty(CoreOptions.NODE_SIZE_MINIMUM,
                new KVector(Math.max(title.width(), second.width()) + 2 * HOST_PADDING, top + HOST_PADDING));
        return node;
    }

    private ElkNode rootNode(ElkNode host, String component, String detail) {
        Size title = measure.measure(component, Style.NODE_TITLE);
        double width = title.width();
        double height = title.height();
        if (!detail.isEmpty()) {
            Size second = measure.measure(detail, Style.NODE_DETAIL);
            width = Math.max(width, second.width());
            height += LINE_GAP + second.height();
        }
        ElkNode node = ElkGraphUtil.createNode(host);
        node.setIdentifier("root:" + component);
        node.setDimensions(Math.max(NODE_MIN_WIDTH, Math.ceil(width + 2 * NODE_PADDING_X)),
                Math.ceil(height + 2 * NODE_PADDING_Y));
        return node;
    }

    private static Box absolute(ElkNode node) {
        KVector origin = origin(node.getParent());
        return new Box(origin.x + node.getX(), origin.y + node.getY(), node.getWidth(), node.getHeight());
    }

    /** The absolute position of a node's top left corner: its own and its ancestors' positions. */
    private static KVector origin(ElkNode node) {
        KVector origin = new KVector();
        for (ElkNode current = node; current != null; current = current.getParent()) {
            origin.add(current.getX(), current.getY());
        }
        return origin;
    }

    private static List<Point> points(ElkEdge edge) {
        KVector origin = origin(edge.getContainingNode());
        List<Point> points = new ArrayList<>();
        for (ElkEdgeSection section : edge.getSections()) {
            points.add(new Point(origin.x + section.getStartX(), origin.y + section.getStartY()));
            for (ElkBendPoint bend : section.getBendPoints()) {
                points.add(new Point(origin.x + bend.getX(), origin.y + bend.getY()));
            }
            points.add(new Point(origin.x + section.getEndX(), origin.y + section.getEndY()));
        }
        return points;
    }

    /** Inside OSGi, ELK does not find the layered algorithm through ServiceLoader: register it once. */
    private static synchronized void registerLayered() {
        LayoutMetaDataService service = LayoutMetaDataService.getInstance();
        if (service.getAlgorithmData(LayeredOptions.ALGORITHM_ID) == null) {
            service.registerLayoutMetaDataProviders(new LayeredMetaDataProvider());
        }
    }
}
