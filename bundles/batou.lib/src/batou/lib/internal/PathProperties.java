package batou.lib.internal;

import java.io.IOException;
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
        lookupOwner(path);
        lookupGroup(path);
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
        UserPrincipal wantedOwner = lookupOwner(path);
        if (wantedOwner != null && !wantedOwner.equals(current.owner())) {
            changes.add(new Change.Property(path.toString(), "owner", current.owner().getName(), owner));
        }
        GroupPrincipal wantedGroup = lookupGroup(path);
        if (wantedGroup != null && !wantedGroup.equals(current.group())) {
            changes.add(new Change.Property(path.toString(), "group", current.group().getName(), group));
        }
        return changes;
    }

    /** Gives the existing {@code path} the wanted owner, group and mode; leaves what is already right alone. */
    public void apply(Path path) throws IOException, PartFailure {
        PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
        PosixFileAttributes current = view.readAttributes();
        UserPrincipal wantedOwner = lookupOwner(path);
        if (wantedOwner != null && !wantedOwner.equals(current.owner())) {
            view.setOwner(wantedOwner);
        }
        GroupPrincipal wantedGroup = lookupGroup(path);
        if (wantedGroup != null && !wantedGroup.equals(current.group())) {
            view.setGroup(wantedGroup);
        }
        Set<PosixFilePermission> wanted = permissions();
        if (wanted != null && !wanted.equals(view.readAttributes().permissions())) {
            view.setPermissions(wanted);
        }
    }

    private UserPrincipal lookupOwner(Path path) throws IOException, PartFailure {
        if (owner == null) {
            return null;
        }
        try {
            return lookupService(path).lookupPrincipalByName(owner);
        } catch (UserPrincipalNotFoundException e) {
            throw new PartFailure("owner of " + path + ": user '" + owner + "' does not exist on this host");
        }
    }

    private GroupPrincipal lookupGroup(Path path) throws IOException, PartFailure {
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
