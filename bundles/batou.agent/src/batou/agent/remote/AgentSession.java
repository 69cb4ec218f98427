package batou.agent.remote;

import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

import batou.agent.protocol.Frames;
import batou.agent.protocol.Message;
import batou.agent.protocol.ProjectFile;
import batou.engine.HostSessionException;
import batou.engine.LocalHostSession;
import batou.engine.RootDeployer;
import batou.engine.parts.ExecutablePartTypes;
import batou.lib.LibraryPartTypes;
import batou.model.BatouVersion;
import batou.model.plan.RootPlan;

/**
 * One deployment of a host by the agent: the conversation of {@link Message} with the controller. Messages are read
 * on a thread of their own, so that when the controller goes away (the connection drops) the running root stops
 * before its next part and the agent exits, releasing the host's lock.
 */
final class AgentSession {

    /** Exit status when the controller went away before the end. */
    static final int CONTROLLER_GONE = 3;
    /** Exit status when the conversation made no sense or the agent broke. */
    static final int BROKEN = 4;

    private static final Message END = new Message.Fatal("end of input");

    private final Frames frames;
    private final Clock clock;
    private final BlockingQueue<Message> inbox = new LinkedBlockingQueue<>();
    private volatile LocalHostSession session;
    private volatile boolean ended;

    AgentSession(Frames frames, Clock clock) {
        this.frames = frames;
        this.clock = clock;
    }

    int run() {
        Thread reader = new Thread(this::read, "batou-agent-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            int status = converse();
            ended = true;
            return status;
        } catch (IOException e) {
            return CONTROLLER_GONE; // cannot even answer
        } catch (InterruptedException e) {
            return CONTROLLER_GONE;
        } catch (RuntimeException e) {
            trySend(new Message.Fatal("the agent failed: " + e));
            e.printStackTrace();
            return BROKEN;
        } finally {
            if (session != null) {
                session.close();
            }
        }
    }

    private void read() {
        try {
            Message message;
            while ((message = frames.receive()) != null) {
                inbox.add(message);
            }
        } catch (IOException e) {
            if (!ended) { // else the session closed the connection under this thread on its way out
                System.err.println("batou agent: the connection to the controller broke off: " + reason(e));
            }
        }
        LocalHostSession running = session;
        if (running != null) {
            running.controllerLost("the connection to the controller was lost; stopped before this part");
        }
        inbox.add(END);
    }

    /** What went wrong with a connection or file, for the agent's log: never "null", never a class name. */
    static String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? "it was closed" : e.getMessage();
    }

    private int converse() throws IOException, InterruptedException {
        Message first = inbox.take();
        if (!(first instanceof Message.Start start)) {
            return first == END ? CONTROLLER_GONE : unexpected(first);
        }
        java.nio.file.Path state = LocalHostSession.stateDirectory(start.host());
        FileStore store = new FileStore(state.resolve("files"));
        ProjectTree tree = new ProjectTree(state.resolve("trees"), start.files());
        ExecutablePartTypes types = new ExecutablePartTypes(
                LibraryPartTypes.registry());
        try {
            session = LocalHostSession.open(start.host(), start.info(), types, tree::resolve,
                    event -> trySend(new Message.Event(event)), clock);
        } catch (HostSessionException e) {
            frames.send(new Message.Refused(e.getMessage()));
            return 0;
        }
        Set<String> missing = new LinkedHashSet<>();
        for (ProjectFile file : start.files()) {
            if (!file.directory() && !store.has(file.sha256())) {
                missing.add(file.sha256());
            }
        }
        frames.send(new Message.Started(BatouVersion.current().toString(), List.copyOf(missing)));
        boolean treeReady = false;
        while (true) {
            Message message = inbox.take();
            if (message == END) {
                return CONTROLLER_GONE;
            } else if (message instanceof Message.FileData data) {
                try {
                    store.put(data.sha256(), data.content());
                } catch (IOException e) {
                    return fatal("cannot store a project file in " + state.resolve("files") + ": " + e.getMessage());
                }
            } else if (message instanceof Message.RunRoot run) {
                RootPlan root = start.host().root(run.component());
                if (root == null) {
                    return unexpected(run);
                }
                if (!treeReady) {
                    try {
                        tree.materialize(store);
                    } catch (IOException e) {
                        return fatal("cannot lay out the project files in " + state.resolve("trees") + ": " + e);
                    }
                    treeReady = true;
                }
                RootDeployer.Outcome outcome = session.deploy(root);
                frames.send(new Message.RootDone(run.component(), outcome.changed(), outcome.failedPath(),
                        outcome.failure()));
            } else if (message instanceof Message.Finish finish) {
                try {
                    session.finish(finish.results());
                    if (!start.info().predict()) {
                        tree.pruneOthers();
                    }
                } catch (HostSessionException e) {
                    frames.send(new Message.Fatal(e.getMessage()));
                    return BROKEN;
                }
                frames.send(new Message.Finished());
                return 0;
            } else {
                return unexpected(message);
            }
        }
    }

    private int fatal(String message) {
        trySend(new Message.Fatal(message));
        return BROKEN;
    }

    private int unexpected(Message message) {
        trySend(new Message.Fatal("unexpected message " + message.getClass().getSimpleName()));
        return BROKEN;
    }

    private void trySend(Message message) {
        try {
            frames.send(message);
        } catch (IOException e) {
            // the controller is gone: the reader sees the end and stops the deployment
        }
    }
}
