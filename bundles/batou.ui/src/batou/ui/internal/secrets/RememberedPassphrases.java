package batou.ui.internal.secrets;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.equinox.security.storage.EncodingUtils;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.StorageException;
import org.eclipse.jface.window.Window;
import org.eclipse.osgi.util.NLS;
import org.eclipse.swt.widgets.Display;

import batou.secrets.age.AgeIdentity;
import batou.secrets.age.PassphraseProvider;

/**
 * The passphrases of protected identity keys: taken from the Eclipse secure storage when the user chose to remember
 * them, else asked in a password dialog on the UI thread (called from background jobs). Passphrases are stored
 * encrypted, under {@code batou/identities/<key file>}; never in plain preferences.
 */
final class RememberedPassphrases implements PassphraseProvider {

    static final String NODE = "batou/identities";
    static final String KEY = "passphrase";

    private final Display display;
    private final Supplier<ISecurePreferences> storage;
    private final Consumer<String> problems;
    private final List<Path> usedFromStorage = new ArrayList<>();

    /**
     * @param storage the secure storage root ({@link SecurePreferencesFactory#getDefault()} in the workbench)
     * @param problems told when the secure storage cannot be used (the passphrase still works for this session)
     */
    RememberedPassphrases(Display display, Supplier<ISecurePreferences> storage, Consumer<String> problems) {
        this.display = display;
        this.storage = storage;
        this.problems = problems;
    }

    /** With the default secure storage of the workbench. */
    static RememberedPassphrases workbench(Display display, Consumer<String> problems) {
        return new RememberedPassphrases(display, SecurePreferencesFactory::getDefault, problems);
    }

    @Override
    public synchronized char[] passphrase(Path keyFile) {
        ISecurePreferences node = node(keyFile);
        if (node != null) {
            try {
                String stored = node.get(KEY, null);
                if (stored != null && !node.isEncrypted(KEY)) {
                    forget(node); // never trust or keep a passphrase the storage kept in plain text
                } else if (stored != null) {
                    usedFromStorage.add(keyFile);
                    return stored.toCharArray();
                }
            } catch (StorageException e) {
                problems.accept(NLS.bind(SecretsMessages.SecretsView_storageProblem, e.getMessage()));
            }
        }
        AtomicReference<PassphraseDialog> answer = new AtomicReference<>();
        display.syncExec(() -> {
            PassphraseDialog dialog = new PassphraseDialog(display.getActiveShell(),
                    SecretsMessages.Passphrase_title, NLS.bind(SecretsMessages.Passphrase_message, keyFile),
                    node == null ? null : SecretsMessages.Passphrase_remember, false);
            if (dialog.open() == Window.OK) {
                answer.set(dialog);
            }
        });
        PassphraseDialog dialog = answer.get();
        if (dialog == null) {
            return null;
        }
        if (dialog.remember()) {
            remember(node, dialog.passphrase());
        }
        return dialog.passphrase();
    }

    /**
     * Forgets the stored passphrases used since the last call: called when loading the identities failed, so that a
     * wrong remembered passphrase is asked again next time.
     */
    synchronized void forgetUsed() {
        for (Path keyFile : usedFromStorage) {
            ISecurePreferences node = node(keyFile);
            if (node != null) {
                forget(node);
            }
        }
        usedFromStorage.clear();
    }

    /** Loading the identities succeeded: the stored passphrases used were right. */
    synchronized void confirmUsed() {
        usedFromStorage.clear();
    }

    /**
     * The identities from {@code identities}, which asks this provider; stored passphrases are forgotten when
     * loading fails (a wrong one is asked again next time).
     */
    Supplier<List<AgeIdentity>> guard(Supplier<List<AgeIdentity>> identities) {
        return () -> {
            try {
                List<AgeIdentity> loaded = identities.get();
                confirmUsed();
                return loaded;
            } catch (RuntimeException e) {
                forgetUsed();
                throw e;
            }
        };
    }

    /**
     * Stores the passphrase encrypted. The secure storage writes a value in plain text when it gets no master
     * password (it only logs that): such a value is removed again and the user told that it was not remembered.
     */
    private void remember(ISecurePreferences node, char[] passphrase) {
        try {
            node.put(KEY, new String(passphrase), true);
            if (!node.isEncrypted(KEY)) {
                forget(node);
                problems.accept(NLS.bind(SecretsMessages.SecretsView_storageProblem,
                        SecretsMessages.SecretsView_noMasterPassword));
                return;
            }
            flush(node);
        } catch (StorageException e) {
            problems.accept(NLS.bind(SecretsMessages.SecretsView_storageProblem, e.getMessage()));
        }
    }

    private void forget(ISecurePreferences node) {
        node.remove(KEY);
        flush(node);
    }

    private void flush(ISecurePreferences node) {
        try {
            node.flush();
        } catch (IOException e) {
            problems.accept(NLS.bind(SecretsMessages.SecretsView_storageProblem, e.getMessage()));
        }
    }

    private ISecurePreferences node(Path keyFile) {
        ISecurePreferences root = storage.get();
        if (root == null) {
            return null;
        }
        return root.node(NODE + "/" + EncodingUtils.encodeSlashes(keyFile.toAbsolutePath().normalize().toString()));
    }
}
