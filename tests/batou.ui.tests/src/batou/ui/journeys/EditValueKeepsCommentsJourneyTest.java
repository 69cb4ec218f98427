package batou.ui.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import batou.test.harness.TempProject;
import batou.ui.Ui;
import batou.ui.WorkspaceLogGuard;
import batou.ui.internal.secrets.SecretsMessages;

/** Edit Value changes one value of secrets.age; its comments and order stay, as the real age shows. */
@ExtendWith(WorkspaceLogGuard.class)
class EditValueKeepsCommentsJourneyTest {

    private static final String TEXT = """
            # dev secrets: ask Ops before changing
            members:
              - %s   # alice
            components:
              # the application
              app:
                password: old-value   # rotated 2026-11
            hosts: {}
            # end of the secrets
            """;

    @TempDir
    Path temp;

    private Path alice;
    private String text;
    private TempProject project;
    private SecretsViewWidgets view;

    @BeforeEach
    void secretsWithComments() throws Exception {
        alice = temp.resolve("alice.txt");
        text = TEXT.formatted(AgeCommand.keygen(alice));
        project = ProjectWithSecrets.create(temp.resolve("project"), temp.resolve("target"));
        ProjectWithSecrets.writeSecrets(project, alice, text);
        view = SecretsViewWidgets.openDev(project.root(), alice);
        view.waitForMessage("Environment dev: members 1, secrets 1");
    }

    @AfterEach
    void closeEverything() {
        SecretsViewWidgets.closeAll();
    }

    @Test
    void editValueKeepsTheCommentsBeforeAndAfterTheValue() throws Exception {
        Path secrets = project.path("environments/dev/secrets.age");
        assertEquals(text, AgeCommand.decrypt(alice, secrets));
        byte[] before = Files.readAllBytes(secrets);

        SecretsViewWidgets.selectRow(view.secrets(), 0, "app.password");
        Ui.Answer edit = Ui.whenShellOpens(SecretsMessages.EditValue_title, shell -> {
            Text field = Ui.all(shell, Text.class).get(0);
            assertEquals("", field.getText(), "the old value is not shown");
            field.setText("new value: 'quoted' # not a comment");
            Ui.select(Ui.button(shell, IDialogConstants.OK_LABEL));
        });
        Ui.contextMenu(view.secrets(), Ui.plain(SecretsMessages.Action_editValue));
        edit.check();
        Ui.waitUntil(() -> !Arrays.equals(before, read(secrets)), "secrets.age written");
        view.waitForMessage("Environment dev: members 1, secrets 1");

        assertEquals(text.replace("old-value", "\"new value: 'quoted' # not a comment\""),
                AgeCommand.decrypt(alice, secrets));
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (java.io.IOException e) {
            return new byte[0];
        }
    }
}
