package batou.cli.internal;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs {@code $EDITOR} (else vi) on a file in the foreground. While it runs, Ctrl-C and Ctrl-\ belong to the editor,
 * as in git: batou ignores SIGINT and SIGQUIT until the editor exits (editors such as vim use Ctrl-C themselves, and
 * an editor that dies of it is reported as interrupted). The signals get a handler that does nothing through
 * {@code sun.misc.Signal}, reached by reflection (an OSGi bundle cannot import it); where it is missing, Ctrl-C
 * stops batou and the {@link PlaintextFolder}'s shutdown hook cleans up.
 */
final class ForegroundEditor {

    private ForegroundEditor() {
    }

    /** The editor command: $EDITOR or vi. */
    static String command() {
        String editor = System.getenv("EDITOR");
        return editor == null || editor.isBlank() ? "vi" : editor;
    }

    /**
     * Runs the editor on {@code file} and waits for it; {@code folder} ends it when batou is stopped meanwhile.
     *
     * @return the editor's exit code: 0 when it saved and quit, 130 when Ctrl-C ended it
     */
    static int edit(Path file, PlaintextFolder folder) throws IOException {
        // before the editor starts, so that no Ctrl-C falls between; the editor gets the default handling (a
        // handled signal is reset by exec)
        AtomicInteger received = new AtomicInteger();
        Object[] previous = ignore(received, "INT", "QUIT");
        try {
            // exec: the editor itself is batou's child, so its own handling of Ctrl-C decides, not a waiting shell's
            Process process = new ProcessBuilder("/bin/sh", "-c", "exec " + command() + " \"$1\"", "sh",
                    file.toString()).inheritIO().start();
            folder.editing(process);
            int exit = wait(process);
            if (exit == 130 || exit == 131) {
                settle(received); // the terminal's signal reached batou too: let it arrive before handling resumes
            }
            return exit;
        } finally {
            restore(previous, "INT", "QUIT");
        }
    }

    /** Waits (at most a second) until the JVM dispatched a signal to the handler that does nothing. */
    private static void settle(AtomicInteger received) {
        long deadline = System.nanoTime() + 1_000_000_000L;
        while (received.get() == 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static int wait(Process process) {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroy();
            return 130;
        }
    }

    /**
     * Gives the signals a handler that only counts them (not SIG_IGN: the JVM refuses to handle a shutdown signal
     * again once it is ignored); the handlers they had, to restore (null where that was not possible).
     */
    private static Object[] ignore(AtomicInteger received, String... signals) {
        Object[] previous = new Object[signals.length];
        for (int i = 0; i < signals.length; i++) {
            try {
                Class<?> type = signalHandler();
                Object nothing = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type },
                        (proxy, method, arguments) -> switch (method.getName()) {
                            case "hashCode" -> System.identityHashCode(proxy);
                            case "equals" -> proxy == arguments[0];
                            case "toString" -> "batou: the editor has the terminal";
                            default -> {
                                received.incrementAndGet();
                                yield null;
                            }
                        });
                previous[i] = handle(signals[i], nothing);
            } catch (ReflectiveOperationException | RuntimeException unsupported) {
                previous[i] = null; // not on this JVM (or -Xrs): Ctrl-C stops batou, the shutdown hook cleans up
            }
        }
        return previous;
    }

    private static void restore(Object[] previous, String... signals) {
        for (int i = 0; i < signals.length; i++) {
            if (previous[i] != null) {
                try {
                    handle(signals[i], previous[i]);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // the JVM keeps ignoring it; batou ends soon anyway
                }
            }
        }
    }

    private static Object handle(String name, Object handler) throws ReflectiveOperationException {
        Class<?> signal = ClassLoader.getSystemClassLoader().loadClass("sun.misc.Signal");
        Method handle = signal.getMethod("handle", signal, signalHandler());
        return handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
    }

    private static Class<?> signalHandler() throws ClassNotFoundException {
        return ClassLoader.getSystemClassLoader().loadClass("sun.misc.SignalHandler");
    }
}
