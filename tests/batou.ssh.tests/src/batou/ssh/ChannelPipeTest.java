package batou.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketTimeoutException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The pipe between a session's reader thread and the reader of a channel's output. */
class ChannelPipeTest {

    @Test
    void dataArrivesInOrderAndEndsWhenTheWriterCloses() throws Exception {
        ChannelPipe pipe = new ChannelPipe(1024);
        try (OutputStream sink = pipe.sink()) {
            sink.write("hello ".getBytes());
            sink.write("world".getBytes());
        }
        InputStream source = pipe.source();
        assertEquals(11, source.available());
        assertArrayEquals("hello world".getBytes(), source.readAllBytes());
        assertEquals(-1, source.read());
    }

    @Test
    void aFullPipeHoldsTheWriterUntilItIsReadAndAClosedReaderDropsData() throws Exception {
        ChannelPipe pipe = new ChannelPipe(4);
        OutputStream sink = pipe.sink();
        sink.write(new byte[] {1, 2, 3, 4});
        CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> write(sink, new byte[] {5}));
        Thread.sleep(100);
        assertFalse(blocked.isDone(), "the writer waits while the pipe is full");
        InputStream source = pipe.source();
        assertEquals(1, source.read());
        blocked.get(5, TimeUnit.SECONDS);

        source.close();
        for (int i = 0; i < 10; i++) {
            sink.write(new byte[] {6, 7, 8, 9}); // dropped, never waits
        }
        sink.close();
    }

    @Test
    void aReadTimeoutEndsAWaitLikeASocketTimeout() throws Exception {
        ChannelPipe pipe = new ChannelPipe(16);
        pipe.readTimeout(50);
        long start = System.nanoTime();
        assertThrows(SocketTimeoutException.class, () -> pipe.source().read());
        assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(50));
        pipe.sink().write(42);
        assertEquals(42, pipe.source().read(), "the pipe still works after a timeout");
    }

    private static void write(OutputStream sink, byte[] bytes) {
        try {
            sink.write(bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
