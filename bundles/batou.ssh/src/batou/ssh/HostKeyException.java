package batou.ssh;

import java.nio.file.Path;

/**
 * A host's key is not in known_hosts, or differs from the one recorded there. Host keys are always checked strictly:
 * an unknown key is only accepted when {@link SshSettings#acceptNewHostKeys()} is set, a changed or revoked key never.
 */
public final class HostKeyException extends SshException {

    private static final long serialVersionUID = 1L;

    /** What is wrong with the key. */
    public enum Kind {
        /** known_hosts has no key for the host. */
        UNKNOWN,
        /** known_hosts has another key for the host: a reinstalled host, or a man-in-the-middle attack. */
        CHANGED,
        /** known_hosts marks the key as {@code @revoked}. */
        REVOKED
    }

    private final Kind kind;
    private final String keyType;
    private final String fingerprint;
    private final Path knownHosts;

    HostKeyException(String host, Kind kind, String keyType, String fingerprint, Path knownHosts, String message) {
        super(host, message);
        this.kind = kind;
        this.keyType = keyType;
        this.fingerprint = fingerprint;
        this.knownHosts = knownHosts;
    }

    public Kind kind() {
        return kind;
    }

    /** The type of the key the host offered, e.g. {@code ssh-ed25519}. */
    public String keyType() {
        return keyType;
    }

    /** The fingerprint of the key the host offered as OpenSSH prints it: {@code SHA256:} and unpadded base64. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The known_hosts file to fix: where the key would be added, or where the conflicting entry is. */
    public Path knownHosts() {
        return knownHosts;
    }
}
