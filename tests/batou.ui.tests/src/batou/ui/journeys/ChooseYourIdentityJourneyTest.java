package batou.ui.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.preferences.InstanceScope;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Link;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.IdentitySources;
import batou.test.harness.TempProject;
import batou.ui.Ui;
import batou.ui.WorkbenchContext;
import batou.ui.WorkspaceLogGuard;
import batou.ui.internal.FileChooser;
import batou.ui.internal.UIText;
import batou.ui.internal.preferences.BatouPreferences;
import batou.ui.internal.project.OpenProject;

/**
 * A user without any identity opens a project with secrets: the secrets view says to choose one in the preferences
 * (not to set an environment variable), its link opens the batou preference page, Browse… fills the wide identity
 * field, and after Apply and Close the view decrypts the secrets.
 */
@ExtendWith(WorkspaceLogGuard.class)
class ChooseYourIdentityJourneyTest {

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);
    private final IEclipseContext workbench = PlatformUI.getWorkbench().getService(IEclipseContext.class);

    @TempDir
    Path temp;

    private String home;
    private Path alice;
    private SecretsViewWidgets view;

    @BeforeEach
    void noIdentityAnywhere() throws Exception {
        alice = temp.resolve("keys/alice.txt");
        Files.createDirectories(alice.getParent());
        String key = AgeCommand.keygen(alice);
        TempProject project = ProjectWithSecrets.create(temp.resolve("project"), temp.resolve("target"));
        ProjectWithSecrets.writeSecrets(project, alice, "members: [" + key + "]\ncomponents: {app: {password: x}}\n");
        home = System.getProperty("user.home");
        System.setProperty("user.home", Files.createDirectories(temp.resolve("home")).toString()); // no ~/.ssh keys
        System.clearProperty(IdentitySources.PROPERTY);
        InstanceScope.INSTANCE.getNode(BatouPreferences.NODE).remove(BatouPreferences.IDENTITIES);
        workbench.set(FileChooser.class, (shell, title, initial) -> alice.toString()); // the file a person picks
        openProject.open(project.root());
        openProject.selectEnvironment("dev");
        view = SecretsViewWidgets.show();
    }

    @AfterEach
    void restore() {
        SecretsViewWidgets.hide();
        openProject.close();
        workbench.remove(FileChooser.class);
        InstanceScope.INSTANCE.getNode(BatouPreferences.NODE).remove(BatouPreferences.IDENTITIES);
        System.setProperty("user.home", home);
        Ui.pump();
    }

    @Test
    void theDecryptErrorLeadsToThePreferencePageWhereBrowseFillsTheIdentity() throws Exception {
        view.waitForMessage("Cannot decrypt the secrets of dev: there is no key to decrypt secrets with: choose your "
                + "age identity file or SSH private key in Window > Preferences > batou (Age identities).");
        assertEquals(List.of(), Ui.texts(view.root()).stream().filter(text -> text.contains("BATOU_AGE")).toList(),
                "a GUI user is not told to set a variable");

        int[] width = new int[1];
        String[] filled = new String[1];
        Ui.Answer preferences = Ui.whenShellOpens("Preferences", shell -> {
            Text field = Ui.find(shell, Text.class, text -> UIText.Preferences_identitiesNote.equals(
                    text.getToolTipText()));
            Ui.click(Ui.button(shell, UIText.Browse));
            width[0] = field.getSize().x;
            filled[0] = field.getText();
            Button apply = Ui.all(shell, Button.class).stream().filter(button -> List.of("Apply and Close", "OK")
                    .contains(Ui.plain(button.getText()))).findFirst().orElseThrow();
            Ui.select(apply);
        });
        Ui.click(Ui.find(view.root(), Link.class, link -> link.isVisible()));
        preferences.check();
        assertEquals(alice.toString(), filled[0], "Browse… put the chosen file into the field");
        assertTrue(width[0] >= 300, "the identity field is wide: " + width[0] + " px");
        assertEquals(alice.toString(), BatouPreferences.identities());

        view.waitForMessage("Environment dev: members 1, secrets 1");
        assertFalse(Ui.find(view.root(), Link.class, link -> true).isVisible(), "no link without an error");
    }
}
