package batou.ssh;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.IdentityRepository;
import com.jcraft.jsch.JSch;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.SSHAgentConnector;
import com.jcraft.jsch.UnixDomainSocketFactory;

import batou.engine.parts.Reasons;

/**
 * The keys offered to one host: its key files without passphrase, then the keys of the ssh-agent. Remembers what it
 * offered and what it skipped, for the message when no key was accepted.
 */
final class Identities implements IdentityRepository {

    private final List<Identity> files;
    private final List<String> fileNames;
    private final List<String> skipped;
    private final AgentIdentityRepository agent;
    private final String agentSocket;
    private volatile int agentKeys = -1;

    private Identities(List<Identity> files, List<String> fileNames, List<String> skipped,
            AgentIdentityRepository agent, String agentSocket) {
        this.files = files;
        this.fileNames = fileNames;
        this.skipped = skipped;
        this.agent = agent;
        this.agentSocket = agentSocket;
    }

    /**
     * Loads the key files of {@code config} and connects to the agent.
     *
     * @param agentSocket the agent's socket, {@code null} for none
     */
    static Identities load(HostConfig config, String agentSocket) {
        List<Identity> files = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Path file : config.identityFiles()) {
            if (!Files.exists(file)) {
                if (config.identityFilesConfigured()) {
                    skipped.add(file + " (it does not exist)");
                }
                continue;
            }
            try {
                JSch loader = new JSch();
                loader.setInstanceLogger(NoLogs.INSTANCE);
                loader.addIdentity(file.toString(), null, null);
                Identity identity = loader.getIdentityRepository().getIdentities().get(0);
                if (identity.isEncrypted()) {
                    skipped.add(file + " (it has a passphrase: add it to the ssh-agent with ssh-add)");
                } else {
                    files.add(identity);
                    names.add(file.toString());
                }
            } catch (JSchException | RuntimeException e) {
                String reason = Reasons.known(e);
                skipped.add(file + " (" + (reason != null ? reason
                        : "it is not a private key batou can read: OpenSSH or PEM format") + ")");
            }
        }
        if (files.isEmpty() && skipped.isEmpty() && !config.identityFilesConfigured()) {
            skipped.add("the default keys ~/.ssh/id_ed25519, id_ecdsa, id_rsa (none exists)");
        }
        AgentIdentityRepository agent = null;
        if (agentSocket != null && !config.identitiesOnly()) {
            try {
                agent = new AgentIdentityRepository(
                        new SSHAgentConnector(new UnixDomainSocketFactory(), Path.of(agentSocket)));
            } catch (AgentProxyException e) {
                skipped.add("the ssh-agent (" + Reasons.of(e) + ")");
            }
        }
        return new Identities(List.copyOf(files), List.copyOf(names), skipped, agent, agentSocket);
    }

    @Override
    public Vector<Identity> getIdentities() {
        Vector<Identity> identities = new Vector<>(files);
        if (agent != null) {
            Vector<Identity> agentIdentities = agent.getIdentities();
            agentKeys = agentIdentities.size();
            identities.addAll(agentIdentities);
        }
        return identities;
    }

    /** What was offered and skipped: {@code tried: /root/.ssh/id_ed25519, ssh-agent with 2 keys; skipped: ...}. */
    String describe() {
        List<String> tried = new ArrayList<>(fileNames);
        List<String> notes = new ArrayList<>(skipped);
        if (agent != null) {
            if (agentKeys > 0) {
                tried.add("ssh-agent with " + agentKeys + (agentKeys == 1 ? " key" : " keys"));
            } else if (agent.getStatus() == RUNNING) {
                notes.add("the ssh-agent at " + agentSocket + " (it has no keys: add one with ssh-add)");
            } else {
                notes.add("the ssh-agent at " + agentSocket + " (it does not answer)");
            }
        }
        if (tried.isEmpty() && agent == null) {
            notes.add("the ssh-agent (none is used)");
        }
        String description = "tried: " + (tried.isEmpty() ? "no key" : String.join(", ", tried));
        return notes.isEmpty() ? description : description + "; skipped: " + String.join(", ", notes);
    }

    @Override
    public String getName() {
        return "batou";
    }

    @Override
    public int getStatus() {
        return RUNNING;
    }

    @Override
    public boolean add(byte[] identity) {
        return false;
    }

    @Override
    public boolean remove(byte[] blob) {
        return false;
    }

    @Override
    public void removeAll() {
        // the keys belong to their files and to the agent
    }
}
