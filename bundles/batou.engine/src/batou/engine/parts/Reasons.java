package batou.engine.parts;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Why a connection or a file failed, in words for a message ({@code cannot read X: it is a directory}): Java's
 * exceptions (and those of libraries that wrap them as text, such as JSch) never reach a user as a class name or as
 * a bare {@code Input length = 1}. For parts (a download) and for the SSH transport.
 */
public final class Reasons {

    /** The operating system's texts, as {@link FileSystemException#getReason()} and FileNotFoundException give them. */
    private static final Map<String, String> SYSTEM = Map.of(
            "No such file or directory", "it does not exist",
            "Is a directory", "it is a directory",
            "Not a directory", "a folder on its path is not a directory",
            "Permission denied", "permission denied",
            "Too many levels of symbolic links", "its symbolic links form a loop");

    /** Failures whose kind says it all, tried in this order (before their more general kinds). */
    private static final Map<Class<? extends Throwable>, String> FIXED = fixed();

    private Reasons() {
    }

    /** Why {@code failure} happened: the first cause that is known, else its message without class names. */
    public static String of(Throwable failure) {
        String known = known(failure);
        if (known != null) {
            return known;
        }
        String message = failure.getMessage() == null ? ""
                : failure.getMessage().replaceAll("(?:[a-z][\\w$]*\\.)+[A-Z][\\w$]*(?:Exception|Error):? ?", "")
                        .strip();
        return message.isEmpty() ? "it failed without saying why" : message;
    }

    /** The reason of the first cause of {@code failure} that is a known failure of a connection or file, or null. */
    public static String known(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause()) {
            String reason = reason(e);
            if (reason != null) {
                return reason;
            }
        }
        return null;
    }

    private static String reason(Throwable e) {
        for (Map.Entry<Class<? extends Throwable>, String> known : FIXED.entrySet()) {
            if (known.getKey().isInstance(e)) {
                return known.getValue();
            }
        }
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (e instanceof UnknownHostException) {
            return "unknown host name " + message;
        }
        if (e instanceof SocketException) {
            return message.toLowerCase(Locale.ROOT).contains("reset") ? "the connection was reset"
                    : "the network connection failed" + (message.isEmpty() ? "" : " (" + message + ")");
        }
        if (e instanceof FileSystemException system && system.getReason() != null) {
            return SYSTEM.getOrDefault(system.getReason(), system.getReason());
        }
        if (e instanceof FileNotFoundException && message.endsWith(")") && message.contains(" (")) {
            String reason = message.substring(message.lastIndexOf(" (") + 2, message.length() - 1);
            return SYSTEM.getOrDefault(reason, reason);
        }
        return null;
    }

    private static Map<Class<? extends Throwable>, String> fixed() {
        Map<Class<? extends Throwable>, String> fixed = new LinkedHashMap<>();
        fixed.put(ConnectException.class, "the connection was refused");
        fixed.put(SocketTimeoutException.class, "no answer in time");
        fixed.put(NoRouteToHostException.class, "no route to host");
        fixed.put(EOFException.class, "the connection was closed");
        fixed.put(CharacterCodingException.class, "it is not UTF-8 text");
        fixed.put(AccessDeniedException.class, "permission denied");
        fixed.put(NoSuchFileException.class, "it does not exist");
        return fixed;
    }
}
