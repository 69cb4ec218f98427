package batou.ui.internal.views;

import java.nio.file.Path;

import batou.model.project.ComponentDefinition;
import batou.model.project.ComponentReference;
import batou.model.project.HostDeclaration;

/** The elements of the project explorer's tree. */
public sealed interface ExplorerNode {

    /** What identifies the element across reloads of the project (the viewer compares elements by it). */
    static String key(Object element) {
        if (element instanceof ProjectNode node) {
            return "project:" + node.root();
        } else if (element instanceof EnvironmentsNode) {
            return "environments";
        } else if (element instanceof EnvironmentNode node) {
            return "environment:" + node.name();
        } else if (element instanceof HostNode node) {
            return "host:" + node.environment().name() + "/" + node.host().name();
        } else if (element instanceof RootNode node) {
            return "root:" + node.host().environment().name() + "/" + node.host().host().name() + "/"
                    + node.component().name();
        } else if (element instanceof ComponentsNode) {
            return "components";
        } else if (element instanceof ComponentNode node) {
            return "component:" + node.component().name();
        } else if (element instanceof FileNode node) {
            return "file:" + node.component().component().name() + "/" + node.name();
        }
        return String.valueOf(element);
    }

    /** The open project: environments and components below it. */
    record ProjectNode(Path root) implements ExplorerNode {
    }

    /** The folder of environments. */
    record EnvironmentsNode(Path root) implements ExplorerNode {
    }

    /** An environment. */
    record EnvironmentNode(Path root, String name) implements ExplorerNode {
        public Path file() {
            return root.resolve("environments").resolve(name).resolve("environment.yaml");
        }
    }

    /** A host of an environment. */
    record HostNode(EnvironmentNode environment, HostDeclaration host) implements ExplorerNode {
    }

    /** A root component of a host. */
    record RootNode(HostNode host, ComponentReference component) implements ExplorerNode {
    }

    /** The component library of the project. */
    record ComponentsNode(Path root) implements ExplorerNode {
    }

    /** A component of the project. */
    record ComponentNode(Path root, ComponentDefinition component) implements ExplorerNode {
        public Path folder() {
            return root.resolve(component.directory());
        }

        public Path file() {
            return folder().resolve("component.yaml");
        }
    }

    /** A file of a component's folder (its component.yaml, templates, files), by its path relative to the folder. */
    record FileNode(ComponentNode component, String name) implements ExplorerNode {
        public Path file() {
            return component.folder().resolve(name);
        }
    }
}
