package batou.lib;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

import batou.engine.parts.Change;
import batou.engine.parts.Part;
import batou.engine.parts.PartContext;
import batou.engine.parts.Verdict;
import batou.lib.internal.Attributes;
import batou.lib.internal.TargetFiles;
import batou.model.plan.PartNode;

/**
 * Removes the files and directories matching a glob ({@code pattern}), relative to the work directory unless it
 * is absolute or starts with {@code ~}: {@code old-*.log}, {@code cache/**}. {@code *} stays within one path
 * segment, {@code **} crosses them. A matching directory is removed with everything in it; symbolic links are
 * removed, never followed.
 */
final class PurgePart implements Part {

    private final String pattern;

    PurgePart(PartNode node) {
        this.pattern = Attributes.of(node).requiredString("pattern");
    }

    @Override
    public Verdict verify(PartContext context) throws Exception {
        List<Change> changes = new ArrayList<>();
        for (Path match : matches(context)) {
            changes.add(new Change.Other("remove " + match));
        }
        return changes.isEmpty() ? Verdict.upToDate() : Verdict.update(changes);
    }

    @Override
    public void update(PartContext context, Verdict verdict) throws Exception {
        for (Path match : matches(context)) {
            TargetFiles.removeTree(match);
        }
    }

    /** The top-most matching paths: below a matching directory nothing else is listed. */
    private List<Path> matches(PartContext context) throws IOException {
        Path base = base(context);
        List<String> segments = new ArrayList<>(List.of(relativePattern().split("/+")));
        // walk only below the leading segments without wildcards (never the whole file system for /srv/x/*.log)
        while (segments.size() > 1 && !hasWildcard(segments.get(0))) {
            base = base.resolve(segments.remove(0));
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + String.join("/", segments));
        List<Path> matches = new ArrayList<>();
        if (!Files.isDirectory(base, LinkOption.NOFOLLOW_LINKS)) {
            return matches;
        }
        Path root = base;
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) {
                if (!directory.equals(root) && matcher.matches(root.relativize(directory))) {
                    matches.add(directory);
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (matcher.matches(root.relativize(file))) {
                    matches.add(file);
                }
                return FileVisitResult.CONTINUE;
            }
        });
        matches.sort(null);
        return matches;
    }

    private static boolean hasWildcard(String segment) {
        return segment.chars().anyMatch(c -> "*?[{\\".indexOf(c) >= 0);
    }

    /** The directory the pattern is relative to: the work directory, {@code ~} or {@code /}. */
    private Path base(PartContext context) {
        if (pattern.startsWith("/")) {
            return Path.of("/");
        }
        if (pattern.equals("~") || pattern.startsWith("~/")) {
            return context.target("~");
        }
        return context.workDirectory();
    }

    private String relativePattern() {
        if (pattern.startsWith("/")) {
            return pattern.replaceFirst("^/+", "");
        }
        if (pattern.equals("~")) {
            return "";
        }
        if (pattern.startsWith("~/")) {
            return pattern.substring(2);
        }
        return pattern;
    }
}
