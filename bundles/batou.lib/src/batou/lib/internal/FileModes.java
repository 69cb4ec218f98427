package batou.lib.internal;

import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;

import batou.engine.parts.PartFailure;

/** Permission bits as numbers (0640) and as {@link PosixFilePermission} sets. */
public final class FileModes {

    private static final PosixFilePermission[] BITS = { PosixFilePermission.OTHERS_EXECUTE,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE,
            PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ };

    private FileModes() {
    }

    /** The permissions of {@code mode}; only the bits 0777 are supported (no setuid, setgid or sticky bit). */
    public static Set<PosixFilePermission> permissions(long mode) throws PartFailure {
        if (mode < 0 || mode > 0777) {
            throw new PartFailure("mode " + format(mode) + " is not supported: use permission bits 0000 to 0777"
                    + " (write it with a leading 0, e.g. 0640)");
        }
        Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
        for (int bit = 0; bit < BITS.length; bit++) {
            if ((mode & (1L << bit)) != 0) {
                permissions.add(BITS[bit]);
            }
        }
        return permissions;
    }

    public static long mode(Set<PosixFilePermission> permissions) {
        long mode = 0;
        for (int bit = 0; bit < BITS.length; bit++) {
            if (permissions.contains(BITS[bit])) {
                mode |= 1L << bit;
            }
        }
        return mode;
    }

    /** Octal with a leading zero, e.g. {@code 0640}. */
    public static String format(long mode) {
        return mode < 0 ? Long.toString(mode) : String.format("0%03o", mode);
    }
}
