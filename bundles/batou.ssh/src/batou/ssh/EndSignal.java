package batou.ssh;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Tells when a channel has ended: JSch closes a channel's output streams when the channel closes or the session
 * drops, so the channel has ended once all streams handed to it are closed.
 */
final class EndSignal {

    private final CountDownLatch open;

    /** @param streams how many streams will be {@linkplain #watch(OutputStream) watched} */
    EndSignal(int streams) {
        open = new CountDownLatch(streams);
    }

    /** {@code stream}, counting as closed the first time it is closed. */
    OutputStream watch(OutputStream stream) {
        return new FilterOutputStream(stream) {
            private boolean closed;

            @Override
            public void write(byte[] bytes, int from, int length) throws IOException {
                out.write(bytes, from, length);
            }

            @Override
            public void close() throws IOException {
                synchronized (this) {
                    if (closed) {
                        return;
                    }
                    closed = true;
                }
                try {
                    out.close();
                } finally {
                    open.countDown();
                }
            }
        };
    }

    /** Waits until every watched stream is closed; {@code null} waits without limit. */
    boolean await(Duration timeout) throws InterruptedException {
        if (timeout == null) {
            open.await();
            return true;
        }
        return open.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    boolean ended() {
        return open.getCount() == 0;
    }
}
