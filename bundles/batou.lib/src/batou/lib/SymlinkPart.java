package batou.lib;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

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
        if (Files.isSymbolicLink(link)) {
            String current = Files.readSymbolicLink(link).toString();
            return current.equals(target) ? Verdict.upToDate()
                    : Verdict.update(new Change.Property(link.toString(), "link target", current, target));
        }
        if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
            throw directoryInTheWay(link);
        }
        if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            return Verdict.update(new Change.Other("replace file " + link + " with a link to " + target));
        }
        return Verdict.update(new Change.Property(link.toString(), "link target", null, target));
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        Path link = context.target(path);
        if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
            throw directoryInTheWay(link);
        }
        Path directory = link.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve("." + link.getFileName() + "." + ProcessHandle.current().pid()
                + ".batou-link");
        Files.deleteIfExists(temporary);
        Files.createSymbolicLink(temporary, Path.of(target));
        try {
            Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static PartFailure directoryInTheWay(Path link) {
        return new PartFailure(link + " is a directory, not a symbolic link: remove it to put the link there");
    }
}
