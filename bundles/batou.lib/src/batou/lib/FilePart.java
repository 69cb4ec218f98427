package batou.lib;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

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
    private final String missingContent;
    private final String encoding;
    private final PathProperties properties;
    private final boolean leading;
    private final boolean sensitive;

    private FilePart(Attributes attributes, String content, String base64, String source, String missingContent) {
        this.path = attributes.requiredString("path");
        this.content = content;
        this.base64 = base64;
        this.source = source;
        this.missingContent = missingContent;
        this.encoding = attributes.string("encoding", "utf-8");
        this.leading = attributes.bool("leading", true);
        this.sensitive = attributes.sensitive(PartType.RENDERED) || attributes.sensitive(BASE64);
        this.properties = PathProperties.of(attributes).privateContent(sensitive);
    }

    /** A {@code file} part: content, base64 content, a rendered template (template: true) or a copied source. */
    static FilePart file(PartNode node) {
        Attributes attributes = Attributes.of(node);
        String content = attributes.string(PartType.RENDERED);
        String base64 = attributes.string(BASE64);
        boolean template = attributes.bool("template", false);
        if (content == null && template) {
            return new FilePart(attributes, null, null, null, "file part with template: true has no rendered content");
        }
        if (base64 != null) {
            if (content != null || attributes.string("source") != null || template) {
                return new FilePart(attributes, null, null, null, "give one of content, content_base64 and source");
            }
            return new FilePart(attributes, null, base64, null, null);
        }
        return new FilePart(attributes, content, null, content == null ? attributes.string("source") : null, null);
    }

    /** A {@code template} part: the text the model rendered from its source. */
    static FilePart template(PartNode node) {
        Attributes attributes = Attributes.of(node);
        String content = attributes.string(PartType.RENDERED);
        return new FilePart(attributes, content, null, null,
                content == null ? "template part has no rendered content (the model renders 'source' while"
                        + " configuring)" : null);
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        Path target = context.target(path);
        byte[] wanted = wanted(context);
        properties.check(target);
        try (SafePath file = SafePath.of(target)) {
            List<Change> changes = TargetFiles.differences(file, wanted, charset(), sensitive, properties);
            return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
        }
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        byte[] wanted = wanted(context);
        try (SafePath file = TargetFiles.locate(context.target(path), leading)) {
            TargetFiles.converge(file, wanted, properties);
        }
    }

    /** The wanted bytes, or null when the content is not managed. */
    private byte[] wanted(PartContext context) throws IOException, PartFailure {
        if (missingContent != null) {
            throw new PartFailure(path + ": " + missingContent);
        }
        if (content != null) {
            return content.getBytes(charset());
        }
        if (base64 != null) {
            try {
                return Base64.getMimeDecoder().decode(base64);
            } catch (IllegalArgumentException e) {
                throw new PartFailure("content_base64 of " + path + " is not base64: " + e.getMessage()
                        + " (use e.g. {{ secrets.base64['name'] }} for a secret file)");
            }
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
