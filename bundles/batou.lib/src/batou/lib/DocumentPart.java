package batou.lib;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import batou.engine.files.SafePath;
import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.lib.internal.Attributes;
import batou.lib.internal.Documents;
import batou.lib.internal.PathProperties;
import batou.lib.internal.TargetFiles;
import batou.model.parts.Violation;
import batou.model.plan.PartNode;

/**
 * A JSON or YAML file ({@code json} and {@code yaml} parts) written from {@code data} with {@code overrides}
 * merged over it (nested maps merge, other values replace), in UTF-8 with a trailing newline. Like a file part, it
 * is written atomically and only when its text differs, with mode, owner and group, and missing parent directories
 * when {@code leading}. The text is marked sensitive when data or overrides are, and the file is then private
 * unless {@code mode} is given.
 */
final class DocumentPart implements Part {

    private interface Format {
        String render(Map<String, Object> document) throws PartFailure;
    }

    private final String path;
    private final Map<?, ?> data;
    private final Map<?, ?> overrides;
    private final Format format;
    private final PathProperties properties;
    private final boolean leading;
    private final boolean sensitive;

    private DocumentPart(Attributes attributes, Format format) {
        this.path = attributes.requiredString("path");
        Map<?, ?> value = (Map<?, ?>) attributes.node().attributes().get("data");
        if (value == null) {
            throw new IllegalArgumentException(attributes.node().type() + " part: attribute 'data' is required");
        }
        this.data = value;
        Object over = attributes.node().attributes().get("overrides");
        this.overrides = over == null ? Map.of() : (Map<?, ?>) over;
        this.format = format;
        this.leading = attributes.bool("leading", true);
        this.sensitive = attributes.sensitive("data") || attributes.sensitive("overrides");
        this.properties = PathProperties.of(attributes).privateContent(sensitive);
    }

    static DocumentPart json(PartNode node) {
        Attributes attributes = Attributes.of(node);
        long indent = attributes.integer("indent", 2L);
        return new DocumentPart(attributes, document -> Documents.json(document, (int) indent));
    }

    /** The rule of a {@code json} part: the document can be written as JSON (no NaN, no infinite number). */
    static List<Violation> checkJson(Map<String, Object> values) {
        Object data = values.get("data");
        Object overrides = values.get("overrides");
        try {
            Documents.json(Documents.merge(data instanceof Map<?, ?> map ? map : Map.of(),
                    overrides instanceof Map<?, ?> map ? map : Map.of()), 0);
            return List.of();
        } catch (PartFailure e) {
            return List.of(Violation.of("its document cannot be written as JSON: " + e.getMessage(), null));
        }
    }

    static DocumentPart yaml(PartNode node) {
        return new DocumentPart(Attributes.of(node), Documents::yaml);
    }

    private byte[] wanted() throws PartFailure {
        return format.render(Documents.merge(data, overrides)).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        Path target = context.target(path);
        byte[] wanted = wanted();
        properties.check(target);
        try (SafePath file = SafePath.of(target)) {
            List<Change> changes = TargetFiles.differences(file, wanted, StandardCharsets.UTF_8, sensitive,
                    properties);
            return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
        }
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        byte[] wanted = wanted();
        try (SafePath file = TargetFiles.locate(context.target(path), leading)) {
            TargetFiles.converge(file, wanted, properties);
        }
    }
}
