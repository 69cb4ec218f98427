package batou.secrets.age;

import java.util.Arrays;
import java.util.List;

/**
 * One recipient stanza of an age header: {@code -> type arg...} followed by a base64 body, usually a wrapped file
 * key.
 */
public final class Stanza {

    private final String type;
    private final List<String> arguments;
    private final byte[] body;

    /**
     * @param type the stanza type, e.g. {@code X25519}
     * @param arguments the further arguments of the stanza line
     * @param body the decoded body
     */
    public Stanza(String type, List<String> arguments, byte[] body) {
        this.type = type;
        this.arguments = List.copyOf(arguments);
        this.body = body.clone();
    }

    /** @return the stanza type, e.g. {@code X25519} or {@code ssh-ed25519} */
    public String type() {
        return type;
    }

    /** @return the arguments after the type */
    public List<String> arguments() {
        return arguments;
    }

    /** @return a copy of the decoded body */
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String toString() {
        return "-> " + type + (arguments.isEmpty() ? "" : " " + String.join(" ", arguments)) + " (" + body.length
                + " byte body)";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Stanza s && s.type.equals(type) && s.arguments.equals(arguments)
                && Arrays.equals(s.body, body);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + arguments.hashCode();
    }
}
