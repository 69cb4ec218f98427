package batou.engine.parts;

import java.util.function.UnaryOperator;

/** One thing an update changes (or, when predicting, would change) on the target. */
public sealed interface Change
        permits Change.Content, Change.Property, Change.Command, Change.Other {

    /** One line for people, e.g. {@code mode of app.ini: 0644 -> 0640}. Never holds sensitive values. */
    String summary();

    /** The same change with {@code text} applied to every text it carries (see DeploymentEvent#map). */
    Change map(UnaryOperator<String> text);

    /**
     * A file whose text changes. {@code before} is null for a new file. When {@code sensitive}, the change carries
     * no texts at all (both are emptied here, so no event, report or agent message can leak them) and reports show
     * "diff hidden: contains sensitive data".
     */
    record Content(String path, String before, String after, boolean sensitive) implements Change {
        public Content {
            if (sensitive) {
                before = before == null ? null : "";
                after = "";
            }
        }

        @Override
        public String summary() {
            return (before == null ? "create " : "update ") + path;
        }

        @Override
        public Content map(UnaryOperator<String> text) {
            return new Content(text.apply(path), before == null ? null : text.apply(before), text.apply(after),
                    sensitive);
        }
    }

    /** A property of a file: mode, owner, group, link target. */
    record Property(String path, String property, String before, String after) implements Change {
        @Override
        public String summary() {
            return property + " of " + path + ": " + (before == null ? "(none)" : before) + " -> " + after;
        }

        @Override
        public Property map(UnaryOperator<String> text) {
            return new Property(text.apply(path), text.apply(property), before == null ? null : text.apply(before),
                    text.apply(after));
        }
    }

    /** A command that runs. {@code display} is the command line, or a masked form when it is sensitive. */
    record Command(String display) implements Change {
        @Override
        public String summary() {
            return "run " + display;
        }

        @Override
        public Command map(UnaryOperator<String> text) {
            return new Command(text.apply(display));
        }
    }

    /** Anything else, described in words (a removed file, a fetched revision...). */
    record Other(String description) implements Change {
        @Override
        public String summary() {
            return description;
        }

        @Override
        public Other map(UnaryOperator<String> text) {
            return new Other(text.apply(description));
        }
    }
}
