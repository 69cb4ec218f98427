package batou.ui.internal.secrets;

import static batou.ui.Ui.all;
import static batou.ui.Ui.button;
import static batou.ui.Ui.click;
import static batou.ui.Ui.texts;
import static batou.ui.Ui.waitUntil;
import static batou.ui.Ui.whenShellOpens;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.swt.custom.StyledText;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.ui.WorkbenchContext;
import batou.secrets.IdentitySources;
import batou.secrets.Member;
import batou.secrets.SecretEntry;
import batou.secrets.SecretsDocument;
import batou.secrets.SecretsVault;
import batou.secrets.age.X25519Identity;
import batou.ui.internal.project.OpenProject;
import batou.test.harness.ProjectFolders;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;
import batou.ui.Ui;

/**
 * The secrets view on a copy of the example project whose dev secrets are encrypted to a test identity: what it
 * lists, that no widget shows a value until it is revealed, and that its changes reach the files through the vault.
 */
@ExtendWith(WorkspaceLogGuard.class)
class SecretsViewTest {

    private static final Path EXAMPLES = Path.of("../../docs/examples").toAbsolutePath().normalize();
    private static final String SECRET = "pg-s3cret-4d9e7a";
    private static final String TOKEN = "web-token-81c2f0";
    private static final SecretEntry PASSWORD = SecretEntry.component("postgres", "password");
    private static final SecretEntry HOST_TOKEN = SecretEntry.host("localhost", "token");

    private final OpenProject openProject = WorkbenchContext.service(OpenProject.class);

    @TempDir
    Path temp;

    private Path project;
    private X25519Identity alice;
    private IWorkbenchPage page;
    private SecretsView view;

    @BeforeEach
    void openTheProjectWithSecrets() throws Exception {
        project = temp.resolve("examples");
        ProjectFolders.copy(EXAMPLES, project);
        alice = X25519Identity.generate();
        Path identity = temp.resolve("alice.txt");
        Files.writeString(identity, "# test identity\n" + alice.encode() + "\n");
        System.setProperty(IdentitySources.PROPERTY, identity.toString());
        SecretsVault vault = vault(alice);
        vault.write("dev", SecretsDocument.parse("members:\n  - " + alice.recipient() + "\ncomponents:\n"
                + "  postgres: {password: \"" + SECRET + "\"}\nhosts:\n  localhost: {token: " + TOKEN + "}\n"));
        vault.writeSecretFile("dev", "tls-key", "KEY ONE\n".getBytes(StandardCharsets.UTF_8));
        openProject.open(project);
        openProject.selectEnvironment("dev");

        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        page = window.getActivePage();
        assertNotNull(page.showView(SecretsView.ID));
        MWindow model = window.getService(MWindow.class);
        List<MPart> parts = window.getService(EModelService.class).findElements(model, SecretsView.ID, MPart.class,
                null);
        view = (SecretsView) parts.get(0).getObject();
        waitUntilLoaded();
    }

    @AfterEach
    void closeEverything() {
        page.hideView(page.findView(SecretsView.ID));
        openProject.close();
        System.clearProperty(IdentitySources.PROPERTY);
        Ui.pump();
    }

    private SecretsVault vault(X25519Identity identity) {
        return new SecretsVault(project, () -> List.of(identity));
    }

    private void waitUntilLoaded() {
        waitUntil(() -> Job.getJobManager().find(view).length == 0
                && view.message().getText().startsWith("Environment dev:"), "the secrets of dev");
    }

    private Composite root() {
        return view.message().getParent();
    }

    private Composite toolBar() {
        return view.tools();
    }

    /** The texts of the view that contain {@code text}. */
    private List<String> showing(String text) {
        return texts(root()).stream().filter(t -> t.contains(text)).toList();
    }

    private static List<List<String>> rows(Table table) {
        return Stream.of(table.getItems()).map(item -> Stream.iterate(0, i -> i < table.getColumnCount(), i -> i + 1)
                .map(item::getText).toList()).toList();
    }

    private void select(SecretEntry entry) {
        view.tables().secrets().setSelection(new StructuredSelection(entry), true);
        Ui.pump();
    }

    @Test
    void listsMembersKeysAndFilesWithEveryValueMasked() {
        assertEquals("dev", view.environmentCombo().getText());
        assertEquals(List.of(List.of("age", "", alice.recipient().toString())),
                rows(view.tables().members().getTable()));
        assertEquals(List.of(List.of("postgres.password", SecretsTables.MASK),
                List.of("host localhost: token", SecretsTables.MASK)), rows(view.tables().secrets().getTable()));
        assertEquals(List.of(List.of("tls-key", "8 bytes")), rows(view.tables().files().getTable()));
        assertTrue(view.message().getText().startsWith("Environment dev: members 1, secrets 2, secret files 1"),
                view.message().getText());
        assertEquals(List.of(), showing(SECRET));
        assertEquals(List.of(), showing(TOKEN));
        assertEquals(List.of(), showing("KEY ONE"));
    }

