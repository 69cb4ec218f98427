package batou.ui.journeys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.eclipse.core.runtime.Platform;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Combo;
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

/**
 * An environment without secrets gets them from the secrets view alone: create the vault with my key, add a value,
 * add a colleague's key, add a secret file, remove the colleague; after each step the real age decrypts what the
 * workbench wrote, to exactly the members it lists, and no widget, temporary file or log shows a value.
 */
@ExtendWith(WorkspaceLogGuard.class)
class CreateSecretsFromNothingJourneyTest {

    private static final String SECRET = "s3cret-from-the-gui-7f3a";
    private static final String FILE_SECRET = "file-secret-91b2";

    @TempDir
    Path temp;

    private Path alice;
    private Path bob;
    private String aliceKey;
    private String bobKey;
    private TempProject project;
    private SecretsViewWidgets view;
    private FileTime started;

    @BeforeEach
    void anEnvironmentWithoutSecrets() throws Exception {
        started = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        alice = temp.resolve("alice.txt");
        bob = temp.resolve("bob.txt");
        aliceKey = AgeCommand.keygen(alice);
        bobKey = AgeCommand.keygen(bob);
        project = ProjectWithSecrets.create(temp.resolve("project"), temp.resolve("target"));
        view = SecretsViewWidgets.openDev(project.root(), alice);
        view.waitForMessage("Environment dev has no secrets");
    }

    @AfterEach
    void closeEverything() {
        SecretsViewWidgets.closeAll();
    }

    @Test
    void createTheVaultThenAddAValueAMemberAFileAndRemoveTheMember() throws Exception {
        Path secrets = project.path("environments/dev/secrets.age");
        Path file = project.path("environments/dev/secret-tls.age");

        String[] proposed = new String[2];
        Ui.Answer create = Ui.whenShellOpens(SecretsMessages.CreateVault_title, shell -> {
            Combo identity = Ui.find(shell, Combo.class, combo -> true);
            Text key = Ui.find(shell, Text.class, text -> (text.getStyle() & SWT.READ_ONLY) != 0);
            proposed[0] = identity.getText();
            proposed[1] = key.getText();
            identity.setText(bob.toString()); // another identity: its key is shown, and that it will be used
            assertEquals(bobKey, key.getText());
            assertTrue(Ui.texts(shell).contains(SecretsMessages.CreateVault_added), Ui.texts(shell)::toString);
            identity.setText(alice.toString());
            assertEquals(aliceKey, key.getText());
            Ui.select(Ui.button(shell, SecretsMessages.CreateVault_create));
        });
        view.click(SecretsMessages.Action_createVault);
        create.check();
        assertEquals(List.of(alice.toString(), aliceKey), List.of(proposed));
        view.waitForMessage("Environment dev: members 1, secrets 0, secret files 0");
        assertTrue(AgeCommand.decrypt(alice, secrets).contains("members:\n  - " + aliceKey + "\n"));
        AgeCommand.cannotDecrypt(bob, secrets);
        assertFalse(Ui.toolItem(view.root(), SecretsMessages.Action_createVault).isEnabled(), "created once");

        Ui.Answer add = Ui.whenShellOpens(SecretsMessages.AddValue_title, shell -> {
            List<Text> fields = Ui.all(shell, Text.class);
            fields.get(0).setText("app.password");
            fields.get(1).setText(SECRET);
            Ui.select(Ui.button(shell, IDialogConstants.OK_LABEL));
        });
        Ui.contextMenu(view.secrets(), Ui.plain(SecretsMessages.Action_addValue));
        add.check();
        view.waitForMessage("Environment dev: members 1, secrets 1, secret files 0");
        assertTrue(AgeCommand.decrypt(alice, secrets).contains("components: {app: {password: " + SECRET + "}}"),
                "the value is in the decrypted file");
        assertNothingShows(SECRET);
        SecretsViewWidgets.selectRow(view.secrets(), 0, "app.password");
        view.click(SecretsMessages.Action_reveal);
        assertEquals(1, Ui.texts(Ui.window()).stream().filter(text -> text.contains(SECRET)).count(),
                "revealed in its row only");
        SecretsViewWidgets.deselect(view.secrets());
        assertNothingShows(SECRET);

        Ui.Answer member = Ui.whenShellOpens(SecretsMessages.AddMember_title, shell -> {
            Ui.all(shell, Text.class).get(0).setText(bobKey);
            Ui.select(Ui.button(shell, IDialogConstants.OK_LABEL));
        });
        view.click(SecretsMessages.Action_addMember);
        member.check();
        view.waitForMessage("Environment dev: members 2, secrets 1, secret files 0");
        assertTrue(AgeCommand.decrypt(bob, secrets).contains(SECRET), "bob decrypts the secrets now");
        assertTrue(AgeCommand.decrypt(alice, secrets).contains("  - " + bobKey + "\n"));

        Path source = Files.writeString(temp.resolve("tls.key"), "-----BEGIN KEY-----\n" + FILE_SECRET + "\n");
        Ui.Answer addFile = Ui.whenShellOpens(SecretsMessages.AddFile_title, shell -> {
            Ui.find(shell, Combo.class, combo -> true).setText(source.toString());
            assertEquals("tls", Ui.all(shell, Text.class).stream().filter(text -> (text.getStyle() & SWT.READ_ONLY)
                    == 0).findFirst().orElseThrow().getText(), "named after the file");
            Ui.select(Ui.button(shell, SecretsMessages.AddFile_add));
        });
        view.click(SecretsMessages.Action_addFile);
        addFile.check();
        view.waitForMessage("Environment dev: members 2, secrets 1, secret files 1");
        assertEquals(Files.readString(source), AgeCommand.decrypt(alice, file));
        assertEquals(Files.readString(source), AgeCommand.decrypt(bob, file));
        Files.delete(source);

        SecretsViewWidgets.selectRow(view.members(), 2, bobKey);
        Ui.Answer remove = Ui.whenShellOpens(SecretsMessages.RemoveMember_title,
                shell -> Ui.select(Ui.button(shell, IDialogConstants.OK_LABEL)));
        view.click(SecretsMessages.Action_removeMember);
        remove.check();
        view.waitForMessage("Environment dev: members 1, secrets 1, secret files 1");
        AgeCommand.cannotDecrypt(bob, secrets);
        AgeCommand.cannotDecrypt(bob, file);
        assertTrue(AgeCommand.decrypt(alice, secrets).contains(SECRET));
        assertFalse(AgeCommand.decrypt(alice, secrets).contains(bobKey));
        assertTrue(AgeCommand.decrypt(alice, file).contains(FILE_SECRET));

        assertNothingShows(SECRET);
        assertNoPlaintextOnDisk(SECRET);
        assertNoPlaintextOnDisk(FILE_SECRET);
    }

