package batou.cli.internal.deploy;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during a deployment: the first one stops starting components (the running ones finish, so no file is
 * left half-changed) and the run ends as usual, with its summary, reports and FAILED line; a second one quits at
 * once. Uses the JVM's SIGINT handler where it can be reached ({@code sun.misc.Signal}, by reflection so that the
 * same code runs in OSGi); elsewhere a shutdown hook does the first part and waits a while for the reports.
 */
final class Interruption implements AutoCloseable {

    private static final long SHUTDOWN_WAIT_SECONDS = 20;

    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean interrupted;
    private volatile Runnable onInterrupt = () -> {
    };
    private Object previousHandler;
    private Thread hook;

    private Interruption() {
    }

    /** Starts listening for Ctrl-C until {@link #close()}. */
    static Interruption onCtrlC() {
        Interruption interruption = new Interruption();
        if (!interruption.handleSignal()) {
            interruption.hook = new Thread(interruption::shutdown, "batou-ctrl-c");
            Runtime.getRuntime().addShutdownHook(interruption.hook);
        }
        return interruption;
    }

    /** What Ctrl-C does to the running deployment (e.g. cancel it); runs at once if Ctrl-C came already. */
    void onInterrupt(Runnable action) {
        onInterrupt = action;
        if (interrupted) {
            action.run();
        }
    }

    boolean interrupted() {
        return interrupted;
    }

    private void interrupt() {
        interrupted = true;
        System.err.println("batou: stopping: no component starts after this, the running ones finish"
                + " (Ctrl-C again to quit at once)");
        onInterrupt.run();
    }

    private void shutdown() {
        interrupt();
        try {
            finished.await(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Installs a SIGINT handler through sun.misc.Signal; false when this JVM does not offer it. */
    private boolean handleSignal() {
        try {
            ClassLoader loader = ClassLoader.getSystemClassLoader();
            Class<?> signal = loader.loadClass("sun.misc.Signal");
            Class<?> handlerType = loader.loadClass("sun.misc.SignalHandler");
            Object sigint = signal.getConstructor(String.class).newInstance("INT");
            InvocationHandler onSignal = (proxy, method, arguments) -> {
                if (method.getName().equals("handle")) {
                    if (interrupted) {
                        System.err.println("batou: quit (Ctrl-C twice)");
                        Runtime.getRuntime().halt(130);
                    }
                    interrupt();
                    return null;
                }
                return defaultMethod(proxy, method, arguments);
            };
            Object handler = Proxy.newProxyInstance(loader, new Class<?>[] { handlerType }, onSignal);
            previousHandler = signal.getMethod("handle", signal, handlerType).invoke(null, sigint, handler);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return false; // e.g. no sun.misc in this JVM, or SIGINT ignored because batou runs in the background
        }
    }

    private static Object defaultMethod(Object proxy, Method method, Object[] arguments) {
        return switch (method.getName()) {
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == arguments[0];
            default -> "batou SIGINT handler";
        };
    }

    /** The run is over: restores the previous SIGINT handling. */
    @Override
    public void close() {
        finished.countDown();
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it returns now that the run is over
            }
        }
        if (previousHandler != null) {
            try {
                ClassLoader loader = ClassLoader.getSystemClassLoader();
                Class<?> signal = loader.loadClass("sun.misc.Signal");
                Class<?> handlerType = loader.loadClass("sun.misc.SignalHandler");
                signal.getMethod("handle", signal, handlerType).invoke(null,
                        signal.getConstructor(String.class).newInstance("INT"), previousHandler);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // the process ends soon anyway
            }
        }
    }
}
