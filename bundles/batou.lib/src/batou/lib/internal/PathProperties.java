package batou.lib.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import batou.engine.files.FileStatus;
import batou.engine.files.SafePath;
import batou.engine.parts.Change;
import batou.engine.parts.PartFailure;

/**
 * The wanted mode, owner and group of a path, each optional: finds how an existing path differs and converges it,
 * through {@link SafePath} (a link at the path is refused, never followed). Shared by the file, template, directory,
 * mode and owner parts. Owner and group are names (or numeric ids) looked up on the target; one that does not exist
 * there is a {@link PartFailure} naming it.
 *
 * <p>A file whose content is sensitive ({@link #privateContent}) and whose mode is not given is private: a new one
 * is created 0600, and an existing one loses its group and others permissions (0644 becomes 0600, 0755 becomes
 * 0700), so that a file does not stay readable by everyone once a secret is written into it.
 */
public final class PathProperties {

    private static final PathProperties NONE = new PathProperties(null, null, null, false);
    private static final Set<PosixFilePermission> NEW_FILE = PosixFilePermissions.fromString("rw-r--r--");
    private static final Set<PosixFilePermission> NEW_PRIVATE_FILE = PosixFilePermissions.fromString("rw-------");

    private final Long mode;
    private final String owner;
    private final String group;
    private final boolean privateContent;

    public PathProperties(Long mode, String owner, String group) {
        this(mode, owner, group, false);
    }

    private PathProperties(Long mode, String owner, String group, boolean privateContent) {
        this.mode = mode;
        this.owner = owner;
        this.group = group;
        this.privateContent = privateContent;
    }

    public static PathProperties none() {
        return NONE;
    }

    /** The {@code mode}, {@code owner} and {@code group} attributes of a part. */
    public static PathProperties of(Attributes attributes) {
        return new PathProperties(attributes.integer("mode"), attributes.string("owner"), attributes.string("group"));
    }

    /** The same owner and group, with another mode (or none). */
    public PathProperties withMode(Long newMode) {
        return new PathProperties(newMode, owner, group, privateContent);
    }

    /** The same, for a file whose content is sensitive when {@code sensitive}: private unless a mode is given. */
    public PathProperties privateContent(boolean sensitive) {
        return new PathProperties(mode, owner, group, sensitive);
    }

    public Long mode() {
        return mode;
    }

    public String owner() {
        return owner;
    }

    public String group() {
        return group;
    }

    /** The wanted permissions, or null when the mode is not managed. */
    public Set<PosixFilePermission> permissions() throws PartFailure {
        return mode == null ? null : FileModes.permissions(mode);
    }

    /**
     * The permissions a path with {@code current} permissions (null for a new file) should have: the mode when one
     * is given, else the current ones (0644 for a new file), without group and others for private content.
     */
    Set<PosixFilePermission> wantedPermissions(Set<PosixFilePermission> current) throws PartFailure {
        if (mode != null) {
            return FileModes.permissions(mode);
        }
        if (current == null) {
            return privateContent ? NEW_PRIVATE_FILE : NEW_FILE;
        }
        if (!privateContent) {
            return current;
        }
        Set<PosixFilePermission> owned = EnumSet.noneOf(PosixFilePermission.class);
        for (PosixFilePermission permission : current) {
            if (permission.name().startsWith("OWNER_")) {
                owned.add(permission);
            }
        }
        return owned;
    }

    /**
     * Fails early when the mode is invalid or the owner or group does not exist on this host, so that predictions
     * find it too.
     */
    public void check(Path path) throws IOException, PartFailure {
        permissions();
        wantedOwner(path);
        wantedGroup(path);
    }

