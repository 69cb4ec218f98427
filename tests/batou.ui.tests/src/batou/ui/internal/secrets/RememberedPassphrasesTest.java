package batou.ui.internal.secrets;

import static batou.ui.Ui.all;
import static batou.ui.Ui.button;
import static batou.ui.Ui.click;
import static batou.ui.Ui.whenShellOpens;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import batou.secrets.age.AgeException;
import batou.secrets.age.Identities;
import batou.secrets.age.SshEd25519Identity;
import org.junit.jupiter.api.extension.ExtendWith;
import batou.ui.WorkspaceLogGuard;
import batou.ui.Ui;

/**
 * The passphrase of a protected SSH identity: asked in a dialog, remembered encrypted in an Eclipse secure storage
 * on request, forgotten when it turns out wrong. The storages here are opened on temporary files; most with a fixed
 * test password ({@link IProviderHints#DEFAULT_PASSWORD}, no prompt), one with the workbench's own master password
 * provider, answered like a user would.
 */
@ExtendWith(WorkspaceLogGuard.class)
class RememberedPassphrasesTest {

    private static final String PASSPHRASE = "correct horse battery";

    @TempDir
    Path temp;

    private final List<String> problems = new ArrayList<>();

    private Path protectedKey() throws Exception {
        Path key = temp.resolve("id_ed25519");
        Process process = new ProcessBuilder("ssh-keygen", "-q", "-t", "ed25519", "-N", PASSPHRASE, "-C", "test",
                "-f", key.toString()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), "ssh-keygen: " + output);
        return key;
    }

    private ISecurePreferences storage(Path file, boolean testPassword) throws Exception {
        return SecurePreferencesFactory.open(file.toUri().toURL(), testPassword
                ? Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("test password".toCharArray()),
                        IProviderHints.PROMPT_USER, Boolean.FALSE)
                : Map.of());
    }

    private static ISecurePreferences node(ISecurePreferences storage, Path key) {
        return storage.node(RememberedPassphrases.NODE + "/"
                + EncodingUtils.encodeSlashes(key.toAbsolutePath().normalize().toString()));
    }

    private static Ui.Answer typePassphrase(String passphrase, boolean remember) {
        return whenShellOpens(SecretsMessages.Passphrase_title, shell -> {
            all(shell, Text.class).get(0).setText(passphrase);
            button(shell, SecretsMessages.Passphrase_remember).setSelection(remember);
            Ui.select(button(shell, IDialogConstants.OK_LABEL));
        });
    }

    @Test
    void askedOnceThenTakenFromTheSecureStorageEncrypted() throws Exception {
        Path key = protectedKey();
        Path file = temp.resolve("secure_storage");
        ISecurePreferences storage = storage(file, true);
        RememberedPassphrases passphrases = new RememberedPassphrases(Display.getCurrent(), () -> storage,
                problems::add);
        Ui.Answer answer = typePassphrase(PASSPHRASE, true);
        assertTrue(Identities.read(key, passphrases).get(0) instanceof SshEd25519Identity);
        answer.check();
        assertEquals(List.of(), problems);
        assertTrue(node(storage, key).isEncrypted(RememberedPassphrases.KEY));
        assertEquals(PASSPHRASE, node(storage, key).get(RememberedPassphrases.KEY, null));
        assertTrue(Files.exists(file));
        assertFalse(Files.readString(file, StandardCharsets.ISO_8859_1).contains(PASSPHRASE),
                "the storage file holds no plain passphrase");

        Ui.Answer never = whenShellOpens(SecretsMessages.Passphrase_title,
                shell -> Ui.select(button(shell, IDialogConstants.CANCEL_LABEL)));
        RememberedPassphrases again = new RememberedPassphrases(Display.getCurrent(), () -> storage,
                problems::add);
        assertTrue(again.guard(() -> Identities.read(key, again)).get().get(0) instanceof SshEd25519Identity);
        Ui.pump();
        never.stop();
        assertFalse(never.answered(), "not asked again");
    }

    @Test
    void notRememberedUnlessAskedAndAWrongRememberedPassphraseIsForgotten() throws Exception {
        Path key = protectedKey();
        ISecurePreferences storage = storage(temp.resolve("secure_storage"), true);
        RememberedPassphrases passphrases = new RememberedPassphrases(Display.getCurrent(), () -> storage,
                problems::add);
        Ui.Answer answer = typePassphrase(PASSPHRASE, false);
        Identities.read(key, passphrases);
        answer.check();
        assertNull(node(storage, key).get(RememberedPassphrases.KEY, null));

        node(storage, key).put(RememberedPassphrases.KEY, "wrong", true);
        AgeException wrong = assertThrows(AgeException.class,
                () -> passphrases.guard(() -> Identities.read(key, passphrases)).get());
        assertTrue(wrong.getMessage().startsWith("wrong passphrase for "), wrong.getMessage());
        assertNull(node(storage, key).get(RememberedPassphrases.KEY, null), "the wrong passphrase is forgotten");
    }

    @Test
    void theWorkbenchAsksForANewMasterPasswordTwice() throws Exception {
        Path key = protectedKey();
        ISecurePreferences storage = storage(temp.resolve("master_storage"), false);
        RememberedPassphrases passphrases = new RememberedPassphrases(Display.getCurrent(), () -> storage,
                problems::add);
        Ui.Answer passphrase = typePassphrase(PASSPHRASE, true);
        Ui.Answer master = whenShellOpens(SecretsMessages.MasterPassword_title, shell -> {
            List<Text> fields = all(shell, Text.class);
            assertEquals(2, fields.size(), "a new master password is typed twice");
            fields.get(0).setText("master");
            fields.get(1).setText("master");
            Button ok = button(shell, IDialogConstants.OK_LABEL);
            Ui.select(ok);
        });
        Identities.read(key, passphrases);
        passphrase.check();
        master.stop();
        assertEquals(List.of(), problems);
        master.check();
        assertEquals(PASSPHRASE, node(storage, key).get(RememberedPassphrases.KEY, null));
        assertTrue(node(storage, key).isEncrypted(RememberedPassphrases.KEY));
    }

    @Test
    void withoutAMasterPasswordNothingIsStoredInPlainText() throws Exception {
        Path key = protectedKey();
        Path file = temp.resolve("cancelled_storage");
        ISecurePreferences storage = storage(file, false);
        RememberedPassphrases passphrases = new RememberedPassphrases(Display.getCurrent(), () -> storage,
                problems::add);
        Ui.Answer passphrase = typePassphrase(PASSPHRASE, true);
        Ui.Answer master = whenShellOpens(SecretsMessages.MasterPassword_title,
                shell -> Ui.select(button(shell, IDialogConstants.CANCEL_LABEL)));
        assertTrue(Identities.read(key, passphrases).get(0) instanceof SshEd25519Identity, "the key still opens");
        passphrase.check();
        master.check();
        assertEquals(List.of("The passphrase was not remembered: the secure storage got no master password."),
                problems);
        assertNull(node(storage, key).get(RememberedPassphrases.KEY, null));
        storage.flush();
        assertFalse(Files.exists(file) && Files.readString(file, StandardCharsets.ISO_8859_1).contains(PASSPHRASE));
    }
}
