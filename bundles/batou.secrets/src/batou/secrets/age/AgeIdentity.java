package batou.secrets.age;

import java.util.Optional;

/**
 * A private key that can unwrap the file key of an age file from a recipient stanza addressed to it.
 */
public interface AgeIdentity {

    /**
     * Tries to unwrap the file key from one stanza.
     *
     * @param stanza a recipient stanza from the file header
     * @return the 16-byte file key, or empty if the stanza is not of this identity's type or not addressed to it
     * @throws AgeException if the stanza is of this identity's type but malformed
     */
    Optional<byte[]> unwrap(Stanza stanza);
}
