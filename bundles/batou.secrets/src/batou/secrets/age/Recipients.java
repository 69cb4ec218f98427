package batou.secrets.age;

import java.util.ArrayList;
import java.util.List;

/** Parses recipients (public keys) of any supported type. */
public final class Recipients {

    private Recipients() {
    }

    /**
     * @param line an {@code age1...} key or an OpenSSH public key line
     * @return the recipient
     * @throws AgeException if the key is malformed or of an unsupported type
     */
    public static AgeRecipient parse(String line) {
        String trimmed = line.strip();
        if (trimmed.startsWith("age1")) {
            return X25519Recipient.parse(trimmed);
        }
        String type = trimmed.split("\\s+", 2)[0];
        if (type.equals(SshEd25519Recipient.KEY_TYPE)) {
            return SshEd25519Recipient.parse(trimmed);
        }
        if (type.equals(SshRsaRecipient.KEY_TYPE)) {
            return SshRsaRecipient.parse(trimmed);
        }
        if (type.startsWith("ssh-") || type.startsWith("ecdsa-") || type.startsWith("sk-")) {
            throw new AgeException(type + " recipients are not supported yet (use ssh-ed25519, ssh-rsa or age1 keys)");
        }
        throw new AgeException("unknown recipient '" + abbreviate(trimmed)
                + "'; expected an age1... key or an ssh-ed25519 or ssh-rsa public key");
    }

    /**
     * Parses a recipients file: one recipient per line, blank lines and {@code #} comments ignored.
     *
     * @param text the file content
     * @return the recipients
     */
    public static List<AgeRecipient> parseAll(String text) {
        List<AgeRecipient> recipients = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String trimmed = line.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                recipients.add(parse(trimmed));
            }
        }
        return List.copyOf(recipients);
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
