package batou.ui.journeys;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;

import batou.ui.Ui;

/**
 * The widgets of an open environment editor as a person sees them: the Hosts table, the matrix of check boxes
 * (found by their tool tips "component on host"), the page tabs and the source text.
 */
final class EnvironmentEditorWidgets {

    private final Composite root;

    /** {@code root}: the editor's control (its page container). */
    EnvironmentEditorWidgets(Composite root) {
        this.root = root;
    }

    Table hostsTable() {
        return Ui.find(root, Table.class, table -> table.getColumnCount() == 3 && table.getColumn(0).getText()
                .equals("Host") && table.isVisible());
    }

    /** The host names in the Hosts table, top to bottom. */
    List<String> hostRows() {
        return Stream.of(hostsTable().getItems()).map(item -> item.getText(0)).toList();
    }

    TableItem hostRow(String host) {
        return Stream.of(hostsTable().getItems()).filter(item -> item.getText(0).equals(host)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + host + " in " + hostRows()));
    }

    Button hostsButton(String label) {
        return Ui.find(hostsTable().getParent(), Button.class, button -> Ui.plain(button.getText()).equals(label));
    }

    Group matrix() {
        return Ui.find(root, Group.class, group -> group.getText().equals("Components per host"));
    }

    /** The check box of {@code component} on {@code host}, or null when the matrix has none. */
    Button cell(String host, String component) {
        List<Control> children = List.of(matrix().getChildren());
        int row = matrixHosts().indexOf(host);
        int column = matrixComponents().indexOf(component);
        if (row < 0 || column < 0) {
            return null;
        }
        int columns = ((GridLayout) matrix().getLayout()).numColumns;
        return (Button) children.get(columns * (row + 1) + column + 1);
    }

    /** The row labels of the matrix (its hosts): the first control of each row after the header row. */
    List<String> matrixHosts() {
        List<Control> children = List.of(matrix().getChildren());
        int columns = ((GridLayout) matrix().getLayout()).numColumns;
        List<String> hosts = new ArrayList<>();
        for (int i = columns; i < children.size(); i += columns) {
            hosts.add(((Label) children.get(i)).getText());
        }
        return hosts;
    }

    /** The column headers of the matrix (its components). */
    List<String> matrixComponents() {
        List<Control> children = List.of(matrix().getChildren());
        int columns = ((GridLayout) matrix().getLayout()).numColumns;
        return children.subList(1, Math.min(columns, children.size())).stream()
                .map(label -> ((Label) label).getText()).toList();
    }

    /** Shows the page tab labelled {@code label} (Environment, Overrides, Source) as a click on it does. */
    void showPage(String label) {
        for (CTabFolder folder : Ui.all(root, CTabFolder.class)) {
            for (CTabItem item : folder.getItems()) {
                if (item.getText().equals(label)) {
                    folder.setSelection(item);
                    Event event = new Event();
                    event.item = item;
                    folder.notifyListeners(SWT.Selection, event);
                    Ui.pump();
                    return;
                }
            }
        }
        throw new AssertionError("no page " + label);
    }

    StyledText source() {
        StyledText text = Ui.findOrNull(root, StyledText.class, StyledText::isVisible);
        assertNotNull(text, "the Source page is shown");
        return text;
    }
}
