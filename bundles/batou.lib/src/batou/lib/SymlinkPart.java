package batou.lib;

import java.nio.file.Path;

import batou.engine.files.FileStatus;
import batou.engine.files.SafePath;
import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.PartFailure;
import batou.engine.parts.Verdict;
import batou.lib.internal.Attributes;
import batou.model.plan.PartNode;

/**
 * A symbolic link at {@code path} pointing to {@code target} (written as given: relative targets stay relative).
 * A link with another target, or a file, is replaced atomically; a real directory in the way is a failure, since
 * removing it could lose data. Missing parent directories are created.
 */
final class SymlinkPart implements Part {

    private final String path;
    private final String target;

    SymlinkPart(PartNode node) {
        Attributes attributes = Attributes.of(node);
        this.path = attributes.requiredString("path");
        this.target = attributes.requiredString("target");
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        Path link = context.target(path);
        try (SafePath located = SafePath.of(link)) {
            FileStatus status = located.status();
            if (status.isLink()) {
                String current = located.readLink();
                return current.equals(target) ? Verdict.upToDate()
                        : Verdict.update(new Change.Property(link.toString(), "link target", current, target));
            }
            if (status.isDirectory()) {
                throw directoryInTheWay(link);
            }
            if (status.exists()) {
                return Verdict.update(new Change.Other("replace file " + link + " with a link to " + target));
            }
            return Verdict.update(new Change.Property(link.toString(), "link target", null, target));
        }
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        Path link = context.target(path);
        try (SafePath located = SafePath.creatingParents(link)) {
            if (located.status().isDirectory()) {
                throw directoryInTheWay(link);
            }
            located.createLink(target);
        }
    }

    private static PartFailure directoryInTheWay(Path link) {
        return new PartFailure(link + " is a directory, not a symbolic link: remove it to put the link there");
    }
}
