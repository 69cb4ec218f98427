package batou.engine.processes;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The one place that kills commands: a small {@code sh} beside the deployment process, in a session of its own (so
 * that Ctrl-C in a terminal or the end of an SSH session does not reach it), holding the read end of a pipe from
 * it. Asked to kill command {@code N} of a run directory, it kills the command's process group and then every
 * process whose environment carries the command's marker ({@link RunDirectory#MARKER}), round after round until
 * none is left, and answers with the number of processes killed. When the pipe ends, because the deployment
 * process closed it or died (even by kill -9), it kills every command that is still running (its script is still
 * in the run directory), removes the run directory and exits.
 * <p>
 * Limits: a process that removes the marker from its environment and leaves the command's process group (setsid)
 * escapes; so does one that changed to another user, unless batou runs as root; {@code /proc} must be readable.
 */
final class Watchdog {

    /** What {@code ps} shows as the watchdog's name. */
    static final String NAME = "batou-watchdog";

    private static final String SCRIPT = String.join("\n",
            "trap '' INT HUP QUIT PIPE",
            "d=$1",
            // kill command $1: its process group when the leader is still ours, then whatever carries its marker
            "k() {",
            "  m=\"" + RunDirectory.MARKER + "=$d/$1\"; c=0; i=0",
            "  p=$(cat \"$d/$1.pid\" 2>/dev/null)",
            "  while [ $i -lt 50 ]; do",
            "    l=$(grep -lzxF \"$m\" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3)",
            "    [ $i -eq 0 ] && [ -n \"$p\" ] && grep -qzxF \"$m\" \"/proc/$p/environ\" 2>/dev/null"
                    + " && kill -KILL -- \"-$p\" 2>/dev/null",
            "    [ -n \"$l\" ] || break",
            "    kill -KILL $l 2>/dev/null; set -- $l; c=$((c + $#)); i=$((i + 1))",
            "  done",
            "  echo $c",
            "}",
            "while read -r n; do k \"$n\"; done",
            "t=0",
            "for s in \"$d\"/*.sh; do [ -e \"$s\" ] || continue; n=${s##*/}; t=$((t + $(k \"${n%.sh}\"))); done",
            "rm -rf \"$d\"",
            "echo $t");

    private static final List<String> SETSID = setsid();

    private final Process process;
    private final OutputStream requests;
    private final BufferedReader answers;

    private Watchdog(Process process) {
        this.process = process;
        this.requests = process.getOutputStream();
        this.answers = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    /** Starts the watchdog of {@code directory}. */
    static Watchdog start(Path directory) throws IOException {
        List<String> command = new ArrayList<>(SETSID);
        command.addAll(List.of("/bin/sh", "-c", SCRIPT, NAME, directory.toString()));
        return new Watchdog(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start());
    }

    /** Kills command {@code number} with everything it started; returns how many processes were killed. */
    synchronized int kill(int number) throws IOException {
        requests.write((number + "\n").getBytes(StandardCharsets.US_ASCII));
        requests.flush();
        return count(answers.readLine());
    }

    /**
     * Ends the watchdog: it kills the commands still running and removes the run directory. Returns how many
     * processes it killed, waiting for it at most {@code seconds}.
     */
    synchronized int finish(long seconds) {
        try {
            requests.close();
            String total = answers.readLine();
            process.waitFor(seconds, TimeUnit.SECONDS);
            return count(total);
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } finally {
            process.destroy();
        }
    }

    private static int count(String answer) {
        try {
            return answer == null ? 0 : Integer.parseInt(answer.strip());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** {@code setsid}, when this machine has it: the watchdog and each command get a session of their own. */
    static List<String> setsidCommand() {
        return SETSID;
    }

    private static List<String> setsid() {
        for (String candidate : List.of("/usr/bin/setsid", "/bin/setsid")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return List.of(candidate);
            }
        }
        return List.of();
    }
}
