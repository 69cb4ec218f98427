package batou.secrets.age.internal;

import java.util.Base64;
import java.util.Optional;

/** The unpadded, canonical standard base64 of age headers. */
public final class Base64s {

    private Base64s() {
    }

    /** @return unpadded standard base64 */
    public static String encode(byte[] data) {
        return Base64.getEncoder().withoutPadding().encodeToString(data);
    }

    /** @return the decoded bytes, or empty if the text is not canonical unpadded base64 */
    public static Optional<byte[]> decode(String text) {
        if (text.indexOf('=') >= 0 || text.indexOf('\r') >= 0 || text.indexOf('\n') >= 0) {
            return Optional.empty();
        }
        try {
            byte[] data = Base64.getDecoder().decode(text);
            return encode(data).equals(text) ? Optional.of(data) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