    /** How the existing file or directory {@code path} differs from what is wanted; empty when it is right. */
    public List<Change> differences(SafePath path) throws IOException, PartFailure {
        List<Change> changes = new ArrayList<>();
        FileStatus current = path.status();
        Set<PosixFilePermission> wanted = wantedPermissions(current.permissions());
        if (!wanted.equals(current.permissions())) {
            changes.add(new Change.Property(path.path().toString(), "mode",
                    FileModes.format(FileModes.mode(current.permissions())), FileModes.format(FileModes.mode(wanted))));
        }
        UserPrincipal wantedOwner = wantedOwner(path.path());
        if (wantedOwner != null && !wantedOwner.equals(current.owner())) {
            changes.add(new Change.Property(path.path().toString(), "owner", current.owner().getName(), owner));
        }
        GroupPrincipal wantedGroup = wantedGroup(path.path());
        if (wantedGroup != null && !wantedGroup.equals(current.group())) {
            changes.add(new Change.Property(path.path().toString(), "group", current.group().getName(), group));
        }
        return changes;
    }

    /** Gives the existing file or directory {@code path} the wanted owner, group and mode, where they differ. */
    public void apply(SafePath path) throws IOException, PartFailure {
        FileStatus current = path.status();
        UserPrincipal wantedOwner = wantedOwner(path.path());
        if (wantedOwner != null && !wantedOwner.equals(current.owner())) {
            setOwner(path, wantedOwner, false);
        }
        GroupPrincipal wantedGroup = wantedGroup(path.path());
        if (wantedGroup != null && !wantedGroup.equals(current.group())) {
            setGroup(path, wantedGroup, false);
        }
        Set<PosixFilePermission> wanted = wantedPermissions(current.permissions());
        if (!wanted.equals(path.status().permissions())) {
            path.setPermissions(wanted); // after the owner: chown clears the set-user-ID and set-group-ID bits
        }
    }

    /**
     * Gives {@code file} the owner {@code owner}, the wanted one or, when {@code kept}, the one of the file it
     * replaces; a refusal is a failure naming the file and what to do.
     */
    static void setOwner(SafePath file, UserPrincipal owner, boolean kept) throws IOException, PartFailure {
        try {
            file.setOwner(owner);
        } catch (FileSystemException e) {
            throw refused(file, "owner '" + owner.getName() + "'", e, kept);
        }
    }

    /** Like {@link #setOwner(SafePath, UserPrincipal, boolean)}, for the group. */
    static void setGroup(SafePath file, GroupPrincipal group, boolean kept) throws IOException, PartFailure {
        try {
            file.setGroup(group);
        } catch (FileSystemException e) {
            throw refused(file, "group '" + group.getName() + "'", e, kept);
        }
    }

    private static PartFailure refused(SafePath file, String what, FileSystemException e, boolean kept) {
        String why = e.getReason() + " (the agent runs as '" + System.getProperty("user.name")
                + "'; only root may give a file to another user, and a group only to one it belongs to: ";
        if (kept) {
            return new PartFailure("cannot replace " + file.path() + " keeping its " + what + ": " + why
                    + "deploy without service_user, or give the part an owner and group the agent may set)", e);
        }
        return new PartFailure("cannot give " + file.path() + " the " + what + ": " + why
                + "deploy without service_user or remove the attribute)", e);
    }

    /** The wanted owner of {@code path} on this host, or null when the owner is not managed. */
    UserPrincipal wantedOwner(Path path) throws IOException, PartFailure {
        if (owner == null) {
            return null;
        }
        try {
            return lookupService().lookupPrincipalByName(owner);
        } catch (UserPrincipalNotFoundException e) {
            throw new PartFailure("owner of " + path + ": user '" + owner + "' does not exist on this host");
        }
    }

    /** The wanted group of {@code path} on this host, or null when the group is not managed. */
    GroupPrincipal wantedGroup(Path path) throws IOException, PartFailure {
        if (group == null) {
            return null;
        }
        try {
            return lookupService().lookupPrincipalByGroupName(group);
        } catch (UserPrincipalNotFoundException e) {
            throw new PartFailure("group of " + path + ": group '" + group + "' does not exist on this host");
        }
    }

    private static UserPrincipalLookupService lookupService() {
        return FileSystems.getDefault().getUserPrincipalLookupService();
    }
}
