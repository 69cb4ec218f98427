package batou.ui.internal.editor;

import batou.model.project.edit.EditException;
import batou.model.project.edit.YamlValues;
import batou.model.types.AttributeType;
import batou.model.types.ConversionException;

/**
 * What is typed as an override, checked with the attribute's type (the model's conversion) and turned into the
 * value to write. Expressions ({@code {{ ... }}}) are written as text: they are checked when configuring.
 */
final class OverrideValues {

    private OverrideValues() {
    }

    /**
     * The value to write for {@code text}: a number or boolean for those types, a parsed list or mapping when one
     * is typed as YAML ({@code [a, b]}, {@code {k: v}}), else the text.
     *
     * @throws ConversionException with the reason when the text is not a value of {@code type}
     */
    static Object parse(AttributeType type, String text) throws ConversionException {
        String value = text.strip();
        if (value.contains("{{") || value.contains("{%")) {
            return value;
        }
        if ((type == AttributeType.LIST || type == AttributeType.MAP)
                && (value.startsWith("[") || value.startsWith("{"))) {
            Object parsed;
            try {
                parsed = YamlValues.parse(value);
            } catch (EditException e) {
                throw new ConversionException(e.getMessage());
            }
            type.convert(parsed);
            return parsed;
        }
        Object converted = type.convert(value);
        return switch (type) {
            case INT, FLOAT, BOOL -> converted;
            default -> value;
        };
    }
}
