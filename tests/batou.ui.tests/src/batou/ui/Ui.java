package batou.ui;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.CTabFolder;
import org.eclipse.swt.custom.CTabItem;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Listener;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;
import org.eclipse.ui.PlatformUI;

/**
 * Drives the real workbench as a person does, for every UI test: finds controls, tool items and menu items by what a
 * person reads; clicks tool items and buttons through the real widget (only when shown and enabled, as for a
 * person); presses keys through the display's input queue (the X server under Xvfb: a key goes to the focus control
 * and the workbench's key bindings); opens menus as showing them does and selects their items; answers modal dialogs
 * from inside their event loop; runs the event loop until something holds.
 */
public final class Ui {

    private static final long TIMEOUT_MILLIS = 120_000;
    /** How long a pressed key may take to come back from the X server. */
    private static final long KEY_MILLIS = 2_000;

    private Ui() {
    }

    // ---- finding

    /** The workbench window's shell. */
    public static Shell window() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow() != null
                ? PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()
                : PlatformUI.getWorkbench().getWorkbenchWindows()[0].getShell();
    }

    /** The object of the view {@code id} of the active window (an e4 view class); fails when it is not open. */
    public static <T> T view(String id, Class<T> type) {
        org.eclipse.ui.IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        List<org.eclipse.e4.ui.model.application.ui.basic.MPart> parts = window
                .getService(org.eclipse.e4.ui.workbench.modeling.EModelService.class)
                .findElements(window.getService(org.eclipse.e4.ui.model.application.ui.basic.MWindow.class), id,
                        org.eclipse.e4.ui.model.application.ui.basic.MPart.class, null);
        assertTrue(!parts.isEmpty() && type.isInstance(parts.get(0).getObject()), "the view " + id + " is open");
        return type.cast(parts.get(0).getObject());
    }

    /** The first control of {@code type} under {@code root} that passes {@code test}; fails when there is none. */
    public static <T extends Control> T find(Control root, Class<T> type, Predicate<T> test) {
        T found = findOrNull(root, type, test);
        assertNotNull(found, "no " + type.getSimpleName() + " found under " + root);
        return found;
    }

    public static <T extends Control> T findOrNull(Control root, Class<T> type, Predicate<T> test) {
        return all(root, type).stream().filter(test).findFirst().orElse(null);
    }

    /** Every control of {@code type} under {@code root} (itself included), depth first. */
    public static <T extends Control> List<T> all(Control root, Class<T> type) {
        List<Control> controls = new ArrayList<>();
        collect(root, controls);
        return controls.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static void collect(Control control, List<Control> into) {
        into.add(control);
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, into);
            }
        }
    }

    /** The button labelled {@code text} (mnemonics aside) in {@code shell}. */
    public static Button button(Shell shell, String text) {
        return all(shell, Button.class).stream().filter(b -> plain(text).equals(plain(b.getText()))).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text + " in " + shell.getText()));
    }

    /** The tool item under {@code root} whose text or tool tip (without its key sequence) is {@code label}. */
    public static ToolItem toolItem(Control root, String label) {
        return toolItemOrNull(root, label).orElseThrow(() -> new AssertionError("no tool item " + label));
    }

    public static Optional<ToolItem> toolItemOrNull(Control root, String label) {
        for (ToolBar bar : all(root, ToolBar.class)) {
            for (ToolItem item : bar.getItems()) {
                if (plain(label).equals(plain(item.getText())) || plain(label).equals(plain(item.getToolTipText()))) {
                    return Optional.of(item);
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Every text a user or an assistive technology can get from the controls under {@code root}: texts, items of
     * every column, tool tips, tool and menu items, item data.
     */
    public static List<String> texts(Control root) {
        List<String> texts = new ArrayList<>();
        List<Control> controls = new ArrayList<>();
        collect(root, controls);
        for (Control control : controls) {
            texts.add(control.getToolTipText());
            if (control instanceof Label label) {
                texts.add(label.getText());
            } else if (control instanceof Button button) {
                texts.add(button.getText());
            } else if (control instanceof Text text) {
                texts.add(text.getText());
            } else if (control instanceof StyledText text) {
                texts.add(text.getText());
            } else if (control instanceof Combo combo) {
                texts.add(combo.getText());
                texts.addAll(List.of(combo.getItems()));
            } else if (control instanceof Table table) {
                for (TableColumn column : table.getColumns()) {
                    texts.add(column.getText());
                    texts.add(column.getToolTipText());
                }
                for (TableItem item : table.getItems()) {
                    for (int i = 0; i < Math.max(1, table.getColumnCount()); i++) {
                        texts.add(item.getText(i));
                    }
                    texts.add(String.valueOf(item.getData()));
                }
            } else if (control instanceof ToolBar bar) {
                for (ToolItem item : bar.getItems()) {
                    texts.add(item.getText());
                    texts.add(item.getToolTipText());
                }
            }
            if (control.getMenu() != null) {
                for (MenuItem item : control.getMenu().getItems()) {
                    texts.add(item.getText());
                    texts.add(item.getToolTipText());
                }
            }
        }
        texts.removeIf(text -> text == null);
        return texts;
    }

    // ---- acting

    /**
     * Clicks {@code item} as a person does: it must be shown and enabled (a grey item cannot be clicked: this fails
     * saying so), then the real widget gets the selection, so that its own listener (the e4 contribution item with
     * its enablement check) runs, as SWTBot does it. Not the handler service.
     */
    public static void click(ToolItem item) {
        assertTrue(item.isEnabled(), () -> "the tool item " + describe(item) + " is grey: a person cannot click it");
        assertTrue(item.getParent().isVisible() && !item.getBounds().isEmpty(),
                () -> "the tool item " + describe(item) + " is not shown");
        Rectangle area = item.getParent().getClientArea();
        assertTrue(area.contains(item.getBounds().x, item.getBounds().y),
                () -> "the tool item " + describe(item) + " is cut off (" + item.getBounds() + " outside " + area + ")");
        item.getParent().getShell().forceActive();
        send(item, SWT.Selection);
    }

    /** Clicks the tool item of {@code bar} labelled {@code label} (see {@link #click(ToolItem)}). */
    public static void click(ToolBar bar, String label) {
        click(toolItem(bar, label));
    }

    /**
     * Clicks {@code button} as a person does: it must be shown and enabled; a check box or radio button changes its
     * state, then its listeners get the selection.
     */
    public static void click(Button button) {
        assertTrue(button.isEnabled(), () -> "the button " + button.getText() + " is grey: a person cannot click it");
        assertTrue(button.isVisible(), () -> "the button " + button.getText() + " is not shown");
        if ((button.getStyle() & SWT.CHECK) != 0 || (button.getStyle() & SWT.TOGGLE) != 0) {
            button.setSelection(!button.getSelection());
        } else if ((button.getStyle() & SWT.RADIO) != 0) {
            button.setSelection(true);
        }
        button.getShell().forceActive(); // as a click does: its window is active, the control that had the focus
        button.setFocus(); // loses it (a cell editor applies its value)
        send(button, SWT.Selection);
    }

    /** Clicks the link of {@code link} as a person does: it must be shown and enabled. */
    public static void click(Link link) {
        assertTrue(link.isEnabled() && link.isVisible(), () -> "the link " + link.getText() + " is not clickable");
        Event event = new Event();
        event.text = link.getText();
        event.widget = link;
        event.display = link.getDisplay();
        link.notifyListeners(SWT.Selection, event);
        pump();
    }

    /**
     * Fails unless the whole of {@code item} is on screen: inside its tool bar and inside every control around it up
     * to the shell (a tool bar wider than its view is cut off by the view although its items fit the tool bar).
     */
    public static void assertFullyShown(ToolItem item) {
        Rectangle bounds = item.getBounds();
        Composite control = item.getParent();
        assertTrue(control.isVisible() && !bounds.isEmpty(), () -> "the tool item " + describe(item) + " is hidden");
        Rectangle area = control.getDisplay().map(control, null, bounds);
        for (Composite around = control; around != null; around = around.getParent()) {
            Rectangle visible = around.getDisplay().map(around, null, around.getClientArea());
            assertTrue(visible.contains(area.x, area.y) && visible.contains(area.x + area.width - 1,
                    area.y + area.height - 1), () -> "the tool item " + describe(item) + " is cut off (" + area
                            + " outside " + visible + ")");
            if (around instanceof Shell) {
                break;
            }
        }
    }

    /**
     * Clicks cell {@code column} of {@code item} as a person does (the row is selected, a mouse button goes down
     * and up in the cell), so that a viewer starts editing the cell when it edits on a click.
     */
    public static void click(TableItem item, int column) {
        Table table = item.getParent();
        assertTrue(table.isEnabled() && table.isVisible(), "the table is shown and enabled");
        Rectangle cell = item.getBounds(column);
        table.getShell().forceActive();
        table.setFocus();
        table.setSelection(item);
        Event selection = new Event();
        selection.item = item;
        table.notifyListeners(SWT.Selection, selection);
        for (int type : new int[] { SWT.MouseDown, SWT.MouseUp }) {
            Event mouse = new Event();
            mouse.button = 1;
            mouse.count = 1;
            mouse.x = cell.x + cell.width / 2;
            mouse.y = cell.y + cell.height / 2;
            mouse.time = (int) System.currentTimeMillis();
            table.notifyListeners(type, mouse);
        }
        pump();
    }

    private static void send(org.eclipse.swt.widgets.Widget widget, int type) {
        Event event = new Event();
        event.widget = widget;
        event.display = widget.getDisplay();
        event.time = (int) System.currentTimeMillis();
        event.type = type;
        widget.notifyListeners(type, event);
        pump();
    }

    private static String describe(ToolItem item) {
        return item.getText() != null && !item.getText().isEmpty() ? item.getText() : item.getToolTipText();
    }

    /**
     * Double-clicks row {@code row} of {@code table} as a person opens an entry: the row is selected, then opened
     * (the table's default selection).
     */
    public static void doubleClick(Table table, int row) {
        assertTrue(table.isVisible() && table.isEnabled(), () -> table + " is not shown or grey");
        table.setSelection(row);
        Event selection = new Event();
        selection.item = table.getItem(row);
        table.notifyListeners(SWT.Selection, selection);
        Event open = new Event();
        open.item = table.getItem(row);
        table.notifyListeners(SWT.DefaultSelection, open);
        pump();
    }

    /**
     * Clicks the tab titled {@code title} of a tab folder under {@code root}, as a person brings a tab to front: the
     * folder selects it and tells its listeners.
     */
    public static void selectTab(Control root, String title) {
        for (CTabFolder folder : all(root, CTabFolder.class)) {
            for (CTabItem item : folder.getItems()) {
                if (plain(title).equals(plain(item.getText()))) {
                    assertTrue(folder.isVisible(), () -> "the tab " + title + " is not shown");
                    folder.setSelection(item);
                    Event event = new Event();
                    event.item = item;
                    folder.notifyListeners(SWT.Selection, event);
                    pump();
                    return;
                }
            }
        }
        throw new AssertionError("no tab " + title);
    }

    /**
     * Right-clicks {@code control} at {@code at} (relative to it) as the mouse does: the button goes down and up
     * there, and the control is asked for its context menu at that place (a menu that depends on the pointer, such
     * as a table's cell, learns it so). Then {@link #contextMenu} selects from the menu.
     */
    public static void rightClick(Control control, Point at) {
        assertTrue(control.isVisible() && control.isEnabled(), () -> control + " is not shown or grey");
        Event down = new Event();
        down.button = 3;
        down.x = at.x;
        down.y = at.y;
        control.notifyListeners(SWT.MouseDown, down);
        Point onDisplay = control.toDisplay(at);
        Event detect = new Event();
        detect.x = onDisplay.x;
        detect.y = onDisplay.y;
        control.notifyListeners(SWT.MenuDetect, detect);
        Event up = new Event();
        up.button = 3;
        up.x = at.x;
        up.y = at.y;
        control.notifyListeners(SWT.MouseUp, up);
        pump();
    }

    /**
     * The item at {@code path} of {@code tree} (texts as shown, up to the first " " of a decoration such as "1 error"
     * or "(ignored)"), each level expanded on the way as a person's click on the arrow does; fails when there is none.
     */
    public static TreeItem treeItem(Tree tree, String... path) {
        TreeItem[] items = tree.getItems();
        TreeItem found = null;
        for (String label : path) {
            if (found != null && !found.getExpanded()) {
                Event expand = new Event();
                expand.item = found;
                tree.notifyListeners(SWT.Expand, expand); // the viewer makes the children
                found.setExpanded(true);
                pump();
            }
            if (found != null) {
                items = found.getItems();
            }
            found = List.of(items).stream().filter(item -> label.equals(item.getText())
                    || item.getText().startsWith(label + " ")).findFirst().orElse(null);
            List<String> shown = List.of(items).stream().map(TreeItem::getText).toList();
            assertNotNull(found, () -> "no tree item " + label + " in " + shown);
        }
        return found;
    }

    /** Selects {@code item} of its tree as a click on it does (the selection listeners run). */
    public static void select(TreeItem item) {
        Tree tree = item.getParent();
        tree.setFocus();
        tree.setSelection(item);
        Event event = new Event();
        event.item = item;
        tree.notifyListeners(SWT.Selection, event);
        pump();
    }

    /** Double-clicks {@code item} of its tree (selects it, then the default selection: open). */
    public static void doubleClick(TreeItem item) {
        select(item);
        Event event = new Event();
        event.item = item;
        item.getParent().notifyListeners(SWT.DefaultSelection, event);
        pump();
    }

    /**
     * Tells the listeners of {@code button} that it was selected, leaving its state as the test set it: for buttons
     * of dialogs answered inside their own event loop, where {@link #click(Control)} works too.
     */
    public static void select(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    /**
     * Presses {@code key} (a character, or an {@code SWT} key code such as {@code SWT.DEL}) with {@code modifiers}
     * ({@code SWT.CTRL | SWT.SHIFT ...}) through the display's input queue: the focus control and the workbench's key
     * bindings get it as from a keyboard.
     */
    public static void press(int modifiers, int key) {
        Display display = Display.getCurrent();
        activate(display);
        List<Integer> held = new ArrayList<>();
        int[] released = new int[1];
        Listener counter = event -> released[0]++;
        display.addFilter(SWT.KeyUp, counter);
        try {
            for (int modifier : new int[] { SWT.CTRL, SWT.SHIFT, SWT.ALT, SWT.COMMAND }) {
                if ((modifiers & modifier) != 0) {
                    held.add(modifier);
                    post(display, SWT.KeyDown, event -> event.keyCode = modifier);
                }
            }
            post(display, SWT.KeyDown, event -> keyOf(event, key));
            post(display, SWT.KeyUp, event -> keyOf(event, key));
            for (int i = held.size() - 1; i >= 0; i--) {
                int modifier = held.get(i);
                post(display, SWT.KeyUp, event -> event.keyCode = modifier);
            }
            // the X server delivers posted keys later: wait until every key is up, so that what the keys do
            // (a key binding's command, a character typed) has happened when this returns
            int keys = held.size() + 1;
            long end = System.currentTimeMillis() + KEY_MILLIS;
            while (released[0] < keys && System.currentTimeMillis() < end) {
                if (!display.readAndDispatch()) {
                    sleep(5);
                }
            }
        } finally {
            display.removeFilter(SWT.KeyUp, counter);
        }
        pump();
    }

    /**
     * Makes the window of the focus control active when no window is (without a window manager, closing a dialog
     * leaves none active, and keys would go nowhere), as a person clicks into the window before typing.
     */
    private static void activate(Display display) {
        if (display.getActiveShell() != null) {
            return;
        }
        Control focus = display.getFocusControl();
        Shell shell = focus != null ? focus.getShell() : window();
        shell.forceActive();
        long end = System.currentTimeMillis() + KEY_MILLIS;
        while (display.getActiveShell() == null && System.currentTimeMillis() < end) {
            if (!display.readAndDispatch()) {
                sleep(5);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Types {@code text} into the focus control, a key per character. */
    public static void type(String text) {
        for (char c : text.toCharArray()) {
            press(Character.isUpperCase(c) ? SWT.SHIFT : SWT.NONE, Character.toLowerCase(c));
        }
    }

    private static void keyOf(Event event, int key) {
        if ((key & SWT.KEYCODE_BIT) != 0 || key == SWT.DEL || key == SWT.ESC || key == SWT.CR || key == SWT.BS
                || key == SWT.TAB) {
            event.keyCode = key;
            event.character = key < 0x10000 ? (char) key : 0;
        } else {
            event.character = (char) key;
        }
    }

    private static void post(Display display, int type, Consumer<Event> fill) {
        Event event = new Event();
        event.type = type;
        fill.accept(event);
        assertTrue(display.post(event), "the display takes posted input (is there an X server with XTEST?)");
        pump();
    }

    /**
     * Selects the menu item at {@code path} of the menu bar of {@code shell} (e.g. "Deployment", "Deploy"): each menu
     * is shown (so that contributed items are made, as opening it does), the item must exist and be enabled, then is
     * selected.
     */
    public static void menu(Shell shell, String... path) {
        Menu bar = shell.getMenuBar();
        assertNotNull(bar, shell.getText() + " has a menu bar");
        selectIn(bar, path);
    }

    /** Selects the item at {@code path} of the context menu of {@code control} (select what it acts on first). */
    public static void contextMenu(Control control, String... path) {
        Menu menu = control.getMenu();
        assertNotNull(menu, control + " has a context menu");
        selectIn(menu, path);
    }

    /** The item at {@code path} of the menu bar of {@code shell}, its menus shown; fails when there is none. */
    public static MenuItem menuItem(Shell shell, String... path) {
        return itemAt(shell.getMenuBar(), path);
    }

    private static void selectIn(Menu menu, String... path) {
        MenuItem item = itemAt(menu, path);
        assertTrue(item.isEnabled(), String.join(" > ", path) + " is enabled");
        if ((item.getStyle() & (SWT.CHECK | SWT.RADIO)) != 0) {
            item.setSelection(!item.getSelection());
        }
        item.notifyListeners(SWT.Selection, new Event());
        pump();
    }

    private static MenuItem itemAt(Menu menu, String... path) {
        Menu current = menu;
        MenuItem item = null;
        for (String label : path) {
            assertNotNull(current, "no menu above " + label);
            current.notifyListeners(SWT.Show, new Event());
            pump();
            item = List.of(current.getItems()).stream().filter(i -> plain(label).equals(plain(i.getText()))).findFirst()
                    .orElse(null);
            Menu shown = current;
            assertNotNull(item, () -> "no menu item " + label + " in " + List.of(shown.getItems()).stream()
                    .map(i -> plain(i.getText())).toList());
            current.notifyListeners(SWT.Hide, new Event());
            current = item.getMenu();
        }
        return item;
    }

    /** A label as read: without mnemonics ({@code &}) and the key sequence after a tab or in brackets. */
    public static String plain(String label) {
        if (label == null) {
            return null;
        }
        String text = label.replace("&&", "\u0000").replace("&", "").replace('\u0000', '&');
        int tab = text.indexOf('\t');
        if (tab >= 0) {
            text = text.substring(0, tab);
        }
        return text.replaceFirst(" \\([^()]*\\+[^()]*\\)$", "").strip();
    }

    // ---- waiting

    /** Dispatches the events waiting. */
    public static void pump() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // until idle
        }
    }

    /** Dispatches events (and lets timers fire) until {@code condition} holds; fails naming {@code what}. */
    public static void waitUntil(BooleanSupplier condition, String what) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("timed out waiting until " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /**
     * Answers the next modal dialog titled {@code title} from inside its event loop (the dialog blocks the caller):
     * polls every 50 ms, at most 20 s. {@link Answer#check()} fails when the dialog never came or the driver failed.
     */
    public static Answer whenShellOpens(String title, Consumer<Shell> driver) {
        Display display = Display.getCurrent();
        Answer answer = new Answer();
        long end = System.currentTimeMillis() + 20_000;
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            if (answer.stopped) {
                return;
            }
            Optional<Shell> shell = List.of(display.getShells()).stream()
                    .filter(s -> !s.isDisposed() && s.isVisible() && title.equals(s.getText())).findFirst();
            if (shell.isPresent()) {
                answer.answered = true;
                try {
                    driver.accept(shell.get());
                } catch (RuntimeException | AssertionError e) {
                    answer.failure = e;
                    shell.get().close();
                }
            } else if (System.currentTimeMillis() < end) {
                display.timerExec(50, poll[0]);
            }
        };
        display.timerExec(50, poll[0]);
        return answer;
    }

    /** A dialog answered by {@link #whenShellOpens}. */
    public static final class Answer {
        private boolean answered;
        private boolean stopped;
        private Throwable failure;

        /** Stops waiting for the dialog. */
        public void stop() {
            stopped = true;
        }

        /** Fails when the dialog never came or the driver failed. */
        public void check() {
            if (failure != null) {
                throw new AssertionError("answering the dialog failed", failure);
            }
            assertTrue(answered, "the dialog was opened");
        }

        public boolean answered() {
            return answered;
        }
    }
}
