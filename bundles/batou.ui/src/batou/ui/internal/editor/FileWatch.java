package batou.ui.internal.editor;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;

import org.eclipse.swt.widgets.Display;

/**
 * Tells the UI thread when a file may have changed on disk (git pull, the CLI, a colleague's editor): it watches the
 * file's folder, so that a file replaced by a rename (as git and atomic writers do) or deleted is noticed too.
 */
final class FileWatch implements AutoCloseable {

    private final WatchService service;

    /** Watches {@code file}; {@code changed} runs on the UI thread of {@code display} after each change. */
    FileWatch(Path file, Display display, Runnable changed) throws IOException {
        Path folder = file.getParent();
        Path name = file.getFileName();
        service = folder.getFileSystem().newWatchService();
        folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        Thread thread = new Thread(() -> watch(name, display, changed), "batou watch " + file);
        thread.setDaemon(true);
        thread.start();
    }

    private void watch(Path name, Display display, Runnable changed) {
        try {
            while (true) {
                WatchKey key = service.take();
                boolean ours = false;
                for (WatchEvent<?> event : key.pollEvents()) {
                    ours |= event.kind() == StandardWatchEventKinds.OVERFLOW || name.equals(event.context());
                }
                if (ours && !display.isDisposed()) {
                    display.asyncExec(changed);
                }
                if (!key.reset()) {
                    return; // the folder is gone: nothing more to watch
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed with the editor
        }
    }

    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
