package batou.ssh.deploy;

import batou.agent.controller.AgentEnd;
import batou.engine.processes.ProcessIdentity;

/**
 * The shell commands the controller runs on a target (POSIX sh): start the agent, upload it, read the record. Paths
 * of the plan become shell words ({@code ~/x} is {@code "$HOME"/'x'}); with a service user every command runs
 * through {@code sudo -n -H -u USER}.
 */
final class RemoteShell {

    /** Exit status of the start command when the target lacks this agent. */
    static final int AGENT_MISSING = 97;

    /** Exit status of the start command when the target's agent jar does not match its SHA-256 (damaged). */
    static final int AGENT_DAMAGED = 98;

    /**
     * JVM options of the agent: quick start-up, small footprint; it runs for one deployment. Only C1, compiling
     * only what is really hot (a no-op deploy runs most code a few times). The JVM's own messages go to stderr,
     * never into the protocol on stdout, and none about the class-data archive (one the JVM cannot use is ignored).
     */
    static final String AGENT_JVM = "-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -XX:+UseSerialGC"
            + " -XX:-UsePerfData -Xshare:auto -Xlog:disable '-Xlog:all=warning,cds*=off:stderr'"
            + " -Dslf4j.internal.verbosity=ERROR";

    /**
     * Why a command of this class failed, from its exit status and error output (the one place that reads them):
     * the start command's own statuses, sudo refusing the service user, the shell or the JVM lacking Java 17.
     *
     * @param status the exit status, null when the command did not end
     * @param stderr the end of its error output
     * @param description what failed, in words, with the status and error output
     */
    static AgentEnd end(Integer status, String stderr, String description) {
        AgentEnd.Reason reason;
        if (status != null && status == AGENT_MISSING) {
            reason = AgentEnd.Reason.MISSING;
        } else if (status != null && status == AGENT_DAMAGED) {
            reason = AgentEnd.Reason.DAMAGED;
        } else if (stderr.contains("sudo:")) {
            reason = AgentEnd.Reason.SUDO_REFUSED;
        } else if (status != null && status == 127 || stderr.contains("java: not found")
                || stderr.contains("java: command not found")) {
            reason = AgentEnd.Reason.NO_JAVA;
        } else if (stderr.contains("UnsupportedClassVersionError")) {
            reason = AgentEnd.Reason.OLD_JAVA;
        } else {
            reason = AgentEnd.Reason.ENDED;
        }
        return new AgentEnd(reason, description);
    }

    private static final String HOME = "printf '%s\\n' \"$HOME\"";

    /** The marker of a host whose sshd does not connect us to the lingering agent's socket. */
    static final String UNREACHABLE_MARKER = "unreachable";

    /** The longest socket path the agent binds (Linux allows 107 bytes). */
    static final int MAX_SOCKET_PATH = 100;

    /**
     * Finds Java ({@code $j}, exit 127 when there is none) and its key ({@code $k}: a checksum of the java
     * binary's real path and time), which names the class-data archives and sockets made with it.
     */
    private static final String JAVA_KEY = "j=$(command -v java) || { echo 'java: not found' >&2; exit 127; }"
            + "; k=$( { readlink -f \"$j\"; stat -L -c %Y \"$j\"; } 2>/dev/null | cksum | cut -d' ' -f1)";

    /**
     * Whether the lingering agent of the socket {@code $p} runs: its pid file names a process with that pid and
     * start time (a pid alone may have been reused by another process since that agent was killed).
     */
    private static final String LINGERING_AGENT_RUNS = "{ " + ProcessIdentity.SHELL_CHECK + "; read -r x < \"$p.pid\""
            + " && alive \"${x%%-*}\" \"${x#*-}\"; } 2>/dev/null";

    private final String serviceUser;
    private final String stateDirectory;
    private final String runDirectory;

    /** Commands for {@code targetDirectory}, run as {@code serviceUser} (null: the login user). */
    RemoteShell(String targetDirectory, String serviceUser) {
        this.serviceUser = serviceUser;
        this.stateDirectory = word(targetDirectory) + "/.batou";
        this.runDirectory = stateDirectory + "/run";
    }

