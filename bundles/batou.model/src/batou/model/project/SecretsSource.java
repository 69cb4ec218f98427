package batou.model.project;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Decrypts an environment's secrets file ({@code environments/<env>/secrets.age}) and its secret files for the loader. The model knows
 * nothing of encryption: the command line and the workbench pass an implementation backed by the secrets vault.
 */
@FunctionalInterface
public interface SecretsSource {

    /**
     * The plaintext of {@code file}: the YAML of secrets.age, or the bytes of a secret file.
     *
     * @throws IOException with a message for people (which identities were tried, what is wrong with the file)
     */
    byte[] decrypt(Path file) throws IOException;
}
