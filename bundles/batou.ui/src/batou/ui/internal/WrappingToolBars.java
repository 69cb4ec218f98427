package batou.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Composite;

/**
 * A view's actions as small tool bars, one per group, wrapped onto as many rows as the view's width needs: a GTK
 * tool bar does not wrap by itself, and its items past the view's width would be cut off. For a grid layout parent.
 */
public final class WrappingToolBars {

    private final Composite row;
    private final List<ToolBarManager> managers = new ArrayList<>();

    @SafeVarargs
    public WrappingToolBars(Composite parent, List<IAction>... groups) {
        row = new Composite(parent, SWT.NONE);
        RowLayout layout = new RowLayout(SWT.HORIZONTAL);
        layout.wrap = true;
        layout.marginLeft = 0;
        layout.marginRight = 0;
        layout.marginTop = 0;
        layout.marginBottom = 0;
        layout.spacing = 6;
        row.setLayout(layout);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(row);
        for (List<IAction> group : groups) {
            ToolBarManager manager = new ToolBarManager(SWT.FLAT | SWT.RIGHT);
            group.forEach(manager::add);
            manager.createControl(row);
            managers.add(manager);
        }
        row.addDisposeListener(e -> managers.forEach(ToolBarManager::dispose));
    }

    /** The composite that holds the tool bars. */
    public Composite control() {
        return row;
    }
}