    @Test
    void revealShowsExactlyTheSelectedRowUntilTheSelectionChanges() {
        select(PASSWORD);
        assertEquals(List.of(), showing(SECRET), "selecting does not reveal");
        click(Ui.toolItem(toolBar(), SecretsMessages.Action_reveal));
        assertEquals(List.of(SECRET), showing(SECRET), "one widget text shows the value");
        TableItem row = view.tables().secrets().getTable().getItem(0);
        assertEquals(List.of("postgres.password", SECRET), List.of(row.getText(0), row.getText(1)));
        assertEquals(SecretsTables.MASK, view.tables().secrets().getTable().getItem(1).getText(1));
        assertEquals(List.of(), showing(TOKEN));

        select(HOST_TOKEN);
        assertEquals(List.of(), showing(SECRET), "masked again after the selection changed");
        assertEquals(List.of(), showing(TOKEN), "the newly selected row is not revealed either");
        click(Ui.toolItem(toolBar(), SecretsMessages.Action_reveal));
        assertEquals(List.of(TOKEN), showing(TOKEN));
        view.tables().secrets().setSelection(StructuredSelection.EMPTY, true);
        Ui.pump();
        assertEquals(List.of(), showing(TOKEN));
    }

    @Test
    void editValueWritesThroughTheVault() throws IOException {
        select(PASSWORD);
        Ui.Answer answer = whenShellOpens(SecretsMessages.EditValue_title, shell -> {
            Text field = all(shell, Text.class).get(0);
            assertEquals("", field.getText(), "the old value is not put into the field");
            assertEquals(EditValueDialog.ECHO, field.getEchoChar(), "typed text is masked");
            assertFalse(button(shell, IDialogConstants.OK_LABEL).isEnabled());
            field.setText("changed-value");
            org.eclipse.swt.widgets.Button show = button(shell, SecretsMessages.EditValue_show);
            show.setSelection(true);
            Ui.select(show);
            assertEquals('\0', field.getEchoChar(), "shown on request");
            Ui.select(button(shell, IDialogConstants.OK_LABEL));
        });
        click(Ui.toolItem(toolBar(), SecretsMessages.Action_editValue));
        answer.check();
        waitUntilLoaded();
        assertEquals(Optional.of("changed-value"), vault(alice).read("dev").value(PASSWORD));
        assertEquals(Optional.of(TOKEN), vault(alice).read("dev").value(HOST_TOKEN));
        assertEquals(List.of(), showing("changed-value"));
    }

    @Test
    void addAndRemoveMemberReencryptSecretsAndFiles() throws IOException {
        X25519Identity bob = X25519Identity.generate();
        String bobKey = bob.recipient().toString();
        assertThrows(IOException.class, () -> vault(bob).read("dev"));

        Ui.Answer add = whenShellOpens(SecretsMessages.AddMember_title, shell -> {
            all(shell, Text.class).get(0).setText("not a key");
            assertFalse(button(shell, IDialogConstants.OK_LABEL).isEnabled(), "a broken key is refused");
            all(shell, Text.class).get(0).setText(bobKey);
            Ui.select(button(shell, IDialogConstants.OK_LABEL));
        });
        click(Ui.toolItem(toolBar(), SecretsMessages.Action_addMember));
        add.check();
        waitUntilLoaded();
        assertEquals(List.of(alice.recipient().toString(), bobKey), vault(bob).read("dev").members());
        assertArrayEquals("KEY ONE\n".getBytes(StandardCharsets.UTF_8), vault(bob).readSecretFile("dev", "tls-key"));
        assertEquals(2, view.tables().members().getTable().getItemCount());

        view.tables().members().setSelection(new StructuredSelection(Member.of(bobKey)), true);
        Ui.pump();
        Ui.Answer remove = whenShellOpens(SecretsMessages.RemoveMember_title,
                shell -> Ui.select(button(shell, IDialogConstants.OK_LABEL)));
        click(Ui.toolItem(toolBar(), SecretsMessages.Action_removeMember));
        remove.check();
        waitUntilLoaded();
        assertThrows(IOException.class, () -> vault(bob).read("dev"), "bob can no longer decrypt the secrets");
        assertThrows(IOException.class, () -> vault(bob).readSecretFile("dev", "tls-key"), "nor the secret file");
        assertEquals(List.of(alice.recipient().toString()), vault(alice).read("dev").members());
        assertEquals(1, view.tables().members().getTable().getItemCount());
        assertFalse(Ui.toolItem(toolBar(), SecretsMessages.Action_removeMember).isEnabled(),
                "the last member cannot be removed");
    }

