package batou.cli;

import java.util.Map;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;

/**
 * The headless application {@code batou.deploy}: {@code eclipse -application batou.deploy <command> [options]}.
 * The value returned from {@link #start} is the process exit code.
 */
public final class BatouApplication implements IApplication {

    private static final String[] NO_ARGUMENTS = new String[0];

    @Override
    public Object start(IApplicationContext context) {
        context.applicationRunning();
        return Integer.valueOf(new Cli(System.out, System.err).run(argumentsOf(context)));
    }

    private static String[] argumentsOf(IApplicationContext context) {
        Map<?, ?> arguments = context.getArguments();
        Object value = arguments.get(IApplicationContext.APPLICATION_ARGS);
        return value instanceof String[] strings ? strings : NO_ARGUMENTS;
    }

    @Override
    public void stop() {
        // Commands finish on their own; there is nothing to interrupt yet.
    }
}
