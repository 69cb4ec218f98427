package batou.engine.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Directories that walks reached lately, by the path that was walked, so that the next file in the same directory
 * costs two stats instead of a walk from {@code /} (a deploy touches hundreds of files in a few directories). An
 * entry is used only while the path still leads to the very directory its descriptor holds: {@code stat} of the
 * path and {@code fstat} of the descriptor must agree on the file key and times (a directory removed and created
 * again under the same inode number differs in them). A path that now leads elsewhere, through whatever link, is
 * walked again; one that leads to the same directory through a new link leads where the walk led, so nothing is
 * followed that the walk would not have reached. Callers share the cache's descriptor; it is closed when the cache
 * dropped it and the last caller closed its handle.
 */
final class DirectoryCache {

    private static final int SIZE = 64;

    private static final Map<Path, SafeDirectory> ENTRIES = new LinkedHashMap<>(SIZE, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, SafeDirectory> eldest) {
            if (size() > SIZE) {
                eldest.getValue().close();
                return true;
            }
            return false;
        }
    };

    private DirectoryCache() {
    }

    /** The directory walked as {@code path}, opened anew, or null when there is none or it is no longer there. */
    static SafeDirectory reopen(Path path) {
        synchronized (ENTRIES) {
            SafeDirectory cached = ENTRIES.get(path);
            if (cached == null) {
                return null;
            }
            try {
                if (same(cached, path)) {
                    return cached.share();
                }
            } catch (IOException e) {
                // gone, or changed: walk again
            }
            ENTRIES.remove(path).close();
            return null;
        }
    }

    /** Remembers {@code directory}, reached by walking {@code path} (the cache keeps a descriptor of its own). */
    static void remember(Path path, SafeDirectory directory) {
        try {
            SafeDirectory copy = directory.reopen();
            synchronized (ENTRIES) {
                SafeDirectory previous = ENTRIES.put(path, copy);
                if (previous != null) {
                    previous.close();
                }
            }
        } catch (IOException e) {
            // not remembered: the next walk opens it again
        }
    }

    private static boolean same(SafeDirectory cached, Path path) throws IOException {
        BasicFileAttributes held = cached.status().attributes();
        BasicFileAttributes found = Files.readAttributes(path, BasicFileAttributes.class);
        return found.isDirectory() && held.fileKey().equals(found.fileKey())
                && held.lastModifiedTime().equals(found.lastModifiedTime())
                && held.creationTime().equals(found.creationTime());
    }
}
