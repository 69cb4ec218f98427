package batou.model.project;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YNode;

/**
 * The decrypted content of an environment's secrets: its members (who can decrypt it), attribute overrides of root
 * components, host data, and the bytes of its secret files. Every value in it is sensitive.
 */
public record EnvironmentSecrets(String file, List<String> members, Map<String, ComponentOverrides> overrides,
        Map<String, YNode> hostData, SourceLocation location, Map<String, byte[]> files) {

    public EnvironmentSecrets {
        members = List.copyOf(members);
        overrides = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(overrides));
        hostData = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(hostData));
        files = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(files));
    }

    /** The same secrets with the decrypted secret files ({@code secret-<name>.age}) by name. */
    public EnvironmentSecrets withFiles(Map<String, byte[]> decrypted) {
        return new EnvironmentSecrets(file, members, overrides, hostData, location, decrypted);
    }

    /** The secret files that are UTF-8 text, as text, by name ({@code secrets.files} in expressions). */
    public Map<String, String> textFiles() {
        Map<String, String> texts = new TreeMap<>();
        files.forEach((name, bytes) -> text(bytes).ifPresent(text -> texts.put(name, text)));
        return texts;
    }

    /**
     * The content of a secret file as text, when it is UTF-8 text; empty when it is binary (then only
     * {@code secrets.base64} has it, and editors must not open it as text).
     */
    public static Optional<String> text(byte[] content) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString());
        } catch (CharacterCodingException binary) {
            return Optional.empty();
        }
    }

    /** Every secret file as base64, by name ({@code secrets.base64} in expressions), binary ones included. */
    public Map<String, String> base64Files() {
        Map<String, String> encoded = new TreeMap<>();
        files.forEach((name, bytes) -> encoded.put(name, Base64.getEncoder().encodeToString(bytes)));
        return encoded;
    }
}
