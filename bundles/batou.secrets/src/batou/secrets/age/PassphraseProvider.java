package batou.secrets.age;

import java.nio.file.Path;

/** Supplies the passphrase of a passphrase-protected OpenSSH private key when it is needed. */
@FunctionalInterface
public interface PassphraseProvider {

    /** Provides no passphrase. */
    PassphraseProvider NONE = keyFile -> null;

    /**
     * @param keyFile the key file to decrypt
     * @return the passphrase (the caller wipes the array after use), or null when none is available
     */
    char[] passphrase(Path keyFile);
}
