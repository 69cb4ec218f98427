package batou.ui.internal.views;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.jface.viewers.ITreeContentProvider;

import batou.model.Diagnostics;
import batou.model.project.EnvironmentDefinition;
import batou.model.project.Project;
import batou.model.project.ProjectLoader;
import batou.model.project.ComponentReference;
import batou.ui.internal.views.ExplorerNode.ComponentNode;
import batou.ui.internal.views.ExplorerNode.ComponentsNode;
import batou.ui.internal.views.ExplorerNode.EnvironmentNode;
import batou.ui.internal.views.ExplorerNode.EnvironmentsNode;
import batou.ui.internal.views.ExplorerNode.FileNode;
import batou.ui.internal.views.ExplorerNode.HostNode;
import batou.ui.internal.views.ExplorerNode.ProjectNode;
import batou.ui.internal.views.ExplorerNode.RootNode;

/**
 * The tree of the project explorer, read from the project's files with the model's loader: project > environments
 * > hosts > root components, and the project's components with the files of their folders. The input is the project's folder (or
 * nothing; not the node itself, which the viewer would take for the input). Error counts per environment come from {@link #errors}, filled in the background.
 */
final class ProjectTreeContentProvider implements ITreeContentProvider {

    private static final Object[] NONE = new Object[0];

    private final Map<String, Integer> errors = new ConcurrentHashMap<>();
    private Project project;

    /** Sets the number of configuration errors of an environment (shown as a decoration). */
    void errors(String environment, int count) {
        errors.put(environment, count);
    }

    /** The number of configuration errors of an environment, or -1 while not known. */
    int errors(String environment) {
        return errors.getOrDefault(environment, -1);
    }

    void reset() {
        project = null;
        errors.clear();
    }

    @Override
    public Object[] getElements(Object input) {
        return input instanceof java.nio.file.Path root ? new Object[] { new ProjectNode(root) } : NONE;
    }

    @Override
    public Object[] getChildren(Object parent) {
        if (parent instanceof ProjectNode node) {
            return new Object[] { new EnvironmentsNode(node.root()), new ComponentsNode(node.root()) };
        }
        if (parent instanceof EnvironmentsNode node) {
            List<Object> environments = new ArrayList<>();
            for (String name : project(node.root()).environments()) {
                environments.add(new EnvironmentNode(node.root(), name));
            }
            return environments.toArray();
        }
        if (parent instanceof EnvironmentNode node) {
            Project loaded = project(node.root());
            EnvironmentDefinition environment = new ProjectLoader(node.root(), new Diagnostics())
                    .loadEnvironment(loaded, node.name());
            if (environment == null) {
                return NONE;
            }
            return environment.hosts().stream().map(host -> new HostNode(node, host)).toArray();
        }
        if (parent instanceof HostNode node) {
            List<Object> roots = new ArrayList<>();
            for (ComponentReference component : node.host().components()) {
                roots.add(new RootNode(node, component));
            }
            return roots.toArray();
        }
        if (parent instanceof ComponentNode node) {
            return ComponentFiles.of(node.folder()).stream().map(name -> new FileNode(node, name)).toArray();
        }
        if (parent instanceof ComponentsNode node) {
            return project(node.root()).components().values().stream()
                    .map(component -> new ComponentNode(node.root(), component)).toArray();
        }
        return NONE;
    }

    private Project project(java.nio.file.Path root) {
        if (project == null || !project.root().equals(root)) {
            project = new ProjectLoader(root, new Diagnostics()).load();
        }
        return project;
    }

    @Override
    public Object getParent(Object element) {
        if (element instanceof RootNode node) {
            return node.host();
        }
        if (element instanceof HostNode node) {
            return node.environment();
        }
        if (element instanceof EnvironmentNode node) {
            return new EnvironmentsNode(node.root());
        }
        if (element instanceof ComponentNode node) {
            return new ComponentsNode(node.root());
        }
        if (element instanceof FileNode node) {
            return node.component();
        }
        if (element instanceof EnvironmentsNode node) {
            return new ProjectNode(node.root());
        }
        if (element instanceof ComponentsNode node) {
            return new ProjectNode(node.root());
        }
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return !(element instanceof RootNode) && !(element instanceof FileNode)
                && !(element instanceof HostNode host && host.host().components().isEmpty());
    }

    /** True for an ignored host ({@code "!name"}) and the components of it, and for ignored components. */
    static boolean isIgnored(Object element) {
        return element instanceof HostNode host && host.host().ignored()
                || element instanceof RootNode root && (root.component().ignored() || root.host().host().ignored());
    }
}
