package batou.ui.internal.views;

import org.eclipse.jface.viewers.DelegatingStyledCellLabelProvider.IStyledLabelProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StyledString;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.PlatformUI;

import batou.ui.internal.UIText;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.views.ExplorerNode.ComponentNode;
import batou.ui.internal.views.ExplorerNode.ComponentsNode;
import batou.ui.internal.views.ExplorerNode.EnvironmentNode;
import batou.ui.internal.views.ExplorerNode.EnvironmentsNode;
import batou.ui.internal.views.ExplorerNode.FileNode;
import batou.ui.internal.views.ExplorerNode.HostNode;
import batou.ui.internal.views.ExplorerNode.ProjectNode;
import batou.ui.internal.views.ExplorerNode.RootNode;

/**
 * Names and decorations of the project explorer: ignored hosts and components greyed with "(ignored)", an
 * environment with configuration errors marked with the error image and their count. Images are the workbench's
 * shared images (not disposed here).
 */
final class ProjectLabelProvider extends LabelProvider implements IStyledLabelProvider {

    /** The environment the workbench works on. */
    private static final StyledString.Styler BOLD = new StyledString.Styler() {
        @Override
        public void applyStyles(org.eclipse.swt.graphics.TextStyle style) {
            style.font = org.eclipse.jface.resource.JFaceResources.getFontRegistry()
                    .getBold(org.eclipse.jface.resource.JFaceResources.DEFAULT_FONT);
        }
    };

    private final ProjectTreeContentProvider content;
    private final OpenProject project;

    ProjectLabelProvider(ProjectTreeContentProvider content, OpenProject project) {
        this.content = content;
        this.project = project;
    }

    @Override
    public StyledString getStyledText(Object element) {
        StyledString text = new StyledString(name(element));
        if (ProjectTreeContentProvider.isIgnored(element)) {
            text = new StyledString(name(element), StyledString.QUALIFIER_STYLER);
            text.append(" " + UIText.ProjectExplorer_ignored, StyledString.QUALIFIER_STYLER);
        } else if (element instanceof EnvironmentNode node) {
            if (node.name().equals(project.environment())) {
                text = new StyledString(name(element), BOLD);
            }
            int errors = content.errors(node.name());
            if (errors > 0) {
                text.append(" " + (errors == 1 ? UIText.ProjectExplorer_oneError
                        : org.eclipse.osgi.util.NLS.bind(UIText.ProjectExplorer_errors, errors)),
                        StyledString.DECORATIONS_STYLER);
            }
        } else if (element instanceof ProjectNode node) {
            text.append(" " + node.root().getParent(), StyledString.QUALIFIER_STYLER);
        }
        return text;
    }

    @Override
    public String getText(Object element) {
        return getStyledText(element).getString();
    }

    private static String name(Object element) {
        if (element instanceof ProjectNode node) {
            return node.root().getFileName().toString();
        } else if (element instanceof EnvironmentsNode) {
            return UIText.ProjectExplorer_environments;
        } else if (element instanceof EnvironmentNode node) {
            return node.name();
        } else if (element instanceof HostNode node) {
            return node.host().name();
        } else if (element instanceof RootNode node) {
            return node.component().name() + (node.component().features().isEmpty() ? ""
                    : " " + node.component().features());
        } else if (element instanceof ComponentsNode) {
            return UIText.ProjectExplorer_components;
        } else if (element instanceof ComponentNode node) {
            return node.component().name();
        } else if (element instanceof FileNode node) {
            return node.name();
        }
        return String.valueOf(element);
    }

    @Override
    public Image getImage(Object element) {
        ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
        if (element instanceof EnvironmentNode node && content.errors(node.name()) > 0) {
            return images.getImage(ISharedImages.IMG_OBJS_ERROR_TSK);
        }
        if (element instanceof ProjectNode || element instanceof EnvironmentsNode
                || element instanceof ComponentsNode || element instanceof EnvironmentNode) {
            return images.getImage(ISharedImages.IMG_OBJ_FOLDER);
        }
        if (element instanceof HostNode) {
            return images.getImage(ISharedImages.IMG_DEF_VIEW);
        }
        if (element instanceof ComponentNode) {
            return images.getImage(ISharedImages.IMG_OBJ_FOLDER);
        }
        return images.getImage(element instanceof FileNode ? ISharedImages.IMG_OBJ_FILE
                : ISharedImages.IMG_OBJ_ELEMENT);
    }
}
