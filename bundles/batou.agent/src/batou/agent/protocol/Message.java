package batou.agent.protocol;

import java.util.List;

import batou.engine.DeploymentInfo;
import batou.engine.RootResult;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.PartPath;
import batou.model.plan.HostPlan;

/**
 * What the controller and an agent say to each other, one framed message at a time ({@link Frames}). A deployment
 * of a host is: {@link Start} → {@link Started} (or {@link Refused}); the {@link FileData} the agent lacks; then per
 * root {@link RunRoot} → {@link Event}s → {@link RootDone}; at last {@link Finish} → {@link Finished}.
 */
public sealed interface Message {

    /** Controller: deploy this host (its plan only) with these project files. */
    record Start(DeploymentInfo info, HostPlan host, List<ProjectFile> files) implements Message {
        public Start {
            files = List.copyOf(files);
        }
    }

    /** Controller: the content of a project file the agent asked for. */
    record FileData(String sha256, byte[] content) implements Message {
    }

    /** Controller: converge one root component of the host. */
    record RunRoot(String component) implements Message {
    }

    /** Controller: the deployment is over; record it (all roots of the host, including skipped ones) and exit. */
    record Finish(List<RootResult> results) implements Message {
        public Finish {
            results = List.copyOf(results);
        }
    }

    /** Agent: ready; these project files (by SHA-256) are not in its store yet. */
    record Started(String version, List<String> missing) implements Message {
        public Started {
            missing = List.copyOf(missing);
        }
    }

    /** Agent: will not deploy (e.g. another deployment holds the host's lock). */
    record Refused(String message) implements Message {
    }

    /** Agent: an event of the running root, as it happens. */
    record Event(DeploymentEvent event) implements Message {
    }

    /** Agent: a root is done. {@code failure} is null unless it failed at {@code failedPath}. */
    record RootDone(String component, boolean changed, PartPath failedPath, String failure) implements Message {
    }

    /** Agent: the record is written; the agent exits. */
    record Finished() implements Message {
    }

    /** Agent: something unexpected broke the agent; it exits. */
    record Fatal(String message) implements Message {
    }
}
