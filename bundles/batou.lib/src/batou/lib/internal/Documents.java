package batou.lib.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import batou.engine.parts.PartFailure;

/**
 * Structured documents (maps, lists, strings, numbers, booleans, null) for the json and yaml parts: merging
 * overrides into data and writing them as JSON or YAML text, deterministically (keys in insertion order).
 */
public final class Documents {

    private Documents() {
    }

    /**
     * {@code data} with {@code overrides} merged over it: where both hold a map under the same key the maps are
     * merged the same way, any other value of {@code overrides} replaces the one of {@code data}. Neither input is
     * changed; the result is a fresh tree of {@link LinkedHashMap}s and {@link ArrayList}s.
     */
    public static Map<String, Object> merge(Map<?, ?> data, Map<?, ?> overrides) {
        Map<String, Object> result = copyMap(data);
        overrides.forEach((key, value) -> {
            String name = String.valueOf(key);
            Object existing = result.get(name);
            if (existing instanceof Map<?, ?> base && value instanceof Map<?, ?> over) {
                result.put(name, merge(base, over));
            } else {
                result.put(name, copy(value));
            }
        });
        return result;
    }

    private static Map<String, Object> copyMap(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), copy(value)));
        return result;
    }

    private static Object copy(Object value) {
        if (value instanceof Map<?, ?> map) {
            return copyMap(map);
        }
        if (value instanceof List<?> list) {
            List<Object> result = new ArrayList<>(list.size());
            for (Object item : list) {
                result.add(copy(item));
            }
            return result;
        }
        return value;
    }

    /** JSON text of {@code value} (see {@link batou.engine.Json}); a NaN or infinite number cannot be written. */
    public static String json(Object value, int indent) throws PartFailure {
        try {
            return batou.engine.Json.write(value, indent);
        } catch (IllegalArgumentException e) {
            throw new PartFailure(e.getMessage(), e);
        }
    }

    /** YAML text of {@code value} in block style, two spaces per level, Unix line breaks. */
    public static String yaml(Object value) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(0);
        options.setWidth(Integer.MAX_VALUE);
        options.setSplitLines(false);
        options.setLineBreak(DumperOptions.LineBreak.UNIX);
        options.setAllowUnicode(true);
        options.setExplicitStart(false);
        return new Yaml(options).dump(copy(value));
    }
}
