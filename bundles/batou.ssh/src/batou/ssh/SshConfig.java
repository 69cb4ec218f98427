package batou.ssh;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import batou.engine.parts.Reasons;

/**
 * An OpenSSH client configuration (ssh_config), read once: {@code Host} blocks with wildcard and negated patterns,
 * the first value of a keyword wins (all values of {@code IdentityFile}), {@code Include} is expanded in place and
 * {@code Match all} is {@code Host *}. Other {@code Match} blocks are ignored.
 * <p>
 * JSch's {@code OpenSSHConfig} is not used: it keeps one block per pattern text, so the settings of a second
 * {@code Host *} block replace those of the first, and it knows neither {@code Include} nor {@code Match}.
 */
final class SshConfig {

    private static final int MAX_INCLUDE_DEPTH = 16;

    private record Option(String keyword, String value, String origin) {
    }

    private record Block(List<String> patterns, List<Option> options) {
    }

    private final List<Block> blocks;
    private final Path source;
    private final Path home;

    private SshConfig(List<Block> blocks, Path source, Path home) {
        this.blocks = blocks;
        this.source = source;
        this.home = home;
    }

    /** A configuration without settings: every host gets OpenSSH's defaults. */
    static SshConfig empty(Path home) {
        return new SshConfig(List.of(new Block(List.of("*"), new ArrayList<>())), null, home);
    }

    /**
     * Reads {@code file}; relative {@code Include} paths are taken from {@code home}/.ssh, as OpenSSH does for user
     * configurations.
     */
    static SshConfig read(Path file, Path home) throws SshException {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block(List.of("*"), new ArrayList<>()));
        parse(file, home, blocks, 0);
        return new SshConfig(blocks, file, home);
    }

    /** The file read, {@code null} for {@link #empty(Path)}. */
    Path source() {
        return source;
    }

    Path home() {
        return home;
    }

    private static void parse(Path file, Path home, List<Block> blocks, int depth) throws SshException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            throw new SshException(null, "cannot read the ssh configuration " + file + ": " + Reasons.of(e)
                    + ". Fix the file or its permissions, or choose another one.", e);
        }
        for (int number = 1; number <= lines.size(); number++) {
            String line = lines.get(number - 1).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int end = 0;
            while (end < line.length() && !Character.isWhitespace(line.charAt(end)) && line.charAt(end) != '=') {
                end++;
            }
            String keyword = line.substring(0, end).toLowerCase(Locale.ROOT);
            String value = line.substring(end).strip();
            if (value.startsWith("=")) {
                value = value.substring(1).strip();
            }
            String origin = file + " line " + number;
            switch (keyword) {
                case "host" -> blocks.add(new Block(words(value), new ArrayList<>()));
                case "match" -> blocks.add(new Block(value.equalsIgnoreCase("all") ? List.of("*") : List.of(),
                        new ArrayList<>()));
                case "include" -> {
                    if (depth >= MAX_INCLUDE_DEPTH) {
                        throw new SshException(null, "too many nested Include in " + origin
                                + ": does a file include itself?");
                    }
                    for (String pattern : words(value)) {
                        for (Path included : expandInclude(pattern, home)) {
                            parse(included, home, blocks, depth + 1);
                        }
                    }
                }
                default -> blocks.get(blocks.size() - 1).options().add(new Option(keyword, value, origin));
            }
        }
    }

    private static List<Path> expandInclude(String pattern, Path home) throws SshException {
        Path path = pattern.startsWith("~/") ? home.resolve(pattern.substring(2)) : home.resolve(".ssh").resolve(
                pattern);
        String name = path.getFileName().toString();
        if (!name.contains("*") && !name.contains("?") && !name.contains("[")) {
            return Files.isRegularFile(path) ? List.of(path) : List.of();
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(path.getParent())) {
            try (DirectoryStream<Path> matches = Files.newDirectoryStream(path.getParent(), name)) {
                matches.forEach(files::add);
            } catch (IOException e) {
                throw new SshException(null, "cannot list " + path.getParent() + " for Include " + pattern + ": "
                        + Reasons.of(e), e);
            }
        }
        files.removeIf(file -> !Files.isRegularFile(file));
        files.sort(null);
        return files;
    }

    /** The words of a value; double quotes group words with spaces. */
    static List<String> words(String value) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        boolean quoted = false;
        for (char c : value.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
                word = word == null ? new StringBuilder() : word;
            } else if (Character.isWhitespace(c) && !quoted) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    /** The options of the blocks whose patterns match {@code host}, in file order. */
    Lookup lookup(String host) {
        List<Option> options = new ArrayList<>();
        for (Block block : blocks) {
            if (Glob.matchesList(host, block.patterns())) {
                options.addAll(block.options());
            }
        }
        return new Lookup(options);
    }

    /** The options that apply to one host. */
    static final class Lookup {

        private final List<Option> options;

        private Lookup(List<Option> options) {
            this.options = options;
        }

        /** The first value of {@code keyword}, unquoted; {@code null} when none is set. */
        String first(String keyword) {
            for (Option option : options) {
                if (option.keyword().equals(keyword)) {
                    List<String> words = words(option.value());
                    return words.size() == 1 ? words.get(0) : option.value();
                }
            }
            return null;
        }

        /** The words of the first value of {@code keyword}; empty when none is set. */
        List<String> firstWords(String keyword) {
            for (Option option : options) {
                if (option.keyword().equals(keyword)) {
                    return words(option.value());
                }
            }
            return List.of();
        }

        /** Every value of {@code keyword} in order, unquoted, without repetitions. */
        List<String> all(String keyword) {
            List<String> values = new ArrayList<>();
            for (Option option : options) {
                if (option.keyword().equals(keyword)) {
                    List<String> words = words(option.value());
                    String value = words.size() == 1 ? words.get(0) : option.value();
                    if (!values.contains(value)) {
                        values.add(value);
                    }
                }
            }
            return values;
        }

        /** Where the first value of {@code keyword} is set, e.g. {@code /root/.ssh/config line 4}. */
        String origin(String keyword) {
            for (Option option : options) {
                if (option.keyword().equals(keyword)) {
                    return option.origin();
                }
            }
            return null;
        }
    }
}
