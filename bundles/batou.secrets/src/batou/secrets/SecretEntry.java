package batou.secrets;

/**
 * The name of one secret value of a secrets document: an attribute override {@code components.<owner>.<name>} or a
 * host data entry {@code hosts.<owner>.<name>}. Names only: an entry never holds the value.
 *
 * @param section where the value lives
 * @param owner the component or host
 * @param name the attribute or host data key
 */
public record SecretEntry(Section section, String owner, String name) {

    /** The two sections of a secrets document that hold values. */
    public enum Section {
        /** {@code components:}: attribute overrides. */
        COMPONENT("components"),
        /** {@code hosts:}: host data. */
        HOST("hosts");

        private final String key;

        Section(String key) {
            this.key = key;
        }

        /** The top-level key of the section in the document. */
        public String key() {
            return key;
        }
    }

    /** An attribute override {@code component.attribute}. */
    public static SecretEntry component(String component, String attribute) {
        return new SecretEntry(Section.COMPONENT, component, attribute);
    }

    /** A host data entry. */
    public static SecretEntry host(String host, String key) {
        return new SecretEntry(Section.HOST, host, key);
    }

    /** {@code component.attribute}, or {@code host <host>: <key>} for host data (as {@code batou secrets show}). */
    @Override
    public String toString() {
        return section == Section.COMPONENT ? owner + "." + name : "host " + owner + ": " + name;
    }
}
