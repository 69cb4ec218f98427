package batou.ssh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;

import batou.engine.parts.Reasons;

/**
 * Strict host key checking for one connection attempt, as JSch's host key repository: a known key passes, an unknown
 * one only with {@code acceptNew} (and is then recorded), a changed or revoked one never. JSch turns a refusal into an
 * exception of its own; {@link #refusal()} has the one to show instead.
 */
final class HostKeyCheck implements HostKeyRepository {

    private final KnownHostsFiles knownHosts;
    private final Target target;
    private final boolean acceptNew;
    private volatile SshException refusal;

    HostKeyCheck(KnownHostsFiles knownHosts, Target target, boolean acceptNew) {
        this.knownHosts = knownHosts;
        this.target = target;
        this.acceptNew = acceptNew;
    }

    /** Why the host's key was refused, {@code null} when it was not. */
    SshException refusal() {
        return refusal;
    }

    @Override
    public int check(String jschName, byte[] blob) {
        HostPublicKey key;
        try {
            key = HostPublicKey.of(blob);
        } catch (IllegalArgumentException e) {
            refusal = new SshException(target.alias(), target + " sent a host key that is not one: " + e.getMessage());
            return NOT_INCLUDED;
        }
        String name = target.config().knownHostsName();
        try {
            KnownHostsFiles.Verdict verdict = knownHosts.check(name, key);
            if (verdict.status() == KnownHostsFiles.Status.UNKNOWN && acceptNew) {
                verdict = knownHosts.add(name, key, target.config().hashKnownHosts());
            }
            if (verdict.status() == KnownHostsFiles.Status.KNOWN) {
                return OK;
            }
            refusal = refusal(verdict, key);
            return verdict.status() == KnownHostsFiles.Status.UNKNOWN ? NOT_INCLUDED : CHANGED;
        } catch (IOException e) {
            refusal = new SshException(target.alias(), "cannot check the host key of " + target + ": cannot read or "
                    + "write " + knownHosts.writable() + " (" + Reasons.of(e) + "). Fix the file or its permissions.",
                    e);
            return NOT_INCLUDED;
        }
    }

    private HostKeyException refusal(KnownHostsFiles.Verdict verdict, HostPublicKey key) {
        String offered = key.type() + " " + key.fingerprint();
        String name = target.config().knownHostsName();
        return switch (verdict.status()) {
            case UNKNOWN -> new HostKeyException(target.alias(), HostKeyException.Kind.UNKNOWN, key.type(),
                    key.fingerprint(), knownHosts.writable(), "host key of " + target + " is unknown: " + offered
                            + ". Check the fingerprint, then accept it with --accept-new-host-keys, or add it"
                            + " yourself: " + keyscan(key));
            case CHANGED, OTHER_TYPES -> new HostKeyException(target.alias(), HostKeyException.Kind.CHANGED,
                    key.type(), key.fingerprint(), verdict.file(), "WARNING: the host key of " + target
                            + " has CHANGED: it offers " + offered + ", but " + where(verdict) + " has "
                            + (verdict.status() == KnownHostsFiles.Status.CHANGED ? "another key"
                                    : "only a key of another type (" + String.join(", ", verdict.otherTypes())
                                            + ")")
                            + " for it. This is a possible man-in-the-middle attack (someone may be eavesdropping),"
                            + " or the host got a new key, e.g. when it was reinstalled. batou does not connect to"
                            + " it. If the change is expected, remove the old key: ssh-keygen -R " + quoted(name)
                            + " -f " + verdict.file() + ", then check the new fingerprint and accept it with"
                            + " --accept-new-host-keys");
            case REVOKED -> new HostKeyException(target.alias(), HostKeyException.Kind.REVOKED, key.type(),
                    key.fingerprint(), verdict.file(), "WARNING: the host key of " + target + " (" + offered
                            + ") is marked @revoked in " + where(verdict) + ": someone may be using a stolen key."
                            + " batou does not connect to it. Ask the host's administrator for its current key");
            case KNOWN -> throw new IllegalStateException("a known key is no refusal");
        };
    }

    private static String where(KnownHostsFiles.Verdict verdict) {
        return verdict.file() + " line " + verdict.line();
    }

    private static String quoted(String name) {
        return name.startsWith("[") ? "\"" + name + "\"" : name;
    }

    /** The command that adds the host's key of this type to known_hosts. */
    private String keyscan(HostPublicKey key) {
        HostConfig config = target.config();
        String command = "ssh-keyscan" + (config.port() == 22 ? "" : " -p " + config.port()) + " -t "
                + key.keyscanType() + " " + config.hostName();
        if (config.hostKeyAlias() != null) {
            command += " | sed 's/^[^ ]*/" + config.knownHostsName() + "/'";
        }
        if (target.via() != null) {
            command = target.viaSsh() + " " + command;
        }
        return command + " >> " + knownHosts.writable();
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // keys are added in check(), so that concurrent connections cannot corrupt known_hosts
    }

    @Override
    public void remove(String host, String type) {
        // batou never removes keys: the user does, with ssh-keygen -R
    }

    @Override
    public void remove(String host, String type, byte[] key) {
        // batou never removes keys: the user does, with ssh-keygen -R
    }

    @Override
    public String getKnownHostsRepositoryID() {
        Path file = knownHosts.writable();
        return file == null ? null : file.toString();
    }

    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    /** The host's recorded keys, so that JSch asks the host for a key of a type known_hosts has. */
    @Override
    public HostKey[] getHostKey(String jschName, String type) {
        List<HostKey> keys = new ArrayList<>();
        try {
            for (HostPublicKey key : knownHosts.keys(target.config().knownHostsName())) {
                if (type == null || type.equals(key.type())) {
                    try {
                        keys.add(new HostKey(jschName, key.blob()));
                    } catch (JSchException typeUnknownToJsch) {
                        // JSch cannot prefer it then
                    }
                }
            }
        } catch (IOException unreadable) {
            // check() reports it
        }
        return keys.toArray(HostKey[]::new);
    }
}
