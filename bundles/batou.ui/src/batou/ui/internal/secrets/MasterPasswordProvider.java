package batou.ui.internal.secrets;

import java.util.concurrent.atomic.AtomicReference;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.equinox.security.storage.provider.IPreferencesContainer;
import org.eclipse.equinox.security.storage.provider.PasswordProvider;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.PlatformUI;

/**
 * The master password of the Eclipse secure storage, asked in a dialog (the product has no platform keyring
 * integration and no {@code org.eclipse.equinox.security.ui}). Contributed to {@code org.eclipse.equinox.security.secureStorage}; the secure storage asks once per
 * session and for a new password (typed twice) the first time.
 */
public final class MasterPasswordProvider extends PasswordProvider {

    @Override
    public PBEKeySpec getPassword(IPreferencesContainer container, int passwordType) {
        // No IProviderHints.PROMPT_USER check: without org.eclipse.equinox.security.ui the storage sets it to false
        // for every request, believing there is no UI to ask with. This provider is that UI.
        if (!PlatformUI.isWorkbenchRunning()) {
            return null;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        boolean create = (passwordType & CREATE_NEW_PASSWORD) != 0;
        AtomicReference<char[]> password = new AtomicReference<>();
        Runnable ask = () -> {
            PassphraseDialog dialog = new PassphraseDialog(display.getActiveShell(),
                    SecretsMessages.MasterPassword_title, create ? SecretsMessages.MasterPassword_newMessage
                            : SecretsMessages.MasterPassword_message, null, create);
            if (dialog.open() == Window.OK) {
                password.set(dialog.passphrase());
            }
        };
        if (Display.getCurrent() == display) {
            ask.run();
        } else {
            display.syncExec(ask);
        }
        return password.get() == null ? null : new PBEKeySpec(password.get());
    }
}
