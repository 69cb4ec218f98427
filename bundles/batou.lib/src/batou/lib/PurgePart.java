package batou.lib;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

import batou.engine.files.FileAccessException;
import batou.engine.files.SafeDirectory;
import batou.engine.files.SafePath;
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
        try (SafeDirectory root = openBase(base)) {
            if (root != null) {
                collect(root, base, Path.of(""), matcher, matches, 0);
            }
        }
        matches.sort(null);
        return matches;
    }

    /** The directory below which the pattern matches, or null when there is none. */
    private static SafeDirectory openBase(Path base) throws IOException {
        if (base.getParent() != null) {
            try (SafePath located = SafePath.following(base)) {
                if (!located.status().isDirectory()) {
                    return null;
                }
            }
        }
        return SafeDirectory.open(base, false);
    }

    private static void collect(SafeDirectory directory, Path base, Path relative, PathMatcher matcher,
            List<Path> matches, int depth) throws IOException {
        for (String name : directory.list()) {
            Path entry = relative.resolve(name);
            if (matcher.matches(entry)) {
                matches.add(base.resolve(entry.toString()));
            } else if (directory.status(name).isDirectory()) {
                if (depth >= SafeDirectory.MAX_TREE_DEPTH) {
                    throw new FileAccessException("cannot purge below " + directory.path(name) + ": more than "
                            + SafeDirectory.MAX_TREE_DEPTH + " directory levels");
                }
                try (SafeDirectory child = directory.open(name)) {
                    collect(child, base, entry, matcher, matches, depth + 1);
                }
            }
        }
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
