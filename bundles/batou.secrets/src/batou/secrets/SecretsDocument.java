package batou.secrets;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.yaml.snakeyaml.Yaml;

import batou.model.yaml.BoundedYaml;
import batou.model.yaml.ReadProblem;
import batou.secrets.age.Recipients;

/**
 * The plaintext of a secrets file: YAML with {@code members}, {@code components} and {@code hosts}. Checked on
 * every write, so that a broken file is never encrypted. Members are edited in the text, keeping comments.
 */
public final class SecretsDocument {

    private static final List<String> KEYS = List.of("members", "components", "hosts");

    private final String text;
    private final Map<String, Object> content;

    private SecretsDocument(String text, Map<String, Object> content) {
        this.text = text;
        this.content = content;
    }

    /** The template a new secrets file starts from. */
    public static String template(List<String> members) {
        StringBuilder out = new StringBuilder("# Secrets of this environment: every value here is sensitive.\n");
        out.append(membersBlock(members));
        out.append("components: {}\n# components:\n#   app: {secret_key: \"...\"}\nhosts: {}\n");
        return out.toString();
    }

    /**
     * Parses and checks the text, within the limits of every YAML batou reads ({@link BoundedYaml#SECRETS}).
     *
     * @throws IllegalArgumentException naming the line and what is wrong, never quoting values
     */
    @SuppressWarnings("unchecked")
    public static SecretsDocument parse(String text) {
        Object loaded;
        try {
            loaded = BoundedYaml.SECRETS.load(text);
        } catch (ReadProblem problem) {
            throw new IllegalArgumentException(problem.describe());
        }
        if (loaded == null) {
            loaded = new LinkedHashMap<String, Object>();
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("the secrets must be a mapping with members, components and hosts");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("unknown key '" + key + "' (allowed keys: members, components, "
                        + "hosts)");
            }
        }
        Object members = map.get("members");
        if (members != null && !(members instanceof List<?>)) {
            throw new IllegalArgumentException("'members' must be a list of age1... or ssh-ed25519 keys");
        }
        for (String section : List.of("components", "hosts")) {
            Object value = map.get(section);
            if (value != null && !(value instanceof Map<?, ?>)) {
                throw new IllegalArgumentException("'" + section + "' must be a mapping");
            }
        }
        return new SecretsDocument(text, (Map<String, Object>) map);
    }

    public String text() {
        return text;
    }

    public List<String> members() {
        List<String> members = new ArrayList<>();
        Object list = content.get("members");
        if (list instanceof List<?> items) {
            items.forEach(item -> members.add(String.valueOf(item).strip()));
        }
        return members;
    }

    /** {@code component.attribute} for every secret override, and {@code host: key} for host data. Names only. */
    public List<String> keys() {
        return entries().stream().map(SecretEntry::toString).toList();
    }

    /** Every secret value's name: attribute overrides first, then host data, in the order of the file. */
    public List<SecretEntry> entries() {
        List<SecretEntry> entries = new ArrayList<>();
        for (SecretEntry.Section section : SecretEntry.Section.values()) {
            if (content.get(section.key()) instanceof Map<?, ?> owners) {
                owners.forEach((owner, values) -> {
                    if (values instanceof Map<?, ?> map) {
                        map.keySet().forEach(name -> entries.add(
                                new SecretEntry(section, String.valueOf(owner), String.valueOf(name))));
                    }
                });
            }
        }
        return entries;
    }

    /**
     * The value of one entry as text (a scalar as written, a list or mapping in YAML flow style), for a user who
     * explicitly asked to see it.
     */
    public Optional<String> value(SecretEntry entry) {
        if (content.get(entry.section().key()) instanceof Map<?, ?> owners
                && owners.get(entry.owner()) instanceof Map<?, ?> values && values.containsKey(entry.name())) {
            Object value = values.get(entry.name());
            if (value == null) {
                return Optional.of("");
            }
            if (value instanceof Map<?, ?> || value instanceof List<?>) {
                org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
                options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.FLOW);
                return Optional.of(new Yaml(options).dump(value).strip());
            }
            return Optional.of(String.valueOf(value));
        }
        return Optional.empty();
    }

    /**
     * The same document with one more member; the same document when the key is a member already.
     *
     * @throws batou.secrets.age.AgeException when the key is not a key batou can encrypt to
     */
    public SecretsDocument withMemberAdded(String key) {
        Recipients.parse(key);
        List<String> members = new ArrayList<>(members());
        if (members.contains(key.strip())) {
            return this;
        }
        members.add(key.strip());
        return withMembers(members);
    }

    /**
     * The same document without a member.
     *
     * @throws IllegalArgumentException when the key is not a member or the last one
     */
    public SecretsDocument withMemberRemoved(String key) {
        List<String> members = new ArrayList<>(members());
        if (!members.remove(key.strip())) {
            throw new IllegalArgumentException("not a member: " + key);
        }
        if (members.isEmpty()) {
            throw new IllegalArgumentException("cannot remove the last member");
        }
        return withMembers(members);
    }

    /** The same document with other members; the rest of the text, comments included, stays as it is. */
    public SecretsDocument withMembers(List<String> members) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int start = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("members:")) {
                start = i;
                break;
            }
        }
        String block = membersBlock(members);
        if (start < 0) {
            return parse(block + text);
        }
        int end = start + 1;
        while (end < lines.size() && (lines.get(end).startsWith(" ") || lines.get(end).startsWith("-")
                || lines.get(end).isBlank() && end + 1 < lines.size() && lines.get(end + 1).startsWith(" "))) {
            end++;
        }
        List<String> result = new ArrayList<>(lines.subList(0, start));
        result.addAll(List.of(block.substring(0, block.length() - 1).split("\n")));
        result.addAll(lines.subList(end, lines.size()));
        return parse(String.join("\n", result));
    }

    /** The same document with {@code components.<component>.<attribute>} set (see {@link #with(SecretEntry, String)}). */
    public SecretsDocument with(String component, String attribute, String value) {
        return with(SecretEntry.component(component, attribute), value);
    }

    /**
     * The same document with the entry set to {@code value}. The value is changed where it stands, so that comments
     * and the order of the text stay; only a document of a shape that cannot be edited in place (a section that is
     * not a mapping) is written anew, without its comments.
     */
    public SecretsDocument with(SecretEntry entry, String value) {
        Optional<String> edited = ValueEdit.apply(text, entry, value);
        if (edited.isPresent()) {
            try {
                SecretsDocument document = parse(edited.get());
                if (document.value(entry).equals(Optional.of(value))) {
                    return document;
                }
            } catch (IllegalArgumentException e) {
                // a shape the in-place edit misjudged: write the document anew below
            }
        }
        return rewritten(entry, value);
    }

    @SuppressWarnings("unchecked")
    private SecretsDocument rewritten(SecretEntry entry, String value) {
        String section = entry.section().key();
        Map<String, Object> copy = new LinkedHashMap<>(content);
        Map<String, Object> owners = new LinkedHashMap<>(
                copy.get(section) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
        Map<String, Object> values = new LinkedHashMap<>(
                owners.get(entry.owner()) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
        values.put(entry.name(), value);
        owners.put(entry.owner(), values);
        copy.put(section, owners);
        org.yaml.snakeyaml.DumperOptions options = new org.yaml.snakeyaml.DumperOptions();
        options.setDefaultFlowStyle(org.yaml.snakeyaml.DumperOptions.FlowStyle.BLOCK);
        return parse(new Yaml(options).dump(copy));
    }

    private static String membersBlock(List<String> members) {
        StringBuilder out = new StringBuilder("members:\n");
        for (String member : members) {
            out.append("  - ").append(member).append('\n');
        }
        return members.isEmpty() ? "members: []\n" : out.toString();
    }
}
