package batou.agent.controller;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** An agent started as a child process of the test: the same jar and protocol as over SSH, minus SSH. */
final class ProcessAgentChannel implements AgentChannel {

    private final Process process;
    private final java.io.ByteArrayOutputStream stderr = new java.io.ByteArrayOutputStream();
    private final Thread drain;

    ProcessAgentChannel(Path jar) throws IOException {
        String java = ProcessHandle.current().info().command().orElse("java");
        process = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-jar", jar.toString()).start();
        drain = new Thread(() -> {
            try {
                process.getErrorStream().transferTo(stderr);
            } catch (IOException ignored) {
                // the process ended
            }
        });
        drain.start();
    }

    Process process() {
        return process;
    }

    String stderr() {
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8);
        }
    }

    @Override
    public InputStream in() {
        return process.getInputStream();
    }

    @Override
    public OutputStream out() {
        return process.getOutputStream();
    }

    @Override
    public AgentEnd end() {
        try {
            if (process.waitFor(5, TimeUnit.SECONDS)) {
                drain.join(1000);
                return AgentEnd.ended("the agent exited with " + process.exitValue() + ": " + stderr().strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return AgentEnd.ended("the agent stopped answering");
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already closed
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
