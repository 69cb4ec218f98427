package batou.lib.internal;

/**
 * One entry of an archive as its reader found it: the name as written in the archive, what kind of entry it is,
 * its whole mode (with set-user-ID, set-group-ID and sticky bits), the size of its content and, for links, the name
 * it links to.
 */
public record ArchiveEntry(String name, Kind kind, int mode, long size, String linkTarget) {

    /** The kinds of entries; special files (devices, named pipes) are never created. */
    public enum Kind {
        FILE, DIRECTORY, SYMBOLIC_LINK, HARD_LINK, CHARACTER_DEVICE, BLOCK_DEVICE, NAMED_PIPE
    }
}
