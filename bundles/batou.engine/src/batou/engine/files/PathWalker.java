package batou.engine.files;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Walks an absolute path from {@code /} one component at a time through directory descriptors, following a symbolic
 * link only when {@link SafeDirectory#refusalToFollow} allows it (its target is then walked the same way: relative
 * to the link's directory, or from {@code /}), and {@code ..} back to the directory the walk came from.
 */
final class PathWalker {

    /** Links followed in one walk at most, as the kernel does (a loop ends here). */
    static final int MAX_LINKS = 40;
    /** Directories open at once at most (each holds a descriptor). */
    static final int MAX_DEPTH = 256;
    /** Components waiting to be walked at most (link targets add theirs). */
    private static final int MAX_COMPONENTS = 4096;

    private final Path path;
    private final boolean create;
    private final Deque<SafeDirectory> stack = new ArrayDeque<>();
    private final Deque<String> pending = new ArrayDeque<>();
    private int links;
    private boolean followedLast;

    private PathWalker(Path path, boolean create) {
        this.path = path;
        this.create = create;
    }

    /** See {@link SafePath#of}, {@link SafePath#creatingParents} and {@link SafePath#following}. */
    static SafePath locate(Path path, boolean create, boolean followLast) throws IOException {
        Path given = path.toAbsolutePath().normalize();
        Path parent = given.getParent();
        if (parent != null) {
            SafeDirectory cached = DirectoryCache.reopen(parent);
            if (cached != null) {
                String name = given.getFileName().toString();
                try {
                    if (!followLast || !cached.status(name).isLink()) {
                        return new SafePath(path, cached, name, true);
                    }
                } catch (IOException | RuntimeException e) {
                    cached.close();
                    throw e;
                }
                cached.close();
            }
        }
        PathWalker walker = start(path, create);
        try {
            SafePath located = walker.locate(followLast);
            if (parent != null && !walker.followedLast) {
                DirectoryCache.remember(parent, located.parent());
            }
            return located;
        } catch (MissingDirectory missing) {
            return SafePath.missing(path, missing.directory);
        } finally {
            walker.closeAll();
        }
    }

    /** See {@link SafeDirectory#open(Path, boolean)}. */
    static SafeDirectory directory(Path path, boolean create) throws IOException {
        Path given = path.toAbsolutePath().normalize();
        SafeDirectory cached = DirectoryCache.reopen(given);
        if (cached != null) {
            return cached;
        }
        PathWalker walker = start(path, create);
        try {
            while (!walker.pending.isEmpty()) {
                walker.step(walker.pending.removeFirst());
            }
            SafeDirectory directory = walker.stack.pop();
            DirectoryCache.remember(given, directory);
            return directory;
        } finally {
            walker.closeAll();
        }
    }

    private static PathWalker start(Path given, boolean create) throws IOException {
        Path path = given.toAbsolutePath();
        PathWalker walker = new PathWalker(path, create);
        for (Path component : path.normalize()) {
            walker.pending.add(component.toString());
        }
        walker.stack.push(SafeDirectory.root());
        return walker;
    }

    private SafePath locate(boolean followLast) throws IOException {
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (!pending.isEmpty() || name.equals(".") || name.equals("..")) {
                step(name);
                continue;
            }
            FileStatus status = followLast ? stack.peek().status(name) : null;
            if (status != null && status.isLink()) {
                follow(name, status);
                followedLast = true;
                continue;
            }
            return located(name);
        }
        // the path ends in the directory the walk is in (/, or a link's target ending in . or ..)
        if (stack.size() == 1) {
            throw new FileAccessException("cannot use " + path + ": it is the root directory /");
        }
        SafeDirectory self = stack.pop();
        self.close();
        return located(self.path().getFileName().toString());
    }

    private SafePath located(String name) {
        SafeDirectory parent = stack.pop();
        return new SafePath(path, parent, name, true);
    }

    /** Walks into the directory {@code name} of the current one (or follows the link there, or goes up). */
    private void step(String name) throws IOException {
        SafeDirectory top = stack.peek();
        if (name.equals(".")) {
            return;
        }
        if (name.equals("..")) {
            if (stack.size() > 1) {
                stack.pop().close();
            }
            return;
        }
        FileStatus status = top.status(name);
        if (status.isLink()) {
            follow(name, status);
            return;
        }
        if (!status.exists() && create) {
            try {
                top.createDirectory(name);
            } catch (FileAccessException e) {
                if (!top.status(name).isDirectory()) {
                    throw e;
                }
                // made meanwhile, e.g. by the deployment of another host below the same parent: use it
            }
        } else if (!status.exists()) {
            throw new MissingDirectory(top.path(name));
        }
        if (stack.size() >= MAX_DEPTH) {
            throw new FileAccessException("cannot reach " + path + ": more than " + MAX_DEPTH + " directory levels");
        }
        stack.push(top.open(name));
    }

    private void follow(String name, FileStatus status) throws IOException {
        SafeDirectory top = stack.peek();
        if (++links > MAX_LINKS) {
            throw new FileAccessException("cannot reach " + path + ": more than " + MAX_LINKS
                    + " symbolic links on the way (a loop?)");
        }
        String refusal = top.refusalToFollow(name, status);
        if (refusal != null) {
            throw new FileAccessException(refusal);
        }
        String target = top.readLink(name);
        if (target.startsWith("/")) {
            while (stack.size() > 1) {
                stack.pop().close();
            }
        }
        List<String> components = List.of(target.split("/+"));
        if (pending.size() + components.size() > MAX_COMPONENTS) {
            throw new FileAccessException("cannot reach " + path + ": its symbolic links make it longer than "
                    + MAX_COMPONENTS + " components");
        }
        for (int i = components.size() - 1; i >= 0; i--) {
            if (!components.get(i).isEmpty()) {
                pending.addFirst(components.get(i));
            }
        }
    }

    private void closeAll() {
        while (!stack.isEmpty()) {
            stack.pop().close();
        }
    }

    /** A directory on the way does not exist (and is not to be created). */
    static final class MissingDirectory extends FileAccessException {
        private static final long serialVersionUID = 1L;
        final transient Path directory;

        MissingDirectory(Path directory) {
            super(directory + " does not exist");
            this.directory = directory;
        }
    }
}
