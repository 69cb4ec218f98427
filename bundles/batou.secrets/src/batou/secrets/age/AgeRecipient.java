package batou.secrets.age;

/**
 * A public key an age file can be encrypted to: it wraps the file key into a recipient stanza.
 */
public interface AgeRecipient {

    /**
     * @param fileKey the 16-byte file key
     * @return a stanza only the matching identity can unwrap
     */
    Stanza wrap(byte[] fileKey);
}