    @Test
    void item26_removingOnesOwnKeySaysThatTheSecretsCannotBeReadAnyMore() throws IOException {
        X25519Identity bob = X25519Identity.generate();
        vault(alice).addMember("dev", bob.recipient().toString());
        openProject.refresh(); // the view shows both members
        waitUntil(() -> view.tables().members().getTable().getItemCount() == 2, "both members");

        view.tables().members().setSelection(new StructuredSelection(Member.of(alice.recipient().toString())), true);
        Ui.pump();
        String[] told = new String[1];
        Ui.Answer[] info = new Ui.Answer[1];
        Ui.Answer confirm = whenShellOpens(SecretsMessages.RemoveMember_title, shell -> {
            // the dialog that says so opens as soon as the job is done, maybe before the click returns: wait for it now
            info[0] = whenShellOpens(SecretsMessages.RemoveMember_title, said -> {
                told[0] = String.join("\n", texts(said));
                Ui.select(button(said, IDialogConstants.OK_LABEL));
            });
            Ui.select(button(shell, IDialogConstants.OK_LABEL));
        });
        click(Ui.toolItem(toolBar(), SecretsMessages.Action_removeMember));
        confirm.check();
        waitUntil(() -> info[0].answered(), "the dialog that says so");
        info[0].check();
        assertTrue(told[0].contains("That was your key: it was removed from the members of dev, and the secrets were "
                + "re-encrypted to the 1 members left. You cannot decrypt them any more"), told[0]);
        assertEquals(List.of(bob.recipient().toString()), vault(bob).read("dev").members());
    }

    @Test
    void editSecretFileInADialogAndReencrypt() throws IOException {
        view.tables().files().setSelection(new StructuredSelection(view.tables().files().getElementAt(0)), true);
        Ui.pump();
        Ui.Answer edit = whenShellOpens("Secret File tls-key (dev)", shell -> {
            StyledText editor = all(shell, StyledText.class).get(0);
            assertEquals("KEY ONE\n", editor.getText());
            editor.setText("KEY TWO\n");
            Ui.select(button(shell, SecretsMessages.SecretFile_save));
        });
        click(Ui.toolItem(toolBar(), SecretsMessages.Action_editFile));
        waitUntil(edit::answered, "the file dialog");
        edit.check();
        waitUntilLoaded();
        assertArrayEquals("KEY TWO\n".getBytes(StandardCharsets.UTF_8), vault(alice).readSecretFile("dev",
                "tls-key"));

        byte[] before = Files.readAllBytes(vault(alice).file("dev"));
        click(Ui.toolItem(toolBar(), SecretsMessages.Action_reencrypt));
        waitUntilLoaded();
        assertFalse(java.util.Arrays.equals(before, Files.readAllBytes(vault(alice).file("dev"))));
        assertEquals(Optional.of(SECRET), vault(alice).read("dev").value(PASSWORD));
    }

    @Test
    void aBinarySecretFileIsNotOpenedAsTextButExplained() throws IOException {
        byte[] keytab = { 0x05, 0x02, 0x00, (byte) 0xff, (byte) 0xfe, 0x00, 0x01 };
        vault(alice).writeSecretFile("dev", "keytab", keytab);
        click(Ui.toolItem(toolBar(), SecretsMessages.Action_reload));
        waitUntilLoaded();
        assertEquals("keytab", ((SecretsSnapshot.SecretFile) view.tables().files().getElementAt(0)).name());
        view.tables().files().setSelection(new StructuredSelection(view.tables().files().getElementAt(0)), true);
        Ui.pump();
        Ui.Answer explained = whenShellOpens(SecretsMessages.SecretFile_binaryTitle, shell -> {
            assertTrue(texts(shell).stream().anyMatch(text -> text.contains("the secret file 'keytab' of dev is binary,"
                    + " not text: replace it with: batou secrets set-file dev keytab < FILE")), texts(shell)::toString);
            Ui.select(button(shell, IDialogConstants.OK_LABEL));
        });
        click(Ui.toolItem(toolBar(), SecretsMessages.Action_editFile));
        waitUntil(explained::answered, "the explanation");
        explained.check();
        assertArrayEquals(keytab, vault(alice).readSecretFile("dev", "keytab"), "the file is unchanged");
    }

    @Test
    void anIdentityThatIsNoMemberIsAClearMessage() throws IOException {
        X25519Identity eve = X25519Identity.generate();
        Path identity = temp.resolve("eve.txt");
        Files.writeString(identity, eve.encode() + "\n");
        System.setProperty(IdentitySources.PROPERTY, identity.toString());
        Path other = temp.resolve("other");
        ProjectFolders.copy(project, other);
        openProject.open(other);
        openProject.selectEnvironment("dev");
        waitUntil(() -> Job.getJobManager().find(view).length == 0
                && view.message().getText().startsWith("Cannot decrypt"), "the error");
        assertTrue(view.message().getText().startsWith("Cannot decrypt the secrets of dev: environment 'dev': "
                + "no identity matches any recipient of this file"), view.message().getText());
        assertEquals(0, view.tables().secrets().getTable().getItemCount());
        assertFalse(view.message().getText().contains("Exception"), "no stack trace");
    }
}
