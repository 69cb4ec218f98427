package batou.lib.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

import batou.engine.parts.PartFailure;

/**
 * What the host's {@code xz -dc} makes of a compressed stream: xz reads it from a thread of this process and only
 * writes to a pipe (never a file), so the archive it decompresses is unpacked by batou itself. Closing the stream
 * ends xz; a damaged archive ends the stream with xz's message.
 */
public final class XzInput extends FilterInputStream {

    private static final int MESSAGE_LIMIT = 4096;

    private final Process process;
    private final Thread feeder;
    private final ByteArrayOutputStream errors;

    private XzInput(Process process, Thread feeder, ByteArrayOutputStream errors) {
        super(process.getInputStream());
        this.process = process;
        this.feeder = feeder;
        this.errors = errors;
    }

    /** Starts xz (found on the {@code PATH} of {@code environment}) on {@code compressed}. */
    public static XzInput open(InputStream compressed, Map<String, String> environment) throws IOException,
            PartFailure {
        Path xz = ShellCommand.find("xz", environment);
        if (xz == null) {
            throw new PartFailure("xz is not installed on this host (install xz-utils), needed for .tar.xz archives");
        }
        ProcessBuilder builder = new ProcessBuilder(xz.toString(), "-dc").redirectError(ProcessBuilder.Redirect.PIPE);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        Thread feeder = new Thread(() -> {
            try (OutputStream toXz = process.getOutputStream(); InputStream from = compressed) {
                from.transferTo(toXz);
            } catch (IOException e) {
                // xz ended first (damaged input, or closed): its exit status tells
            }
        }, "batou-xz-feeder");
        feeder.setDaemon(true);
        feeder.start();
        Thread reader = new Thread(() -> {
            try (InputStream err = process.getErrorStream()) {
                byte[] bytes = err.readNBytes(MESSAGE_LIMIT);
                synchronized (errors) {
                    errors.write(bytes, 0, bytes.length);
                }
                err.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                // nothing more to say
            }
        }, "batou-xz-errors");
        reader.setDaemon(true);
        reader.start();
        return new XzInput(process, feeder, errors);
    }

    @Override
    public int read() throws IOException {
        int read = super.read();
        return read < 0 ? end() : read;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        int read = super.read(buffer, offset, length);
        return read < 0 ? end() : read;
    }

    /** At the end of xz's output: -1 when it succeeded, else its message. */
    private int end() throws IOException {
        try {
            int status = process.waitFor();
            if (status != 0) {
                String message;
                synchronized (errors) {
                    message = errors.toString(StandardCharsets.UTF_8).strip();
                }
                throw new IOException("xz exited with " + status + (message.isEmpty() ? "" : ": " + message));
            }
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for xz", e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroyForcibly();
        feeder.interrupt();
        super.close();
    }
}
