package batou.ui.journeys;

import static batou.ui.Ui.waitUntil;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.keys.IBindingService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import batou.ui.Ui;
import batou.ui.WorkspaceLogGuard;
import batou.ui.internal.help.UserGuideView;

/** A person looks for help: Help > User Guide shows the guide, offline; Help > Key Assist and Ctrl+Shift+L. */
@ExtendWith(WorkspaceLogGuard.class)
class HelpJourneyTest {

    private final IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();

    @AfterEach
    void close() {
        for (Shell shell : Display.getCurrent().getShells()) {
            if (shell != Ui.window() && shell.isVisible()) {
                shell.close();
            }
        }
        if (page.findView(UserGuideView.ID) != null) {
            page.hideView(page.findView(UserGuideView.ID));
        }
        Ui.pump();
    }

    @Test
    void helpUserGuideShowsTheGuide() {
        Ui.menu(Ui.window(), "Help", "User Guide");
        waitUntil(() -> page.findView(UserGuideView.ID) != null, "the guide is shown");
        StyledText text = Ui.view(UserGuideView.ID, UserGuideView.class).text();
        waitUntil(text::isVisible, "the guide is visible");
        assertTrue(text.getText().startsWith("User guide: the batou workbench"), text.getText());
        assertTrue(text.getText().contains("Predict, deploy, stop"), text.getText());
        assertTrue(text.getStyleRanges().length > 3, "headings are bold");
    }

    @Test
    void keyAssistFromTheMenuAndCtrlShiftL() {
        IBindingService bindings = PlatformUI.getWorkbench().getService(IBindingService.class);
        assertEquals("Shift+Ctrl+L", bindings.getBestActiveBindingFormattedFor("org.eclipse.ui.window.showKeyAssist"));
        Ui.menu(Ui.window(), "Help", "Key Assist...");
        waitUntil(() -> keyAssist() != null, "Key Assist opens from the menu");
        keyAssist().close();
        Ui.pump();

        Ui.window().forceActive();
        Ui.press(SWT.CTRL | SWT.SHIFT, 'l');
        waitUntil(() -> keyAssist() != null, "Key Assist opens with Ctrl+Shift+L");
        assertTrue(Ui.texts(keyAssist()).stream().anyMatch(t -> t.contains("Deploy")), Ui.texts(keyAssist())
                .toString());
    }

    /** The Key Assist pop-up: a shell other than the window that lists the key bindings. */
    private static Shell keyAssist() {
        return List.of(Display.getCurrent().getShells()).stream()
                .filter(shell -> shell != Ui.window() && shell.isVisible() && !shell.isDisposed())
                .findFirst().orElse(null);
    }
}
