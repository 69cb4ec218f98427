package batou.cli.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;

import batou.model.Masking;

/**
 * The command line's last line of defence: every line written to standard output or error is masked before it
 * leaves the process, whatever printed it (events, diagnostics, an exception's message). Bytes are held until the
 * end of a line, so a secret printed in pieces is still found within its line.
 */
public final class MaskingOutputStream extends OutputStream {

    private final OutputStream out;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private volatile Masking masking = Masking.none();

    public MaskingOutputStream(OutputStream out) {
        this.out = out;
    }

    /** From now on, these values are masked (in addition to none: the masking of one run). */
    public void mask(Masking newMasking) {
        masking = newMasking;
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n') {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        for (int i = offset; i < offset + length; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i + 1 - start);
                emit();
                start = i + 1;
            }
        }
        line.write(bytes, start, offset + length - start);
    }

    /** Writes what is held of the current line (masked) and flushes: a prompt without a newline must show. */
    @Override
    public synchronized void flush() throws IOException {
        emit();
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        flush();
        out.close();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        Masking current = masking;
        if (current.isEmpty()) {
            line.writeTo(out);
        } else {
            String text = line.toString(Charset.defaultCharset());
            out.write(current.mask(text).getBytes(Charset.defaultCharset()));
        }
        line.reset();
    }
}
