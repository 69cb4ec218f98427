package batou.lib;

import java.util.List;

import batou.model.parts.AttributeConstraint;
import batou.model.parts.PartAttribute;
import batou.model.parts.PartType;

/**
 * The reference of part types as Markdown, made from their schemas (with what each attribute allows) so that it
 * cannot drift from them: {@code docs/reference/library.md} holds it (a test compares), and {@code batou parts}
 * prints it.
 */
public final class LibraryReference {

    private LibraryReference() {
    }

    public static String markdown(List<PartType> types) {
        StringBuilder out = new StringBuilder();
        for (PartType type : types) {
            out.append("### ").append(type.name()).append("\n\n").append(capitalised(type.summary())).append(".\n\n");
            out.append("| attribute | type | default | allowed | meaning |\n|---|---|---|---|---|\n");
            for (PartAttribute attribute : type.attributes()) {
                out.append("| `").append(attribute.name()).append("` | ")
                        .append(attribute.projectFile() ? "project file" : attribute.type().label()).append(" | ")
                        .append(attribute.required() ? "required" : defaultText(attribute)).append(" | ")
                        .append(escaped(AttributeConstraint.describe(attribute.constraints()))).append(" | ")
                        .append(escaped(attribute.description())).append(" |\n");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private static String defaultText(PartAttribute attribute) {
        Object value = attribute.defaultValue();
        if (value == null) {
            return "";
        }
        if (value instanceof Long number && attribute.name().equals("mode")) {
            return "`0" + Long.toOctalString(number) + "`";
        }
        if (value instanceof List<?> list && list.isEmpty()) {
            return "`[]`";
        }
        if (value instanceof java.util.Map<?, ?> map && map.isEmpty()) {
            return "`{}`";
        }
        return "`" + value + "`";
    }

    private static String escaped(String text) {
        return text.replace("|", "\\|");
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
