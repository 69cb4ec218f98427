package batou.lib;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import batou.engine.files.SafePath;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.engine.parts.Change;
import batou.lib.internal.Attributes;
import batou.lib.internal.PathProperties;
import batou.lib.internal.ProjectSources;
import batou.lib.internal.TargetFiles;
import batou.model.parts.PartType;
import batou.model.parts.Violation;
import batou.model.plan.PartNode;

/**
 * A file with wanted bytes, mode, owner and group ({@code file} and {@code template} parts). The bytes come from
 * text ({@code content}, encoded with {@code encoding}; for templates the text the model rendered), from base64
 * ({@code content_base64}, e.g. a binary secret file) or from a project file copied byte for byte ({@code source}).
 * Without any, only the file's existence and properties are managed: a missing file is created empty. A file that
 * is already right is not touched. A file whose content is sensitive is private unless {@code mode} is given (see
 * {@link PathProperties}).
 */
final class FilePart implements Part {

    private final String path;
    private static final String BASE64 = "content_base64";

    private final String content;
    private final String base64;
    private final String source;
    private final String encoding;
    private final PathProperties properties;
    private final boolean leading;
    private final boolean sensitive;

    private FilePart(Attributes attributes, String content, String base64, String source) {
        this.path = attributes.requiredString("path");
        this.content = content;
        this.base64 = base64;
        this.source = source;
        this.encoding = attributes.string("encoding", "utf-8");
        this.leading = attributes.bool("leading", true);
        this.sensitive = attributes.sensitive(PartType.RENDERED) || attributes.sensitive(BASE64);
        this.properties = PathProperties.of(attributes).privateContent(sensitive);
    }

    /**
     * A {@code file} part: content, base64 content, a rendered template (template: true) or a copied source; the
     * schema made sure of one of them ({@link #check}).
     */
    static FilePart file(PartNode node) {
        Attributes attributes = Attributes.of(node);
        String content = attributes.string(PartType.RENDERED);
        String base64 = attributes.string(BASE64);
        return new FilePart(attributes, content, base64, content == null ? attributes.string("source") : null);
    }

    /** A {@code template} part: the text the model rendered from its source. */
    static FilePart template(PartNode node) {
        Attributes attributes = Attributes.of(node);
        return new FilePart(attributes, attributes.string(PartType.RENDERED), null, null);
    }

    /**
     * The rules of a {@code file} part over several attributes: one of content, content_base64 and source (with
     * {@code template: true}, content or source to render, whose text then becomes the content), and base64 that
     * decodes.
     */
    static List<Violation> check(Map<String, Object> values) {
        boolean template = Boolean.TRUE.equals(values.get("template"));
        boolean content = values.get(PartType.RENDERED) != null;
        boolean source = values.get("source") != null;
        boolean base64 = values.get(BASE64) != null;
        if (base64 && (content || source || template) || content && source && !template) {
            return List.of(Violation.of("it has more than one of content, content_base64 and source",
                    "give one of them"));
        }
        if (template && !content) {
            return List.of(Violation.of("template: true has nothing to render", "give content or source"));
        }
        if (base64) {
            try {
                Base64.getMimeDecoder().decode((String) values.get(BASE64));
            } catch (IllegalArgumentException e) {
                return List.of(Violation.of("content_base64 is not valid base64",
                        "use e.g. {{ secrets.base64['name'] }} for a secret file"));
            }
        }
        return List.of();
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        Path target = context.target(path);
        byte[] wanted = wanted(context);
        properties.check(target);
        try (SafePath file = SafePath.of(target)) {
            // a file that held a secret never shows its old content, also when the new one holds none
            boolean hidden = sensitive || context.heldSensitiveContent(target);
            List<Change> changes = TargetFiles.differences(file, wanted, charset(), hidden, properties);
            return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
        }
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        byte[] wanted = wanted(context);
        Path target = context.target(path);
        try (SafePath file = TargetFiles.locate(target, leading)) {
            TargetFiles.converge(file, wanted, properties);
        }
        context.recordSensitiveContent(target, sensitive);
    }

    /** The wanted bytes, or null when the content is not managed. */
    private byte[] wanted(PartContext context) throws IOException, PartFailure {
        if (content != null) {
            return content.getBytes(charset());
        }
        if (base64 != null) {
            return Base64.getMimeDecoder().decode(base64);
        }
        if (source != null) {
            return ProjectSources.read(context, source, path);
        }
        return null;
    }

    private Charset charset() throws PartFailure {
        return TargetFiles.charset(encoding);
    }
}
