package batou.cli.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import batou.cli.Command;
import batou.cli.Console;
import batou.cli.ExitCode;
import batou.cli.Option;
import batou.cli.Options;
import batou.cli.ParsedArguments;
import batou.cli.UsageException;
import batou.model.yaml.BoundedYaml;
import batou.model.yaml.ReadProblem;
import batou.secrets.IdentitySources;
import batou.secrets.SecretEntry;
import batou.secrets.SecretsDocument;
import batou.secrets.SecretsVault;
import batou.secrets.age.AgeException;
import batou.secrets.age.Recipients;

/**
 * {@code batou secrets}: show, summary, edit, set, set-file, add-member, remove-member and reencrypt the age-encrypted
 * secrets of a project's environments. Values are never printed; plaintext only ever lives in a
 * {@link PlaintextFolder} while an editor has it open, and is removed whatever happens.
 */
public final class SecretsCommand implements Command {

    static final String ENV = "env";

    @Override
    public String name() {
        return "secrets";
    }

    @Override
    public String summary() {
        return "Manage the encrypted secrets of environments: show, summary, edit, set, members, reencrypt.";
    }

    @Override
    public String usage() {
        return "show ENV | summary | edit ENV [FILE] | set ENV COMPONENT.ATTRIBUTE (value on stdin) | "
                + "set-file ENV FILE (bytes on stdin) | add-member KEY --env A,B | remove-member KEY --env A,B | "
                + "reencrypt [--env A,B]  [-p DIR]";
    }

    @Override
    public Options options() {
        return ProjectOptions.options().add(Option.valued(ENV, null, "ENVS",
                "comma-separated environments (add-member, remove-member, reencrypt)"));
    }

    @Override
    public int run(ParsedArguments arguments, Console console) throws UsageException {
        List<String> positional = arguments.positional();
        if (positional.isEmpty()) {
            throw new UsageException("'secrets' needs a subcommand: show, summary, edit, set, set-file, "
                    + "add-member, remove-member or reencrypt");
        }
        Path project = ProjectOptions.project(arguments);
        SecretsVault vault = vault(project);
        List<String> rest = positional.subList(1, positional.size());
        try {
            return switch (positional.get(0)) {
                case "show" -> show(vault, single(rest, "ENV"), console);
                case "summary" -> summary(vault, rest, console);
                case "edit" -> rest.size() == 2 ? editFile(vault, rest.get(0), rest.get(1), console)
                        : edit(vault, single(rest, "ENV"), console);
                case "set" -> set(vault, rest, console);
                case "set-file" -> setFile(vault, rest, console);
                case "add-member" -> changeMembers(vault, single(rest, "KEY"), environments(arguments, vault, true),
                        true, console);
                case "remove-member" -> changeMembers(vault, single(rest, "KEY"),
                        environments(arguments, vault, true), false, console);
                case "reencrypt" -> reencrypt(vault, rest, environments(arguments, vault, false), console);
                default -> throw new UsageException("unknown subcommand '" + positional.get(0) + "' for 'secrets'");
            };
        } catch (IOException | AgeException | IllegalArgumentException e) {
            console.err().println("batou: " + e.getMessage());
            return ExitCode.FAILURE;
        }
    }

    /** The vault of a project, decrypting with the user's identities (BATOU_AGE_IDENTITIES, or ~/.ssh/id_ed25519 and ~/.ssh/id_rsa). */
    public static SecretsVault vault(Path project) {
        return new SecretsVault(project, () -> IdentitySources.load(System.getenv(),
                Path.of(System.getProperty("user.home"))));
    }

    private static String single(List<String> rest, String what) throws UsageException {
        if (rest.isEmpty()) {
            throw new UsageException("'secrets' needs " + what);
        }
        if (rest.size() > 1) {
            throw new UsageException("unexpected argument '" + rest.get(1) + "' for 'secrets'");
        }
        return rest.get(0);
    }

