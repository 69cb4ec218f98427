package batou.lib.internal;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import batou.engine.parts.Change;
import batou.engine.parts.PartFailure;

/**
 * The wanted mode, owner and group of a path, each optional: finds how an existing path differs and converges it.
 * Shared by the file, template, directory, mode and owner parts. Owner and group are names (or numeric ids) looked
 * up on the target; one that does not exist there is a {@link PartFailure} naming it.
 */
public final class PathProperties {

    private static final PathProperties NONE = new PathProperties(null, null, null);

    private final Long mode;
    private final String owner;
    private final String group;

    public PathProperties(Long mode, String owner, String group) {
        this.mode = mode;
        this.owner = owner;
        this.group = group;
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
        return new PathProperties(newMode, owner, group);
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
     * Fails early when the mode is invalid or the owner or group does not exist on this host, so that predictions
     * find it too.
     */
    public void check(Path path) throws IOException, PartFailure {
        permissions();
        wantedOwner(path);
        wantedGroup(path);
    }

    /** How the existing {@code path} differs from what is wanted; empty when it is right. */
    public List<Change> differences(Path path) throws IOException, PartFailure {
        List<Change> changes = new ArrayList<>();
        PosixFileAttributes current = Files.readAttributes(path, PosixFileAttributes.class);
        if (mode != null) {
            long currentMode = FileModes.mode(current.permissions());
            FileModes.permissions(mode);
            if (currentMode != mode) {
                changes.add(new Change.Property(path.toString(), "mode", FileModes.format(currentMode),
                        FileModes.format(mode)));
            }
        }
        UserPrincipal wantedOwner = wantedOwner(path);
        if (wantedOwner != null && !wantedOwner.equals(current.owner())) {
            changes.add(new Change.Property(path.toString(), "owner", current.owner().getName(), owner));
        }
        GroupPrincipal wantedGroup = wantedGroup(path);
        if (wantedGroup != null && !wantedGroup.equals(current.group())) {
            changes.add(new Change.Property(path.toString(), "group", current.group().getName(), group));
        }
        return changes;
    }

    /** Gives the existing {@code path} the wanted owner, group and mode; leaves what is already right alone. */
    public void apply(Path path) throws IOException, PartFailure {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        PosixFileAttributes current = view.readAttributes();
        UserPrincipal wantedOwner = wantedOwner(path);
        if (wantedOwner != null && !wantedOwner.equals(current.owner())) {
            setOwner(view, wantedOwner, path, false);
        }
        GroupPrincipal wantedGroup = wantedGroup(path);
        if (wantedGroup != null && !wantedGroup.equals(current.group())) {
            setGroup(view, wantedGroup, path, false);
        }
        Set<PosixFilePermission> wanted = permissions();
        if (wanted != null && !wanted.equals(view.readAttributes().permissions())) {
            view.setPermissions(wanted);
        }
    }

    /**
     * Gives the file of {@code view} the owner {@code owner}, the wanted one or, when {@code kept}, the one of the
     * file it replaces; a refusal is a failure naming {@code path} and what to do.
     */
    static void setOwner(PosixFileAttributeView view, UserPrincipal owner, Path path, boolean kept)
            throws IOException, PartFailure {
        try {
            view.setOwner(owner);
        } catch (FileSystemException e) {
            throw refused(path, "owner '" + owner.getName() + "'", e, kept);
        }
    }

    /** Like {@link #setOwner(PosixFileAttributeView, UserPrincipal, Path, boolean)}, for the group. */
    static void setGroup(PosixFileAttributeView view, GroupPrincipal group, Path path, boolean kept)
            throws IOException, PartFailure {
        try {
            view.setGroup(group);
        } catch (FileSystemException e) {
            throw refused(path, "group '" + group.getName() + "'", e, kept);
        }
    }

    private static PartFailure refused(Path path, String what, FileSystemException e, boolean kept) {
        String why = e.getReason() + " (the agent runs as '" + System.getProperty("user.name")
                + "'; only root may give a file to another user, and a group only to one it belongs to: ";
        if (kept) {
            return new PartFailure("cannot replace " + path + " keeping its " + what + ": " + why
                    + "deploy without service_user, or give the part an owner and group the agent may set)", e);
        }
        return new PartFailure("cannot give " + path + " the " + what + ": " + why
                + "deploy without service_user or remove the attribute)", e);
    }

    /** The wanted owner of {@code path} on this host, or null when the owner is not managed. */
    UserPrincipal wantedOwner(Path path) throws IOException, PartFailure {
        if (owner == null) {
            return null;
        }
        try {
            return lookupService(path).lookupPrincipalByName(owner);
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
            return lookupService(path).lookupPrincipalByGroupName(group);
        } catch (UserPrincipalNotFoundException e) {
            throw new PartFailure("group of " + path + ": group '" + group + "' does not exist on this host");
        }
    }

    private static java.nio.file.attribute.UserPrincipalLookupService lookupService(Path path) {
        return (path == null ? FileSystems.getDefault() : path.getFileSystem()).getUserPrincipalLookupService();
    }
}
