package batou.ui.internal.secrets;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.swt.widgets.ToolBar;
import org.eclipse.swt.widgets.ToolItem;
import org.eclipse.swt.custom.StyledText;

/** Drives SWT directly: walks control trees, presses buttons, answers modal dialogs from inside their loop. */
final class Widgets {

    private Widgets() {
    }

    static void collect(Control control, List<Control> into) {
        into.add(control);
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, into);
            }
        }
    }

    static <T extends Control> List<T> all(Control root, Class<T> type) {
        List<Control> controls = new ArrayList<>();
        collect(root, controls);
        return controls.stream().filter(type::isInstance).map(type::cast).toList();
    }

    /**
     * Every text a user or an assistive technology can get from the controls under {@code root}: texts, items of
     * every column, tool tips, tool and menu items, item data.
     */
    static List<String> texts(Control root) {
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
                menuTexts(control.getMenu(), texts);
            }
        }
        texts.removeIf(text -> text == null);
        return texts;
    }

    private static void menuTexts(Menu menu, List<String> texts) {
        for (MenuItem item : menu.getItems()) {
            texts.add(item.getText());
            texts.add(item.getToolTipText());
        }
    }

    /** Pumps the display until {@code condition} holds, at most 30 s. */
    static void waitUntil(String what, BooleanSupplier condition) {
        Display display = Display.getCurrent();
        long end = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > end) {
                fail("timed out waiting for " + what);
            }
            if (!display.readAndDispatch()) {
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    fail("interrupted");
                }
            }
        }
    }

    static void processEvents() {
        Display display = Display.getCurrent();
        while (display.readAndDispatch()) {
            // until idle
        }
    }

    /** Selects a tool item as a click does. */
    static void click(ToolBar bar, String text) {
        ToolItem item = List.of(bar.getItems()).stream().filter(i -> text.equals(i.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no tool item " + text));
        assertTrue(item.isEnabled(), text + " is enabled");
        item.notifyListeners(SWT.Selection, new Event());
    }

    static void click(Button button) {
        button.notifyListeners(SWT.Selection, new Event());
    }

    static Button button(Shell shell, String text) {
        return all(shell, Button.class).stream().filter(b -> text.equals(b.getText())).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + text + " in " + shell.getText()));
    }

    /**
     * Answers the next modal dialog titled {@code title} from inside its event loop (the dialog blocks the caller):
     * polls every 50 ms, at most 20 s. {@link #answered()} is false when the dialog never came.
     */
    static Answer whenShellOpens(String title, Consumer<Shell> driver) {
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

    static final class Answer {
        private boolean answered;
        private boolean stopped;
        private Throwable failure;

        /** Stops waiting for the dialog. */
        void stop() {
            stopped = true;
        }

        /** Fails when the dialog never came or the driver failed. */
        void check() {
            if (failure != null) {
                throw new AssertionError("answering the dialog failed", failure);
            }
            assertTrue(answered, "the dialog was opened");
        }

        boolean answered() {
            return answered;
        }
    }
}
