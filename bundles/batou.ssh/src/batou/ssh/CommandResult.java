package batou.ssh;

import java.nio.charset.StandardCharsets;

/**
 * What a command that ran to completion left behind.
 *
 * @param exitStatus the command's exit status
 * @param stdout everything it wrote to standard output
 * @param stderr everything it wrote to standard error, decoded as UTF-8
 */
public record CommandResult(int exitStatus, byte[] stdout, String stderr) {

    /** Standard output decoded as UTF-8. */
    public String stdoutText() {
        return new String(stdout, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "CommandResult[exitStatus=" + exitStatus + ", stdout=" + stdout.length + " bytes, stderr="
                + stderr.length() + " chars]";
    }
}
