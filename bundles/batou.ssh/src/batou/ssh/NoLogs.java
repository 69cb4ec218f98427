package batou.ssh;

import com.jcraft.jsch.Logger;

/** JSch's log, switched off: it would show protocol details to users and may name keys. */
final class NoLogs implements Logger {

    static final NoLogs INSTANCE = new NoLogs();

    private NoLogs() {
    }

    @Override
    public boolean isEnabled(int level) {
        return false;
    }

    @Override
    public void log(int level, String message) {
        // nothing
    }
}
