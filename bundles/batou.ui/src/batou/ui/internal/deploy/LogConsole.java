package batou.ui.internal.deploy;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.resource.ColorDescriptor;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.resource.ResourceManager;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyleRange;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;

/**
 * The log of a run: a line per event, prefixed by its host, failures red, warnings orange, changes blue. A host
 * filter shows all hosts or one. New lines are appended in one piece per refresh.
 */
final class LogConsole {

    /** Data keys of the text and the host filter, for tests. */
    static final String TEXT = "batou.ui.deploy.log";
    static final String FILTER = "batou.ui.deploy.logFilter";

    private final Composite control;
    private final Combo filter;
    private final StyledText text;
    private final Color error;
    private final Color warning;
    private final Color change;
    private DeploymentRun run;
    private int read;

    LogConsole(Composite parent, ResourceManager resources) {
        control = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).margins(2, 2).applyTo(control);
        Label label = new Label(control, SWT.NONE);
        label.setText(DeployMessages.Log_filter);
        filter = new Combo(control, SWT.READ_ONLY | SWT.DROP_DOWN);
        filter.setData(FILTER, Boolean.TRUE);
        GridDataFactory.fillDefaults().hint(180, SWT.DEFAULT).applyTo(filter);
        filter.addListener(SWT.Selection, event -> rewrite());
        text = new StyledText(control, SWT.MULTI | SWT.READ_ONLY | SWT.H_SCROLL | SWT.V_SCROLL | SWT.BORDER);
        text.setData(TEXT, Boolean.TRUE);
        text.setFont(JFaceResources.getTextFont());
        GridDataFactory.fillDefaults().span(2, 1).grab(true, true).applyTo(text);
        text.setMenu(menu());
        error = resources.create(ColorDescriptor.createFrom(new RGB(190, 0, 0)));
        warning = resources.create(ColorDescriptor.createFrom(new RGB(170, 90, 0)));
        change = resources.create(ColorDescriptor.createFrom(new RGB(0, 70, 160)));
        showHosts(List.of());
    }

    /** Copy (enabled with a selection) and Select All. */
    private Menu menu() {
        Menu menu = new Menu(text);
        MenuItem copy = new MenuItem(menu, SWT.PUSH);
        copy.setText(DeployMessages.Menu_copy);
        copy.addListener(SWT.Selection, event -> CopyText.copy(text, text.getSelectionText()));
        MenuItem all = new MenuItem(menu, SWT.PUSH);
        all.setText(DeployMessages.Menu_selectAll);
        all.addListener(SWT.Selection, event -> text.selectAll());
        menu.addListener(SWT.Show, event -> {
            copy.setEnabled(text.getSelectionCount() > 0);
            all.setEnabled(text.getCharCount() > 0);
        });
        return menu;
    }

    Composite control() {
        return control;
    }

    void show(DeploymentRun shown) {
        run = shown;
        showHosts(shown == null ? List.of() : shown.hosts());
        rewrite();
    }

    /** Appends the lines the run logged since the last refresh; new hosts join the filter. */
    void refresh() {
        if (run == null) {
            return;
        }
        List<String> hosts = run.hosts();
        if (hosts.size() + 1 != filter.getItemCount()) {
            showHosts(hosts);
        }
        List<LogLine> lines = run.log(read);
        read += lines.size();
        append(lines);
    }

    private void showHosts(List<String> hosts) {
        String selected = filter.getSelectionIndex() > 0 ? filter.getItem(filter.getSelectionIndex()) : null;
        List<String> items = new ArrayList<>();
        items.add(DeployMessages.Log_allHosts);
        items.addAll(hosts);
        filter.setItems(items.toArray(String[]::new));
        filter.select(Math.max(0, items.indexOf(selected)));
    }

    private void rewrite() {
        text.setText("");
        read = 0;
        refresh();
    }

    private String selectedHost() {
        int index = filter.getSelectionIndex();
        return index <= 0 ? null : filter.getItem(index);
    }

    private void append(List<LogLine> lines) {
        String host = selectedHost();
        StringBuilder added = new StringBuilder();
        List<StyleRange> styles = new ArrayList<>();
        int offset = text.getCharCount();
        for (LogLine line : lines) {
            if (host != null && !host.equals(line.host())) {
                continue;
            }
            String shown = line.display();
            Color color = switch (line.kind()) {
                case ERROR -> error;
                case WARNING -> warning;
                case CHANGE -> change;
                case INFO -> null;
            };
            if (color != null) {
                styles.add(new StyleRange(offset + added.length(), shown.length(), color, null,
                        line.kind() == LogLine.Kind.ERROR ? SWT.BOLD : SWT.NORMAL));
            }
            added.append(shown).append('\n');
        }
        if (added.isEmpty()) {
            return;
        }
        text.append(added.toString());
        styles.forEach(text::setStyleRange);
        text.setTopIndex(Math.max(0, text.getLineCount() - 1));
    }
}
