package batou.engine.parts;

/** One thing an update changes (or, when predicting, would change) on the target. */
public sealed interface Change
        permits Change.Content, Change.Property, Change.Command, Change.Other {

    /** One line for people, e.g. {@code mode of app.ini: 0644 -> 0640}. Never holds sensitive values. */
    String summary();

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
    }

    /** A property of a file: mode, owner, group, link target. */
    record Property(String path, String property, String before, String after) implements Change {
        @Override
        public String summary() {
            return property + " of " + path + ": " + (before == null ? "(none)" : before) + " -> " + after;
        }
    }

    /** A command that runs. {@code display} is the command line, or a masked form when it is sensitive. */
    record Command(String display) implements Change {
        @Override
        public String summary() {
            return "run " + display;
        }
    }

    /** Anything else, described in words (a removed file, a fetched revision...). */
    record Other(String description) implements Change {
        @Override
        public String summary() {
            return description;
        }
    }
}