    @Test
    void addValueOnAnEnvironmentWithoutSecretsCreatesThemFirstAndCancellingHalfwayCreatesNothing() throws Exception {
        Path secrets = project.path("environments/dev/secrets.age");
        Ui.Answer create = Ui.whenShellOpens(SecretsMessages.CreateVault_title,
                shell -> Ui.select(Ui.button(shell, SecretsMessages.CreateVault_create)));
        Ui.Answer cancel = Ui.whenShellOpens(SecretsMessages.AddValue_title,
                shell -> Ui.select(Ui.button(shell, IDialogConstants.CANCEL_LABEL)));
        view.click(SecretsMessages.Action_addValue);
        create.check();
        cancel.check();
        Ui.pump();
        assertFalse(Files.exists(secrets), "nothing is created when the value is cancelled");
        view.waitForMessage("Environment dev has no secrets");

        Ui.Answer again = Ui.whenShellOpens(SecretsMessages.CreateVault_title,
                shell -> Ui.select(Ui.button(shell, SecretsMessages.CreateVault_create)));
        Ui.Answer value = Ui.whenShellOpens(SecretsMessages.AddValue_title, shell -> {
            List<Text> fields = Ui.all(shell, Text.class);
            fields.get(0).setText("nosuch.password");
            fields.get(1).setText(SECRET);
            Ui.select(Ui.button(shell, IDialogConstants.OK_LABEL));
        });
        view.click(SecretsMessages.Action_addValue);
        again.check();
        value.check();
        view.waitForMessage("Could not change the secrets of dev");
        assertTrue(view.message().contains("no component 'nosuch'"), view.message());
        assertTrue(AgeCommand.decrypt(alice, secrets).contains("members:\n  - " + aliceKey + "\n"),
                "the vault is there, without the refused value");
        assertFalse(AgeCommand.decrypt(alice, secrets).contains(SECRET));
    }

    private static void assertNothingShows(String value) {
        assertEquals(List.of(), Ui.texts(Ui.window()).stream().filter(text -> text.contains(value)).toList());
    }

    /** Neither the project, nor a temporary file written meanwhile, nor the workspace log holds the value. */
    private void assertNoPlaintextOnDisk(String value) throws IOException {
        List<Path> places = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(project.root())) {
            files.filter(Files::isRegularFile).forEach(places::add);
        }
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            files.filter(Files::isRegularFile).filter(this::writtenMeanwhile).forEach(places::add);
        }
        places.add(Path.of(Platform.getLogFileLocation().toOSString()));
        for (Path place : places) {
            if (Files.isReadable(place) && Files.size(place) < (16 << 20)) {
                String content = new String(Files.readAllBytes(place), StandardCharsets.ISO_8859_1);
                assertFalse(content.contains(value), place + " holds a secret value");
            }
        }
    }

    private boolean writtenMeanwhile(Path file) {
        try {
            return Files.getLastModifiedTime(file).compareTo(started) >= 0;
        } catch (IOException e) {
            return false;
        }
    }
}
