package batou.agent.protocol;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import batou.engine.RootResult;
import batou.engine.RootStatus;
import batou.engine.events.DeploymentEvent;
import batou.engine.events.DeploymentEvent.HostFailed;
import batou.engine.events.DeploymentEvent.HostFinished;
import batou.engine.events.DeploymentEvent.HostStarted;
import batou.engine.events.DeploymentEvent.PartChanged;
import batou.engine.events.DeploymentEvent.RootFailed;
import batou.engine.events.DeploymentEvent.RootFinished;
import batou.engine.events.DeploymentEvent.RootSkipped;
import batou.engine.events.DeploymentEvent.RootStarted;
import batou.engine.events.DeploymentEvent.Warning;
import batou.engine.events.PartPath;
import batou.engine.parts.Change;

/** Deployment events, their changes and root results on the wire, field by field (see {@link WireOutput}). */
final class EventCodec {

    private static final int HOST_STARTED = 1;
    private static final int ROOT_STARTED = 2;
    private static final int PART_CHANGED = 3;
    private static final int ROOT_FINISHED = 4;
    private static final int ROOT_FAILED = 5;
    private static final int ROOT_SKIPPED = 6;
    private static final int WARNING = 7;
    private static final int HOST_FAILED = 8;
    private static final int HOST_FINISHED = 9;

    private static final int CONTENT = 1;
    private static final int PROPERTY = 2;
    private static final int COMMAND = 3;
    private static final int OTHER = 4;

    private static final RootStatus[] STATUSES = RootStatus.values();

    private EventCodec() {
    }

    static void write(WireOutput out, DeploymentEvent event) {
        if (event instanceof HostStarted) {
            out.tag(HOST_STARTED);
        } else if (event instanceof RootStarted) {
            out.tag(ROOT_STARTED);
        } else if (event instanceof PartChanged) {
            out.tag(PART_CHANGED);
        } else if (event instanceof RootFinished) {
            out.tag(ROOT_FINISHED);
        } else if (event instanceof RootFailed) {
            out.tag(ROOT_FAILED);
        } else if (event instanceof RootSkipped) {
            out.tag(ROOT_SKIPPED);
        } else if (event instanceof Warning) {
            out.tag(WARNING);
        } else if (event instanceof HostFailed) {
            out.tag(HOST_FAILED);
        } else if (event instanceof HostFinished) {
            out.tag(HOST_FINISHED);
        } else {
            throw new IllegalArgumentException("no wire form for " + event.getClass().getName());
        }
        out.instant(event.time());
        out.string(event.host());
        if (event instanceof RootStarted e) {
            out.string(e.component());
        } else if (event instanceof PartChanged e) {
            out.string(e.component());
            write(out, e.path());
            out.count(e.changes().size());
            for (Change change : e.changes()) {
                write(out, change);
            }
        } else if (event instanceof RootFinished e) {
            out.string(e.component());
            out.bool(e.changed());
            out.longValue(e.millis());
        } else if (event instanceof RootFailed e) {
            out.string(e.component());
            write(out, e.path());
            out.string(e.message());
            out.longValue(e.millis());
        } else if (event instanceof RootSkipped e) {
            out.string(e.component());
            out.string(e.reason());
        } else if (event instanceof Warning e) {
            out.string(e.component());
            out.string(e.message());
        } else if (event instanceof HostFailed e) {
            out.string(e.message());
        } else if (event instanceof HostFinished e) {
            out.integer(e.changed());
            out.integer(e.unchanged());
            out.integer(e.failed());
            out.integer(e.skipped());
            out.longValue(e.millis());
        }
    }

    static DeploymentEvent readEvent(WireInput in) throws IOException {
        int tag = in.tag();
        Instant time = in.instant();
        String host = in.string();
        switch (tag) {
            case HOST_STARTED:
                return new HostStarted(time, host);
            case ROOT_STARTED:
                return new RootStarted(time, host, in.string());
            case PART_CHANGED: {
                String component = in.string();
                PartPath path = requiredPath(in);
                int count = in.count();
                List<Change> changes = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    changes.add(readChange(in));
                }
                return new PartChanged(time, host, component, path, changes);
            }
            case ROOT_FINISHED:
                return new RootFinished(time, host, in.string(), in.bool(), in.longValue());
            case ROOT_FAILED:
                return new RootFailed(time, host, in.string(), requiredPath(in), in.string(), in.longValue());
            case ROOT_SKIPPED:
                return new RootSkipped(time, host, in.string(), in.string());
            case WARNING:
                return new Warning(time, host, in.string(), in.string());
            case HOST_FAILED:
                return new HostFailed(time, host, in.string());
            case HOST_FINISHED:
                return new HostFinished(time, host, in.integer(), in.integer(), in.integer(), in.integer(),
                        in.longValue());
            default:
                throw in.malformed("unknown event tag " + tag);
        }
    }

    private static void write(WireOutput out, Change change) {
        if (change instanceof Change.Content c) {
            out.tag(CONTENT);
            out.string(c.path());
            out.string(c.before());
            out.string(c.after());
            out.bool(c.sensitive());
        } else if (change instanceof Change.Property c) {
            out.tag(PROPERTY);
            out.string(c.path());
            out.string(c.property());
            out.string(c.before());
            out.string(c.after());
        } else if (change instanceof Change.Command c) {
            out.tag(COMMAND);
            out.string(c.display());
        } else if (change instanceof Change.Other c) {
            out.tag(OTHER);
            out.string(c.description());
        } else {
            throw new IllegalArgumentException("no wire form for " + change.getClass().getName());
        }
    }

    private static Change readChange(WireInput in) throws IOException {
        int tag = in.tag();
        switch (tag) {
            case CONTENT:
                return new Change.Content(in.string(), in.string(), in.string(), in.bool());
            case PROPERTY:
                return new Change.Property(in.string(), in.string(), in.string(), in.string());
            case COMMAND:
                return new Change.Command(in.string());
            case OTHER:
                return new Change.Other(in.string());
            default:
                throw in.malformed("unknown change tag " + tag);
        }
    }

    /** A part path as its segments; null as none (a path has at least one). */
    static void write(WireOutput out, PartPath path) {
        out.strings(path == null ? List.of() : path.segments());
    }

    /** A part path written by {@link #write(WireOutput, PartPath)}, or null. */
    static PartPath readPath(WireInput in) throws IOException {
        List<String> segments = in.strings();
        return segments.isEmpty() ? null : new PartPath(segments);
    }

    private static PartPath requiredPath(WireInput in) throws IOException {
        PartPath path = readPath(in);
        if (path == null) {
            throw in.malformed("an event without its part path");
        }
        return path;
    }

    static void write(WireOutput out, RootResult result) {
        PlanCodec.write(out, result.id());
        out.tag(result.status().ordinal());
        out.string(result.message());
        out.longValue(result.millis());
    }

    static RootResult readResult(WireInput in) throws IOException {
        var id = PlanCodec.readRootId(in);
        int status = in.tag();
        if (status >= STATUSES.length || !STATUSES[status].finished()) {
            throw in.malformed("unknown root status " + status);
        }
        return new RootResult(id, STATUSES[status], in.string(), in.longValue());
    }
}
