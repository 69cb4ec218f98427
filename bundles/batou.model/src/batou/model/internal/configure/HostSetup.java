package batou.model.internal.configure;

import java.util.Map;

import batou.model.project.HostDeclaration;

/** A host with its settings resolved (environment settings, overridden per host, expressions expanded). */
record HostSetup(HostDeclaration declaration, String name, String fqdn, String platform, String connect,
        String serviceUser, String targetDirectory, String sshConfig, long agentLinger, Map<String, Object> data,
        HostContext context) {

    /** The same host with another target directory (e.g. {@code ~} replaced by the home), for expressions too. */
    HostSetup withTargetDirectory(String directory) {
        return new HostSetup(declaration, name, fqdn, platform, connect, serviceUser, directory, sshConfig,
                agentLinger, data, new HostContext(name, fqdn, platform, serviceUser, directory, data,
                        context.secretData()));
    }
}
