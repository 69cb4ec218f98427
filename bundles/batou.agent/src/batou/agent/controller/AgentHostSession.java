package batou.agent.controller;

import java.io.IOException;
import java.util.List;

import batou.agent.protocol.Frames;
import batou.agent.protocol.Message;
import batou.agent.protocol.ProjectFile;
import batou.engine.DeploymentInfo;
import batou.engine.HostSession;
import batou.engine.HostSessionException;
import batou.engine.RootDeployer;
import batou.engine.RootResult;
import batou.engine.events.DeploymentListener;
import batou.model.plan.HostPlan;
import batou.model.plan.RootPlan;

/**
 * A host deployed by its agent, seen from the controller: sends the plan and the missing project files, then one
 * root at a time, passing the agent's events on as they arrive.
 */
public final class AgentHostSession implements HostSession {

    private final HostPlan host;
    private final AgentChannel channel;
    private final Frames frames;
    private final DeploymentListener listener;
    private final String agentVersion;

    private AgentHostSession(HostPlan host, AgentChannel channel, Frames frames, DeploymentListener listener,
            String agentVersion) {
        this.host = host;
        this.channel = channel;
        this.frames = frames;
        this.listener = listener;
        this.agentVersion = agentVersion;
    }

    /**
     * Starts the deployment of {@code host} on a running agent: the plan, then the files it lacks.
     *
     * @throws AgentUnavailableException when the agent ended without answering (see {@link AgentChannel#end})
     * @throws HostSessionException when it refused (locked) or failed
     */
    public static AgentHostSession start(HostPlan host, DeploymentInfo info, AgentChannel channel,
            ProjectFiles projectFiles, DeploymentListener listener) throws HostSessionException {
        Frames frames = new Frames(channel.in(), channel.out());
        try {
            List<ProjectFile> files = projectFiles.of(host);
            Message answer;
            try {
                frames.send(new Message.Start(info, host, files));
                answer = frames.receive();
                while (answer instanceof Message.Event event) {
                    listener.on(event.event()); // e.g. a warning about the lock
                    answer = frames.receive();
                }
            } catch (IOException e) {
                answer = null;
            }
            if (answer == null) {
                throw new AgentUnavailableException(channel.end());
            }
            if (answer instanceof Message.Refused refused) {
                throw new HostSessionException(refused.message());
            }
            if (!(answer instanceof Message.Started started)) {
                throw unexpected(host, answer);
            }
            for (String sha256 : started.missing()) {
                frames.send(new Message.FileData(sha256, projectFiles.content(sha256)));
            }
            return new AgentHostSession(host, channel, frames, listener, started.version());
        } catch (IOException e) {
            throw new HostSessionException("cannot start the deployment of host '" + host.name() + "': "
                    + e.getMessage(), e);
        } catch (HostSessionException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /** The version the agent reported. */
    public String agentVersion() {
        return agentVersion;
    }

    @Override
    public RootDeployer.Outcome deploy(RootPlan root) throws HostSessionException {
        try {
            frames.send(new Message.RunRoot(root.component()));
            while (true) {
                Message message = frames.receive();
                if (message instanceof Message.Event event) {
                    listener.on(event.event());
                } else if (message instanceof Message.RootDone done) {
                    return new RootDeployer.Outcome(done.changed(), done.failedPath(), done.failure());
                } else {
                    throw answerOrLost(message);
                }
            }
        } catch (IOException e) {
            throw lost(e);
        }
    }

    @Override
    public void finish(List<RootResult> results) throws HostSessionException {
        try {
            frames.send(new Message.Finish(results));
            Message message = frames.receive();
            while (message instanceof Message.Event event) {
                listener.on(event.event());
                message = frames.receive();
            }
            if (!(message instanceof Message.Finished)) {
                throw answerOrLost(message);
            }
            channel.awaitEnd();
        } catch (IOException e) {
            throw lost(e);
        }
    }

    private HostSessionException answerOrLost(Message message) {
        if (message == null) {
            return new HostSessionException("connection to host '" + host.name() + "' lost: "
                    + channel.end().description());
        }
        if (message instanceof Message.Fatal fatal) {
            return new HostSessionException("the agent on host '" + host.name() + "' failed: " + fatal.message());
        }
        return unexpected(host, message);
    }

    private HostSessionException lost(IOException e) {
        return new HostSessionException("connection to host '" + host.name() + "' lost (" + e.getMessage() + "): "
                + channel.end().description(), e);
    }

    private static HostSessionException unexpected(HostPlan host, Message message) {
        return new HostSessionException("the agent on host '" + host.name() + "' answered "
                + message.getClass().getSimpleName() + " out of turn");
    }

    @Override
    public void close() {
        channel.close();
    }
}
