package batou.cli;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * batou's command line in a child JVM on a plain class path, as the product's {@code batou} launcher runs it, in a
 * session of its own ({@code setsid}): for what only a real process shows, such as Ctrl-C (SIGINT to the whole
 * process group, as a terminal sends it) and kill -9. The class path is gathered from the bundles of this test
 * runtime, one jar per class the launcher's jars hold.
 */
final class CliProcess {

    /** One class of each jar the launcher puts on the class path. */
    private static final List<String> ANCHORS = List.of("batou.cli.Cli", "batou.engine.RootDeployer",
            "batou.lib.LibraryPartTypes", "batou.model.plan.HostPlan", "batou.agent.remote.AgentMain",
            "batou.ssh.SshTransport", "batou.template.Template", "batou.secrets.SecretsVault", "com.jcraft.jsch.JSch",
            "org.yaml.snakeyaml.Yaml", "com.googlecode.javaewah.EWAHCompressedBitmap",
            "org.apache.commons.codec.digest.DigestUtils", "org.slf4j.LoggerFactory", "org.eclipse.jgit.api.Git");

    private CliProcess() {
    }

    /** Starts {@code batou arguments...} with these environment variables; output goes to the given files. */
    static Process start(Path directory, Map<String, String> environment, Path out, Path err, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC", "-cp", classPath(), Cli.class.getName()));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);
        return builder.start();
    }

    private static String classPath() {
        Set<String> jars = new LinkedHashSet<>();
        Bundle[] bundles = FrameworkUtil.getBundle(Cli.class).getBundleContext().getBundles();
        for (String anchor : ANCHORS) {
            jars.add(jarOf(anchor, bundles).toString());
        }
        return String.join(":", jars);
    }

    private static Path jarOf(String className, Bundle[] bundles) {
        String entry = className.replace('.', '/') + ".class";
        for (Bundle bundle : bundles) {
            if (bundle.getBundleId() != 0 && bundle.getEntry(entry) != null) {
                try {
                    return Path.of(bundle.loadClass(className).getProtectionDomain().getCodeSource().getLocation()
                            .toURI());
                } catch (ClassNotFoundException | URISyntaxException e) {
                    throw new IllegalStateException("cannot locate " + className, e);
                }
            }
        }
        throw new IllegalStateException("no bundle of this test runtime holds " + className);
    }
}
