package batou.template.internal;

import java.util.Collection;

import batou.template.Suggestions;

/** "Did you mean" suggestions appended to the engine's messages. */
public final class Names {

    private Names() {
    }

    /** {@code " (did you mean 'x'?)"} for the closest known name, or an empty string. */
    public static String suggest(String name, Collection<String> known) {
        String suggestion = Suggestions.didYouMean(name, known);
        return suggestion.isEmpty() ? "" : " (" + suggestion + ")";
    }
}
