package batou.agent;

import java.io.FileDescriptor;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.time.Clock;

import batou.agent.protocol.Frames;

/**
 * The agent: started by the controller on a target host as {@code java -jar agent-<hash>.jar}, it reads messages on
 * standard input and answers on standard output (nothing else may write there: {@code System.out} goes to standard
 * error), deploys the host's roots as told and exits. It lives for one deployment.
 */
public final class AgentMain {

    private AgentMain() {
    }

    public static void main(String[] args) {
        System.setProperty("slf4j.internal.verbosity", "ERROR");
        FileOutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(System.err);
        Frames frames = new Frames(new FileInputStream(FileDescriptor.in), protocolOut);
        int status = new AgentSession(frames, Clock.systemUTC()).run();
        System.err.flush();
        System.exit(status);
    }
}
