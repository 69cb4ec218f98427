package batou.lib;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import batou.engine.files.FileStatus;
import batou.engine.files.SafePath;
import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.lib.internal.Attributes;
import batou.lib.internal.FileModes;
import batou.lib.internal.PathProperties;
import batou.model.plan.PartNode;

/**
 * The permission bits ({@code mode} part) or owner and group ({@code owner} part) of a path that something else
 * creates. While predicting, a path that does not exist yet (an earlier part would create it) is reported as a
 * change; when updating, it must exist. A symbolic link at the path is refused, never followed.
 */
final class PermissionsPart implements Part {

    private final String kind;
    private final String path;
    private final PathProperties properties;

    private PermissionsPart(String kind, String path, PathProperties properties) {
        this.kind = kind;
        this.path = path;
        this.properties = properties;
    }

    /** A {@code mode} part. */
    static PermissionsPart mode(PartNode node) {
        Attributes attributes = Attributes.of(node);
        return new PermissionsPart("mode", attributes.requiredString("path"),
                new PathProperties(attributes.integer("mode"), null, null));
    }

    /** An {@code owner} part. */
    static PermissionsPart owner(PartNode node) {
        Attributes attributes = Attributes.of(node);
        return new PermissionsPart("owner", attributes.requiredString("path"),
                new PathProperties(null, attributes.string("owner"), attributes.string("group")));
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        Path target = context.target(path);
        properties.check(target);
        try (SafePath located = SafePath.of(target)) {
            List<Change> changes = existing(located, context.predict()) ? properties.differences(located)
                    : wantedForMissing(target);
            return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
        }
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        try (SafePath located = SafePath.of(context.target(path))) {
            existing(located, false);
            properties.apply(located);
        }
    }

    /**
     * True when {@code located} is a file or directory; false when it is missing while predicting. A link is
     * refused: a mode or owner part never changes what a link points to.
     */
    private boolean existing(SafePath located, boolean predict) throws IOException, PartFailure {
        FileStatus status = located.status();
        if (status.isFile() || status.isDirectory()) {
            return true;
        }
        if (status.exists()) {
            throw new PartFailure(located.path() + " is " + status.type().description() + ": a " + kind
                    + " part changes a file or directory and never follows a link; name the file or directory"
                    + " itself");
        }
        if (!predict) {
            throw missing(located.path());
        }
        return false;
    }

    private List<Change> wantedForMissing(Path target) {
        List<Change> changes = new java.util.ArrayList<>();
        if (properties.mode() != null) {
            changes.add(new Change.Property(target.toString(), "mode", null, FileModes.format(properties.mode())));
        }
        if (properties.owner() != null) {
            changes.add(new Change.Property(target.toString(), "owner", null, properties.owner()));
        }
        if (properties.group() != null) {
            changes.add(new Change.Property(target.toString(), "group", null, properties.group()));
        }
        return changes;
    }

    private PartFailure missing(Path target) {
        return new PartFailure(target + " does not exist: a " + kind
                + " part changes an existing file or directory; create it with an earlier part");
    }
}
