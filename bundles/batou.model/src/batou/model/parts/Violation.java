package batou.model.parts;

import java.util.Objects;

/** Why a part's value or combination of values is refused while configuring, and what to do (null: no hint). */
public record Violation(String message, String hint) {

    public Violation {
        Objects.requireNonNull(message, "message");
    }

    public static Violation of(String message, String hint) {
        return new Violation(message, hint);
    }
}
