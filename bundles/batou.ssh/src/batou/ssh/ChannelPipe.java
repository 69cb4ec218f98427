package batou.ssh;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Carries a channel's incoming data from the session's reader thread to whoever reads it, in memory.
 * <p>
 * Unlike the JDK's piped streams (which JSch uses) it works with any number of threads and does not break when a
 * thread that once read or wrote ends. The writer waits while {@code capacity} bytes are unread; after the reader
 * closed its end, further data is dropped. The reader gets end-of-file once the writer closed and all was read.
 */
final class ChannelPipe {

    private final int capacity;
    private final ArrayDeque<byte[]> chunks = new ArrayDeque<>();
    private int offset;
    private long buffered;
    private boolean writerClosed;
    private boolean readerClosed;
    private long readTimeoutMillis;

    ChannelPipe(int capacity) {
        this.capacity = capacity;
    }

    /**
     * How long a read may wait for data before it throws a {@link SocketTimeoutException}, as a socket with
     * {@code SO_TIMEOUT} does; 0 waits without limit.
     */
    synchronized void readTimeout(long millis) {
        readTimeoutMillis = millis;
    }

    /** The end the channel writes to. */
    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int from, int length) throws IOException {
                put(bytes, from, length);
            }

            @Override
            public void close() {
                closeWriter();
            }
        };
    }

    /** The end that is read. */
    InputStream source() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int from, int length) throws IOException {
                return take(bytes, from, length);
            }

            @Override
            public int available() {
                return ChannelPipe.this.available();
            }

            @Override
            public void close() {
                closeReader();
            }
        };
    }

    private synchronized void put(byte[] bytes, int from, int length) throws IOException {
        if (writerClosed) {
            throw new IOException("the pipe is closed");
        }
        try {
            while (!readerClosed && buffered >= capacity) {
                wait();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the reader was behind");
        }
        if (readerClosed || length == 0) {
            return;
        }
        chunks.add(Arrays.copyOfRange(bytes, from, from + length));
        buffered += length;
        notifyAll();
    }

    private synchronized int take(byte[] bytes, int from, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(readTimeoutMillis);
        try {
            while (buffered == 0 && !writerClosed && !readerClosed) {
                if (readTimeoutMillis == 0) {
                    wait();
                    continue;
                }
                long left = deadline - System.nanoTime(); // in nanoseconds: whole milliseconds ended it early
                if (left <= 0) {
                    throw new SocketTimeoutException("no data within " + readTimeoutMillis + " ms");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for data");
        }
        if (readerClosed) {
            throw new IOException("the stream is closed");
        }
        int copied = 0;
        while (copied < length && !chunks.isEmpty()) {
            byte[] chunk = chunks.peek();
            int count = Math.min(length - copied, chunk.length - offset);
            System.arraycopy(chunk, offset, bytes, from + copied, count);
            copied += count;
            offset += count;
            if (offset == chunk.length) {
                chunks.remove();
                offset = 0;
            }
        }
        buffered -= copied;
        notifyAll();
        return copied == 0 ? -1 : copied;
    }

    private synchronized int available() {
        return (int) Math.min(Integer.MAX_VALUE, buffered);
    }

    private synchronized void closeWriter() {
        writerClosed = true;
        notifyAll();
    }

    private synchronized void closeReader() {
        readerClosed = true;
        chunks.clear();
        buffered = 0;
        offset = 0;
        notifyAll();
    }
}
