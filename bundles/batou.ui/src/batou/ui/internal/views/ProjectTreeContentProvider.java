package batou.ui.internal.views;

import java.util.Collection;

import org.eclipse.jface.viewers.ITreeContentProvider;

/** The tree of the project explorer: the input is the collection of open projects. */
final class ProjectTreeContentProvider implements ITreeContentProvider {

    private static final Object[] NONE = new Object[0];

    @Override
    public Object[] getElements(Object input) {
        return input instanceof Collection<?> projects ? projects.toArray() : NONE;
    }

    @Override
    public Object[] getChildren(Object parent) {
        return NONE;
    }

    @Override
    public Object getParent(Object element) {
        return null;
    }

    @Override
    public boolean hasChildren(Object element) {
        return false;
    }
}
