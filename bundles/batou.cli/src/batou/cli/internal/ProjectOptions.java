package batou.cli.internal;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.function.Function;

import batou.cli.Console;
import batou.cli.Option;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.lib.LibraryPartTypes;
import batou.model.Diagnostic;
import batou.model.configure.Configuration;
import batou.model.configure.Configurator;
import batou.model.configure.HostHomes;
import batou.model.parts.PartTypeRegistry;

/** What the commands that work on one environment of a project share: {@code ENV}, {@code -p}, configuring. */
public final class ProjectOptions {

    static final String PROJECT = "project";

    private ProjectOptions() {
    }

    public static Options options() {
        return new Options().add(Option.valued(PROJECT, 'p', "DIR",
                "the project folder (default: the current directory)"));
    }

    public static Path project(ParsedArguments arguments) {
        return Path.of(arguments.value(PROJECT).orElse(".")).toAbsolutePath().normalize();
    }

    public static PartTypeRegistry registry() {
        return LibraryPartTypes.registry();
    }

    /**
     * Configures {@code environment} with its secrets; from then on {@code console} masks every sensitive value of
     * it in whatever the command prints.
     */
    public static Configuration configure(Path project, String environment, boolean strict, Console console) {
        return configurer(project, environment, strict, console).apply(HostHomes.UNKNOWN);
    }

    /**
     * Configures {@code environment} with the homes of its hosts, as often as asked (a deployment configures again
     * once it knows them), decrypting the secrets with one vault: a passphrase is asked once. Each configuration's
     * sensitive values are masked in what {@code console} prints from then on.
     */
    public static Function<HostHomes, Configuration> configurer(Path project, String environment, boolean strict,
            Console console) {
        batou.secrets.SecretsVault vault = SecretsCommand.vault(project);
        return homes -> {
            Configuration configuration = new Configurator(registry()).strictResources(strict).homes(homes)
                    .configure(project, environment, file -> vault.decryptBytes(file, environment));
            console.mask(configuration.masking());
            return configuration;
        };
    }

    /** Prints warnings and errors, then the closing line of a failed configuration. */
    public static void printDiagnostics(Configuration configuration, PrintStream stream) {
        for (Diagnostic diagnostic : configuration.diagnostics()) {
            stream.println(diagnostic);
        }
        int errors = configuration.errors().size();
        if (errors > 0) {
            stream.println(errors + (errors == 1 ? " ERROR" : " ERRORS") + " - CONFIGURATION FAILED");
        }
    }
}
