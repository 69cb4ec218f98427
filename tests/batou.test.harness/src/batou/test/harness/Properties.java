package batou.test.harness;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Property checks for readers of untrusted input, without a framework: each try draws an input from a seeded
 * generator and runs the property on a thread of its own with the stack of an ordinary thread (1 MiB), within a
 * time and an allocation bound. A failure names the property, the seed that replays it and the input (shortened).
 * Seeds are fixed, so CI runs the same inputs every time; {@code -Dbatou.seed=N} tries others.
 */
public final class Properties {

    /** What one try may cost: wall time, and bytes allocated by the thread that runs it. */
    public record Bounds(Duration time, long allocatedBytes) {

        /** The bound for a reader of a configuration file: two seconds and 256 MiB. */
        public static Bounds reader() {
            return new Bounds(Duration.ofSeconds(2), 256L << 20);
        }
    }

    /** Draws one input. */
    @FunctionalInterface
    public interface Generator<T> {
        T next(Random random);
    }

    /** What must hold for every input: return normally, or throw only what the reader promises (checked here). */
    @FunctionalInterface
    public interface Property<T> {
        void check(T input) throws Exception;
    }

    private static final long STACK = 1L << 20;

    private Properties() {
    }

    /**
     * Runs {@code property} on {@code tries} inputs of {@code generator}.
     *
     * @throws AssertionError for the first input that fails, throws, overflows the stack or exceeds the bounds
     */
    public static <T> void forAll(String name, int tries, Generator<T> generator, Bounds bounds,
            Property<T> property) {
        long base = Long.getLong("batou.seed", 0x6261746f75L) ^ name.hashCode();
        for (int i = 0; i < tries; i++) {
            long seed = base + i;
            T input = generator.next(new Random(seed));
            String failure = run(input, bounds, property);
            if (failure != null) {
                throw new AssertionError(name + " fails for seed " + seed + " (try " + i + "): " + failure
                        + "\ninput: " + describe(input));
            }
        }
    }

    /** Runs one input; the reason it failed, or null. */
    @SuppressWarnings("deprecation") // Thread.stop: the only way to end a runaway reader inside this JVM
    private static <T> String run(T input, Bounds bounds, Property<T> property) {
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        AtomicLong allocated = new AtomicLong();
        Thread worker = new Thread(null, () -> {
            long before = allocatedByThisThread();
            try {
                property.check(input);
            } catch (Throwable e) {
                thrown.set(e);
            } finally {
                allocated.set(allocatedByThisThread() - before);
            }
        }, "batou-property", STACK);
        worker.setDaemon(true);
        long started = System.nanoTime();
        worker.start();
        try {
            worker.join(bounds.time().toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
        if (worker.isAlive()) {
            worker.stop();
            return "still running after " + bounds.time().toMillis() + " ms";
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        Throwable e = thrown.get();
        if (e != null) {
            java.io.StringWriter trace = new java.io.StringWriter();
            e.printStackTrace(new java.io.PrintWriter(trace));
            return "threw " + e + " after " + millis + " ms\n" + shorten(trace.toString(), 3000);
        }
        if (allocated.get() > bounds.allocatedBytes()) {
            return "allocated " + (allocated.get() >> 20) + " MiB (bound " + (bounds.allocatedBytes() >> 20)
                    + " MiB)";
        }
        return null;
    }

    /**
     * Bytes the current thread allocated so far (HotSpot's {@code com.sun.management.ThreadMXBean}, reached by
     * reflection: an OSGi test bundle cannot import {@code com.sun.management}).
     */
    private static long allocatedByThisThread() {
        try {
            Class<?> type = ClassLoader.getSystemClassLoader().loadClass("com.sun.management.ThreadMXBean");
            Object threads = ManagementFactory.getThreadMXBean();
            return (Long) type.getMethod("getCurrentThreadAllocatedBytes").invoke(threads);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("this JVM cannot count allocated bytes", e);
        }
    }

    private static String describe(Object input) {
        String text = input instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes, 0,
                Math.min(bytes.length, 600)) + (bytes.length > 600 ? "... (" + bytes.length + " bytes)" : "")
                : String.valueOf(input);
        return shorten(text, 1200);
    }

    private static String shorten(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit) + "... (" + text.length() + " chars)";
    }
}
