package batou.agent.protocol;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import batou.agent.protocol.Message.Event;
import batou.agent.protocol.Message.Fatal;
import batou.agent.protocol.Message.FileData;
import batou.agent.protocol.Message.Finish;
import batou.agent.protocol.Message.Finished;
import batou.agent.protocol.Message.Refused;
import batou.agent.protocol.Message.RootDone;
import batou.agent.protocol.Message.RunRoot;
import batou.agent.protocol.Message.Start;
import batou.agent.protocol.Message.Started;
import batou.engine.RootResult;

/**
 * A {@link Message} as bytes and back: a tag for its kind, then its fields in a fixed order. Controller and agent
 * are always the same build (the agent jar is named by its hash), so there is no version negotiation; what does not
 * read as a message is refused with an {@link IOException}.
 */
public final class MessageCodec {

    private static final int START = 1;
    private static final int FILE_DATA = 2;
    private static final int RUN_ROOT = 3;
    private static final int FINISH = 4;
    private static final int STARTED = 5;
    private static final int REFUSED = 6;
    private static final int EVENT = 7;
    private static final int ROOT_DONE = 8;
    private static final int FINISHED = 9;
    private static final int FATAL = 10;

    private MessageCodec() {
    }

    public static byte[] encode(Message message) {
        WireOutput out = new WireOutput();
        if (message instanceof Start m) {
            out.tag(START);
            PlanCodec.write(out, m.info());
            PlanCodec.write(out, m.host());
            out.count(m.files().size());
            for (ProjectFile file : m.files()) {
                out.string(file.path());
                out.string(file.sha256());
                out.integer(file.mode());
            }
        } else if (message instanceof FileData m) {
            out.tag(FILE_DATA);
            out.string(m.sha256());
            out.bytes(m.content());
        } else if (message instanceof RunRoot m) {
            out.tag(RUN_ROOT);
            out.string(m.component());
        } else if (message instanceof Finish m) {
            out.tag(FINISH);
            out.count(m.results().size());
            for (RootResult result : m.results()) {
                EventCodec.write(out, result);
            }
        } else if (message instanceof Started m) {
            out.tag(STARTED);
            out.string(m.version());
            out.strings(m.missing());
        } else if (message instanceof Refused m) {
            out.tag(REFUSED);
            out.string(m.message());
        } else if (message instanceof Event m) {
            out.tag(EVENT);
            EventCodec.write(out, m.event());
        } else if (message instanceof RootDone m) {
            out.tag(ROOT_DONE);
            out.string(m.component());
            out.bool(m.changed());
            EventCodec.write(out, m.failedPath());
            out.string(m.failure());
        } else if (message instanceof Finished) {
            out.tag(FINISHED);
        } else if (message instanceof Fatal m) {
            out.tag(FATAL);
            out.string(m.message());
        } else {
            throw new IllegalArgumentException("no wire form for " + message.getClass().getName());
        }
        return out.toByteArray();
    }

    public static Message decode(byte[] bytes) throws IOException {
        WireInput in = new WireInput(bytes);
        Message message = read(in);
        in.end();
        return message;
    }

    private static Message read(WireInput in) throws IOException {
        int tag = in.tag();
        switch (tag) {
            case START: {
                var info = PlanCodec.readInfo(in);
                var host = PlanCodec.readHost(in);
                int count = in.count();
                List<ProjectFile> files = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    files.add(new ProjectFile(in.text(), in.string(), in.integer()));
                }
                return new Start(info, host, files);
            }
            case FILE_DATA:
                return new FileData(in.text(), in.bytes());
            case RUN_ROOT:
                return new RunRoot(in.text());
            case FINISH: {
                int count = in.count();
                List<RootResult> results = new ArrayList<>(count);
                for (int i = 0; i < count; i++) {
                    results.add(EventCodec.readResult(in));
                }
                return new Finish(results);
            }
            case STARTED:
                return new Started(in.string(), in.strings());
            case REFUSED:
                return new Refused(in.string());
            case EVENT:
                return new Event(EventCodec.readEvent(in));
            case ROOT_DONE:
                return new RootDone(in.string(), in.bool(), EventCodec.readPath(in), in.string());
            case FINISHED:
                return new Finished();
            case FATAL:
                return new Fatal(in.string());
            default:
                throw in.malformed("unknown message tag " + tag);
        }
    }
}