    private static List<String> environments(ParsedArguments arguments, SecretsVault vault, boolean required)
            throws UsageException, IOException {
        if (arguments.value(ENV).isEmpty()) {
            if (required) {
                throw new UsageException("name the environments with --env A,B");
            }
            return vault.environments();
        }
        return Arrays.stream(arguments.value(ENV).get().split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .toList();
    }

    private static SecretsDocument existing(SecretsVault vault, String environment) throws IOException {
        requireSecrets(vault, environment);
        return vault.read(environment);
    }

    private static void requireSecrets(SecretsVault vault, String environment) throws IOException {
        if (!vault.exists(environment)) {
            throw new IOException("environment '" + environment + "' has no secrets (" + vault.file(environment)
                    + "); create them with: batou secrets edit " + environment);
        }
    }

    private static int show(SecretsVault vault, String environment, Console console) throws IOException {
        SecretsDocument document = existing(vault, environment);
        console.out().println("Members of " + environment + ":");
        document.members().forEach(member -> console.out().println("  " + member));
        console.out().println("Secrets (values not shown):");
        document.keys().forEach(key -> console.out().println("  " + key));
        for (String file : vault.secretFiles(environment)) {
            console.out().println("  file " + file + " (" + vault.readSecretFile(environment, file).length + " bytes)");
        }
        return ExitCode.OK;
    }

    private static int summary(SecretsVault vault, List<String> rest, Console console)
            throws IOException, UsageException {
        if (!rest.isEmpty()) {
            throw new UsageException("unexpected argument '" + rest.get(0) + "' for 'secrets summary'");
        }
        int failures = 0;
        for (String environment : vault.environments()) {
            try {
                SecretsDocument document = vault.read(environment);
                console.out().println(environment + ": " + document.members().size() + " members, "
                        + document.keys().size() + " secrets");
            } catch (IOException | IllegalArgumentException e) {
                console.out().println(environment + ": " + e.getMessage());
                failures++;
            }
        }
        return failures == 0 ? ExitCode.OK : ExitCode.FAILURE;
    }

    private static int set(SecretsVault vault, List<String> rest, Console console)
            throws IOException, UsageException {
        if (rest.size() != 2) {
            throw new UsageException("usage: batou secrets set ENV COMPONENT.ATTRIBUTE (value on stdin)");
        }
        String[] key = rest.get(1).split("\\.", 2);
        if (key.length != 2 || key[0].isBlank() || key[1].isBlank()) {
            throw new UsageException("name the secret as COMPONENT.ATTRIBUTE, not '" + rest.get(1) + "'");
        }
        String value = new String(console.in().readAllBytes(), StandardCharsets.UTF_8);
        if (value.endsWith("\n")) {
            value = value.substring(0, value.length() - 1);
        }
        requireSecrets(vault, rest.get(0));
        vault.set(rest.get(0), SecretEntry.component(key[0], key[1]), value);
        console.out().println("set " + rest.get(1) + " in the secrets of " + rest.get(0));
        return ExitCode.OK;
    }

    /** {@code secrets set-file ENV FILE}: a secret file from the bytes on stdin, e.g. a keytab or a keystore. */
    private static int setFile(SecretsVault vault, List<String> rest, Console console)
            throws IOException, UsageException {
        if (rest.size() != 2) {
            throw new UsageException("usage: batou secrets set-file ENV FILE (the content on stdin)");
        }
        String environment = rest.get(0);
        String name = rest.get(1);
        SecretsVault.checkFileName(name);
        List<String> members = existing(vault, environment).members();
        byte[] content = console.in().readAllBytes();
        vault.writeSecretFile(environment, name, content, members);
        console.out().println(environment + ": secret file " + name + " (" + content.length + " bytes) saved,"
                + " encrypted to " + members.size() + " members");
        return ExitCode.OK;
    }

    private static int changeMembers(SecretsVault vault, String key, List<String> environments, boolean add,
            Console console) throws IOException {
        Recipients.parse(key); // a key that is not one fails here, before any file is touched
        for (String environment : environments) {
            requireSecrets(vault, environment);
            if (!add) {
                SecretsVault.Removal removal = vault.removeMember(environment, key);
                console.out().println(environment + ": removed, re-encrypted to " + removal.members() + " members"
                        + (removal.stillReadable() ? "" : "; that was your key: you cannot decrypt the secrets of "
                                + environment + " any more (a remaining member can add you again)"));
            } else if (vault.addMember(environment, key)) {
                console.out().println(environment + ": added, re-encrypted to " + vault.read(environment).members()
                        .size() + " members");
            } else {
                console.out().println(environment + ": already a member");
            }
        }
        return ExitCode.OK;
    }

    private static int reencrypt(SecretsVault vault, List<String> rest, List<String> environments, Console console)
            throws IOException, UsageException {
        if (!rest.isEmpty()) {
            throw new UsageException("unexpected argument '" + rest.get(0) + "' for 'secrets reencrypt'");
        }
        for (String environment : environments) {
            requireSecrets(vault, environment);
            vault.reencrypt(environment);
            console.out().println(environment + ": re-encrypted");
        }
        return ExitCode.OK;
    }

    private static int edit(SecretsVault vault, String environment, Console console) throws IOException {
        boolean exists = vault.exists(environment);
        String before = exists ? vault.read(environment).text() : SecretsDocument.template(List.of());
        return editText(environment, "the edited secrets of '" + environment + "' are not valid",
                environment + ".yaml", before, exists, new Saver() {
                    @Override
                    public String problem(String text) {
                        try {
                            List<String> members = SecretsDocument.parse(text).members();
                            if (members.isEmpty()) {
                                return "there are no members: nobody could decrypt the secrets (add your public key "
                                        + "under members:)";
                            }
                            members.forEach(Recipients::parse);
                            return null;
                        } catch (IllegalArgumentException | AgeException e) {
                            return e.getMessage();
                        }
                    }

                    @Override
                    public String save(String text) throws IOException {
                        SecretsDocument document = SecretsDocument.parse(text);
                        vault.writeAll(environment, document);
                        return environment + ": saved, encrypted to " + document.members().size() + " members";
                    }
                }, console);
    }

    /** {@code secrets edit ENV FILE}: a secret text file, encrypted to the members of the environment's secrets. */
    private static int editFile(SecretsVault vault, String environment, String name, Console console)
            throws IOException {
        SecretsVault.checkFileName(name);
        List<String> members = existing(vault, environment).members();
        boolean exists = Files.isRegularFile(vault.secretFile(environment, name));
        String before = exists ? vault.readSecretText(environment, name) : "";
        return editText(environment, "the edited secret file '" + name + "' of " + environment + " is not valid",
                name, before, exists, text -> {
            vault.writeSecretFile(environment, name, text.getBytes(StandardCharsets.UTF_8), members);
            return environment + ": secret file " + name + " saved, encrypted to " + members.size() + " members";
        }, console);
    }

    /** Checks and saves edited text. */
    private interface Saver {

        /** What is wrong with the text, or null when it can be saved. */
        default String problem(String text) {
            return null;
        }

        /** Saves the text; returns the line to print. */
        String save(String text) throws IOException;
    }

    /**
     * Opens {@code before} in the editor, in a {@link PlaintextFolder}, and saves the result when it changed. Text
     * that cannot be saved is shown with what is wrong, and the editor opens again on it when the user wants to
     * (as batou does); the plaintext is removed whatever happens.
     */
    private static int editText(String environment, String invalid, String fileName, String before,
            boolean exists, Saver saver, Console console) throws IOException {
        try (PlaintextFolder folder = PlaintextFolder.create(console.err())) {
            Path file = folder.write(fileName, before);
            while (true) {
                int exit = ForegroundEditor.edit(file, folder);
                if (exit == 130) {
                    throw new IOException("the editor was interrupted (Ctrl-C); nothing was changed");
                }
                if (exit != 0) {
                    throw new IOException("the editor (" + ForegroundEditor.command() + ") exited with " + exit
                            + "; nothing was changed");
                }
                String after = null;
                String problem;
                try {
                    after = editedText(Files.readAllBytes(file));
                    problem = saver.problem(after);
                } catch (ReadProblem unreadable) {
                    problem = unreadable.describe();
                }
                if (after != null && after.equals(before)) {
                    console.out().println(environment + (exists ? ": no changes" : ": nothing was created"));
                    return ExitCode.OK;
                }
                if (problem == null) {
                    console.out().println(saver.save(after));
                    return ExitCode.OK;
                }
                console.err().println("batou: " + invalid + ": " + problem);
                if (!editAgain(console)) {
                    throw new IOException("nothing was changed");
                }
            }
        }
    }

    /** The edited bytes as UTF-8 text (else the line and column of the first other byte); a byte order mark stays. */
    private static String editedText(byte[] bytes) throws ReadProblem {
        String text = BoundedYaml.SECRETS.decode(bytes);
        boolean bom = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf;
        return bom ? "\ufeff" + text : text;
    }

    /** Asks whether to edit again; yes unless the answer starts with n, or there is no answer (no terminal). */
    private static boolean editAgain(Console console) throws IOException {
        console.out().print("Edit again? [Y/n] ");
        console.out().flush();
        StringBuilder answer = new StringBuilder();
        int c;
        while ((c = console.in().read()) >= 0 && c != '\n') {
            answer.append((char) c);
        }
        if (c < 0) {
            console.out().println();
            return false;
        }
        return !answer.toString().strip().toLowerCase(java.util.Locale.ROOT).startsWith("n");
    }
}