    /**
     * Starts the agent, or exits with {@link #AGENT_MISSING} when its jar is not there, with {@link #AGENT_DAMAGED}
     * when its content does not match {@code sha256} (truncated by a full disk, changed by hand: it is checked on
     * every start, which costs a few tens of milliseconds against the JVM's start); with 127 when there is no
     * Java (checked first: no upload to a host that cannot run it). The first run of an agent with a Java records
     * the classes it loads in a class-data archive beside the jar ({@code agent-<sha256>.jar.<java>.jsa}, AppCDS,
     * named after the java binary's path and time, so an upgraded Java writes a new one); later runs map it and
     * start faster.
     * <p>
     * After an agent that ended well: with {@link Linger#START}, a lingering agent is started in the background for
     * the next deployments ({@link #findLingeringAgent}): it listens on {@code socketName} (+ the Java's key) in
     * {@code .batou/run} (mode 700), writes its pid beside it and exits after {@code lingerSeconds} without a
     * deployment (not when the socket's path would be too long for a Unix socket, nor without {@code setsid}).
     * With {@link Linger#UNREACHABLE}, when the lingering agent still runs, a marker in {@code .batou/run} records
     * for a day that sshd does not connect us to it.
     */
    String startAgent(String jarName, String sha256, String socketName, Linger linger, long lingerSeconds) {
        String run = "java " + AGENT_JVM + " \"$c\" -jar \"$a\"";
        String script = JAVA_KEY + "; a=" + stateDirectory + "/" + quote(jarName) + "; [ -f \"$a\" ] || exit "
                + AGENT_MISSING + "; h=$(sha256sum \"$a\") && [ \"${h%% *}\" = " + quote(sha256) + " ] || exit "
                + AGENT_DAMAGED + "; if [ -s \"$a.$k.jsa\" ]; then c=\"-XX:SharedArchiveFile=$a.$k.jsa\"; else rm -f"
                + " \"$a\".*.jsa; c=\"-XX:ArchiveClassesAtExit=$a.$k.jsa\"; fi; ";
        return switch (linger) {
            case NONE -> wrap(script + "exec " + run);
            case START -> wrap(script + run + "; s=$?; [ $s -eq 0 ] && [ -s \"$a.$k.jsa\" ] && command -v setsid"
                    + " >/dev/null && r=$(mkdir -p " + runDirectory + " && chmod 700 " + runDirectory + " && cd "
                    + runDirectory + " && pwd -P) && " + socketPath(socketName) + " && [ ${#p} -le "
                    + MAX_SOCKET_PATH + " ] && { setsid java " + AGENT_JVM + " \"-XX:SharedArchiveFile=$a.$k.jsa\""
                    + " -jar \"$a\" --serve \"$p\" --linger " + lingerSeconds
                    + " </dev/null >/dev/null 2>\"$p.log\" & }; exit $s");
            case UNREACHABLE -> wrap(script + run + "; s=$?; r=$(cd " + runDirectory + " && pwd -P) && "
                    + socketPath(socketName) + " && " + LINGERING_AGENT_RUNS + " && touch \"$r/" + UNREACHABLE_MARKER
                    + "\"; exit $s");
        };
    }

    /** What {@link #startAgent} does about a lingering agent. */
    enum Linger {
        /** Nothing: the agent ends with the deployment. */
        NONE,
        /** Start one for the next deployments. */
        START,
        /** Record that the one running could not be reached through sshd. */
        UNREACHABLE
    }

    /**
     * Prints {@code socket PATH} when a lingering agent ({@link #startAgent}) for this Java runs on the host,
     * {@code unreachable} when a deployment in the last day could not reach one through sshd, else {@code none}.
     * Runs as the login user: an agent only lingers for deployments without a service user.
     */
    String findLingeringAgent(String socketName) {
        return JAVA_KEY + "; r=$(cd " + runDirectory + " 2>/dev/null && pwd -P) || { echo none; exit 0; }"
                + "; if [ -n \"$(find \"$r/" + UNREACHABLE_MARKER + "\" -mmin -1440 2>/dev/null)\" ]; then echo"
                + " unreachable; exit 0; fi; " + socketPath(socketName) + "; if [ -S \"$p\" ] && "
                + LINGERING_AGENT_RUNS + "; then printf 'socket %s\\n' \"$p\"; else echo none; fi";
    }

    /** Sets {@code $p} to the lingering agent's socket in the run directory {@code $r}, for the Java {@code $k}. */
    private static String socketPath(String socketName) {
        return "p=\"$r/" + socketName + ".$k.sock\"";
    }

    /** The lingering agent's socket name for the agent with hash {@code sha256} (before the Java's key). */
    static String socketName(String sha256) {
        return "agent-" + sha256.substring(0, 16);
    }

    /**
     * Stores standard input as the agent jar, checked against its SHA-256 before it takes the final name (replacing
     * a damaged one, whose class-data archives go with it); keeps the three newest agents.
     */
    String uploadAgent(String jarName, String sha256) {
        return wrap("d=" + stateDirectory + "; umask 022; mkdir -p \"$d\" || exit 1; t=\"$d/" + jarName
                + ".$$.tmp\"; cat > \"$t\" && s=$(sha256sum \"$t\") && [ \"${s%% *}\" = " + sha256
                + " ] && rm -f \"$d/" + jarName + "\".*.jsa && mv -f \"$t\" \"$d/" + jarName + "\" || { rm -f"
                + " \"$t\"; echo \"the uploaded agent is incomplete or corrupt (sha256sum: $s)\" >&2; exit 1; };"
                + " ls -t \"$d\"/agent-*.jar | tail -n +4 | while read -r old; do rm -f \"$old\" \"$old\".*.jsa;"
                + " done; exit 0");
    }

    /** Prints the home of the user the deployment runs as (the service user's, through sudo -H), on one line. */
    String home() {
        return wrap(HOME);
    }

    /**
     * Prints the home of the login user on one line, then what {@link #findLingeringAgent} prints: both in one
     * command, as a deployment needs both first.
     */
    String homeAndLingeringAgent(String socketName) {
        return HOME + "; (" + findLingeringAgent(socketName) + ")";
    }

    /** Prints the deployed record, or nothing when there is none. */
    String readRecord() {
        return wrap("f=" + stateDirectory + "/deployed.json; [ ! -f \"$f\" ] || cat \"$f\"");
    }

    boolean usesSudo() {
        return serviceUser != null;
    }

    private String wrap(String script) {
        return serviceUser == null ? script
                : "sudo -n -H -u " + quote(serviceUser) + " -- sh -c " + quote(script);
    }

    /** A path of the plan as a shell word, {@code ~} expanded by the remote shell. */
    static String word(String path) {
        if (path.equals("~")) {
            return "\"$HOME\"";
        }
        if (path.startsWith("~/")) {
            return "\"$HOME\"/" + quote(path.substring(2));
        }
        return quote(path);
    }

    /** {@code text} in single quotes for sh. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
