package batou.ui.internal.graph;

import java.util.List;

import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.jface.viewers.TreeViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Tree;

import batou.ui.internal.graph.GraphDetails.Row;
import batou.ui.internal.graph.GraphDetails.Section;

/** The details of the selected root or host: a two-column tree of sections and their name/value rows. */
final class DetailsPane {

    private static final class Content implements ITreeContentProvider {

        @Override
        public Object[] getElements(Object input) {
            return ((List<?>) input).toArray();
        }

        @Override
        public Object[] getChildren(Object element) {
            return element instanceof Section section ? section.rows().toArray() : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Section section && !section.rows().isEmpty();
        }
    }

    private final TreeViewer viewer;

    DetailsPane(Composite parent, Font sectionFont) {
        viewer = new TreeViewer(parent, SWT.SINGLE | SWT.FULL_SELECTION | SWT.V_SCROLL | SWT.H_SCROLL);
        Tree tree = viewer.getTree();
        tree.setHeaderVisible(true);
        tree.setLinesVisible(false);
        viewer.setContentProvider(new Content());
        TreeViewerColumn name = new TreeViewerColumn(viewer, SWT.LEFT);
        name.getColumn().setText(GraphMessages.Details_name);
        name.getColumn().setWidth(170);
        name.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof Section section ? section.title() : ((Row) element).name();
            }

            @Override
            public Font getFont(Object element) {
                return element instanceof Section ? sectionFont : null;
            }
        });
        TreeViewerColumn value = new TreeViewerColumn(viewer, SWT.LEFT);
        value.getColumn().setText(GraphMessages.Details_value);
        value.getColumn().setWidth(260);
        value.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                if (element instanceof Section section) {
                    return section.rows().isEmpty() ? "\u2013" : "";
                }
                return ((Row) element).value();
            }
        });
        viewer.setAutoExpandLevel(TreeViewer.ALL_LEVELS);
        viewer.setInput(List.of());
    }

    TreeViewer viewer() {
        return viewer;
    }

    void show(List<Section> sections) {
        viewer.setInput(sections);
        viewer.expandAll();
    }
}
