package batou.ssh.deploy;

/**
 * The shell commands the controller runs on a target (POSIX sh): start the agent, upload it, read the record. Paths
 * of the plan become shell words ({@code ~/x} is {@code "$HOME"/'x'}); with a service user every command runs
 * through {@code sudo -n -H -u USER}.
 */
final class RemoteShell {

    /** Exit status of the start command when the target lacks this agent. */
    static final int AGENT_MISSING = 97;

    /**
     * JVM options of the agent: quick start-up, small footprint; it runs for one deployment. Only C1, compiling
     * only what is really hot (a no-op deploy runs most code a few times). The JVM's own messages go to stderr,
     * never into the protocol on stdout, and none about the class-data archive (one the JVM cannot use is ignored).
     */
    static final String AGENT_JVM = "-XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=10 -XX:+UseSerialGC"
            + " -XX:-UsePerfData -Xshare:auto -Xlog:disable '-Xlog:all=warning,cds*=off:stderr'"
            + " -Dslf4j.internal.verbosity=ERROR";

    private final String serviceUser;
    private final String stateDirectory;

    /** Commands for {@code targetDirectory}, run as {@code serviceUser} (null: the login user). */
    RemoteShell(String targetDirectory, String serviceUser) {
        this.serviceUser = serviceUser;
        this.stateDirectory = word(targetDirectory) + "/.batou";
    }

    /**
     * Starts the agent, or exits with {@link #AGENT_MISSING} when its jar is not there; with 127 when there is no
     * Java (checked first: no upload to a host that cannot run it). The first run of an agent with a Java records
     * the classes it loads in a class-data archive beside the jar ({@code agent-<sha256>.jar.<java>.jsa}, AppCDS,
     * named after the java binary's path and time, so an upgraded Java writes a new one); later runs map it and
     * start faster.
     */
    String startAgent(String jarName) {
        return wrap("j=$(command -v java) || { echo 'java: not found' >&2; exit 127; }; a=" + stateDirectory + "/"
                + quote(jarName) + "; [ -f \"$a\" ] || exit " + AGENT_MISSING
                + "; k=$( { readlink -f \"$j\"; stat -L -c %Y \"$j\"; } 2>/dev/null | cksum | cut -d' ' -f1)"
                + "; if [ -s \"$a.$k.jsa\" ]; then c=\"-XX:SharedArchiveFile=$a.$k.jsa\"; else rm -f \"$a\".*.jsa"
                + "; c=\"-XX:ArchiveClassesAtExit=$a.$k.jsa\"; fi"
                + "; exec java " + AGENT_JVM + " \"$c\" -jar \"$a\"");
    }

    /**
     * Stores standard input as the agent jar, checked against its SHA-256 before it takes the final name; keeps
     * the three newest agents.
     */
    String uploadAgent(String jarName, String sha256) {
        return wrap("d=" + stateDirectory + "; umask 022; mkdir -p \"$d\" || exit 1; t=\"$d/" + jarName
                + ".$$.tmp\"; cat > \"$t\" && s=$(sha256sum \"$t\") && [ \"${s%% *}\" = " + sha256
                + " ] && mv -f \"$t\" \"$d/" + jarName + "\" || { rm -f \"$t\"; echo \"the uploaded agent is "
                + "incomplete or corrupt (sha256sum: $s)\" >&2; exit 1; }; ls -t \"$d\"/agent-*.jar | tail -n +4 "
                + "| while read -r old; do rm -f \"$old\" \"$old\".*.jsa; done; exit 0");
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
