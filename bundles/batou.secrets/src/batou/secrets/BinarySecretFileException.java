package batou.secrets;

import java.io.IOException;

/** A secret file asked for as text holds bytes that are not UTF-8 text (a keytab, a keystore). */
public final class BinarySecretFileException extends IOException {

    private static final long serialVersionUID = 1L;

    BinarySecretFileException(String environment, String name) {
        super("the secret file '" + name + "' of " + environment + " is binary, not text: replace it with: batou"
                + " secrets set-file " + environment + " " + name + " < FILE");
    }
}
