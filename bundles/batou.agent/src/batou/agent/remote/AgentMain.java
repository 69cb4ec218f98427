package batou.agent.remote;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import batou.agent.protocol.Frames;

/**
 * The agent: started by the controller on a target host as {@code java -jar agent-<hash>.jar}, it reads messages on
 * standard input and answers on standard output (nothing else may write there: {@code System.out} goes to standard
 * error), deploys the host's roots as told and exits. It lives for one deployment.
 * <p>
 * With {@code --serve SOCKET --linger SECONDS} it is a {@link LingeringAgent} instead: it takes deployments on the
 * Unix socket {@code SOCKET} until none came for {@code SECONDS}.
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        if (args.length == 4 && args[0].equals("--serve") && args[2].equals("--linger")) {
            System.setOut(System.err);
            int status = new LingeringAgent(Path.of(args[1]), Duration.ofSeconds(Long.parseLong(args[3])),
                    Clock.systemUTC()).serve();
            System.err.flush();
            System.exit(status);
        }
        if (args.length != 0) {
            System.err.println("usage: java -jar agent.jar [--serve SOCKET --linger SECONDS]");
            System.exit(2);
        }
        FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        Frames frames = new Frames(new FileInputStream(FileDescriptor.in), protocolOut);
        int status = new AgentSession(frames, Clock.systemUTC()).run();
        System.err.flush();
        System.exit(status);
    }
}
