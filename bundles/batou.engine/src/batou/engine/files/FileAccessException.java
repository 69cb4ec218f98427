package batou.engine.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A file operation on the target that failed or was refused, with a message for people: the path, what went wrong
 * and, for a refusal, what to do (e.g. {@code refusing to follow the symbolic link /srv/app/sub -> /etc, owned by
 * user 'mallory': ...}).
 */
public class FileAccessException extends IOException {

    private static final long serialVersionUID = 1L;

    public FileAccessException(String message) {
        super(message);
    }

    public FileAccessException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code cannot <action> <path>: <reason>} for an error of the operating system. */
    static FileAccessException of(String action, Path path, IOException error) {
        if (error instanceof FileAccessException access) {
            return access;
        }
        return new FileAccessException("cannot " + action + " " + path + ": " + reason(error), error);
    }

    private static String reason(IOException error) {
        if (error instanceof NoSuchFileException) {
            return "it does not exist";
        }
        if (error instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (error instanceof DirectoryNotEmptyException) {
            return "the directory is not empty";
        }
        if (error instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (error instanceof FileAlreadyExistsException) {
            return "it already exists";
        }
        String reason = error instanceof FileSystemException system && system.getReason() != null
                ? system.getReason() : error.getMessage();
        if (reason == null || reason.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return reason.substring(0, 1).toLowerCase(Locale.ROOT) + reason.substring(1);
    }
}
