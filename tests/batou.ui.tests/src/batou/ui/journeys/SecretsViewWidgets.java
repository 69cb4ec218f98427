package batou.ui.journeys;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;

import batou.secrets.IdentitySources;
import batou.ui.Ui;
import batou.ui.WorkbenchContext;
import batou.ui.internal.project.OpenProject;
import batou.ui.internal.secrets.SecretsView;

/** The secrets view as a person sees it: found through its widgets, not its fields. */
final class SecretsViewWidgets {

    private final Composite root;

    private SecretsViewWidgets(Composite root) {
        this.root = root;
    }

    /** Shows the view (Window > Show View does the same). */
    static SecretsViewWidgets show() throws PartInitException {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        IWorkbenchPage page = window.getActivePage();
        assertNotNull(page.showView(SecretsView.ID));
        List<MPart> parts = window.getService(EModelService.class).findElements(window.getService(MWindow.class),
                SecretsView.ID, MPart.class, null);
        Ui.pump();
        return new SecretsViewWidgets((Composite) parts.get(0).getWidget());
    }

    /**
     * Opens the project as the user whose identity file is {@code identity} (as with BATOU_AGE_IDENTITIES), selects
     * its environment dev and shows the view; {@link #closeAll()} undoes it.
     */
    static SecretsViewWidgets openDev(Path project, Path identity) throws IOException, PartInitException {
        System.setProperty(IdentitySources.PROPERTY, identity.toString());
        OpenProject open = WorkbenchContext.service(OpenProject.class);
        open.open(project);
        open.selectEnvironment("dev");
        return show();
    }

    /** Hides the view, closes the project and forgets the identity. */
    static void closeAll() {
        hide();
        WorkbenchContext.service(OpenProject.class).close();
        System.clearProperty(IdentitySources.PROPERTY);
        Ui.pump();
    }

    static void hide() {
        IWorkbenchPage page = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
        if (page.findView(SecretsView.ID) != null) {
            page.hideView(page.findView(SecretsView.ID));
        }
        Ui.pump();
    }

    Composite root() {
        return root;
    }

    /** The line that says what the view shows (a label directly in the view). */
    String message() {
        return Stream.of(root.getChildren()).filter(Label.class::isInstance).map(c -> ((Label) c).getText())
                .findFirst().orElse("");
    }

    /** Waits until no decryption runs and the message starts with {@code start}. */
    void waitForMessage(String start) {
        Ui.waitUntil(() -> noVaultJob() && message().startsWith(start),
                "the secrets view saying '" + start + "' (it says '" + message() + "')");
    }

    private static boolean noVaultJob() {
        return Stream.of(Job.getJobManager().find(null)).noneMatch(job -> job.getName().startsWith("Decrypting")
                || job.getName().startsWith("Re-encrypting"));
    }

    Table members() {
        return tables().get(0);
    }

    Table secrets() {
        return tables().get(1);
    }

    Table files() {
        return tables().get(2);
    }

    private List<Table> tables() {
        return Ui.all(root, Table.class);
    }

    /** Clicks the view's tool item labelled {@code label}, which must be fully shown. */
    void click(String label) {
        Ui.assertFullyShown(Ui.toolItem(root, label));
        Ui.click(Ui.toolItem(root, label));
    }

    /** Clears the selection of {@code table}, as a click into its empty part does. */
    static void deselect(Table table) {
        table.deselectAll();
        table.notifyListeners(SWT.Selection, new Event());
        Ui.pump();
    }

    /** Selects the row of {@code table} whose {@code column} shows {@code text}, as a click does. */
    static void selectRow(Table table, int column, String text) {
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getText(column).equals(text)) {
                table.setSelection(i);
                Event click = new Event();
                click.item = table.getItem(i);
                table.notifyListeners(SWT.Selection, click);
                Ui.pump();
                return;
            }
        }
        throw new AssertionError("no row " + text + " in " + Stream.of(table.getItems()).map(item -> item
                .getText(column)).toList());
    }
}
