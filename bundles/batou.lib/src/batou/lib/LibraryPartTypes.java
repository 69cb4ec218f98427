package batou.lib;

import static batou.lib.CommonAttributes.ENCODING;
import static batou.lib.CommonAttributes.GROUP;
import static batou.lib.CommonAttributes.LEADING;
import static batou.lib.CommonAttributes.MODE;
import static batou.lib.CommonAttributes.OWNER;
import static batou.lib.CommonAttributes.PATH;
import static batou.model.parts.PartAttribute.optional;
import static batou.model.parts.PartAttribute.projectFile;
import static batou.model.parts.PartAttribute.required;

import java.util.List;

import batou.model.parts.AttributeConstraint;
import batou.model.parts.PartType;
import batou.model.parts.PartTypeProvider;
import batou.model.parts.PartTypeRegistry;
import batou.model.types.AttributeType;

/**
 * The part types of batou's component library: what components list under {@code parts:}. This is their schema
 * (names, typed attributes, defaults). The file system and command types are {@link ExecutableSchemaPartType}s that
 * create their parts ({@link FilePart}, {@link DirectoryPart}, {@link SymlinkPart}, {@link PermissionsPart},
 * {@link PurgePart}, {@link CommandPart}), json and yaml ({@link DocumentPart}), {@link DownloadPart},
 * {@link ExtractPart}, {@link CronPart}, {@link SystemdPart} and {@link GitPart}. A new type is a part class and
 * a factory passed to {@link ExecutableSchemaPartType}.
 */
public final class LibraryPartTypes implements PartTypeProvider {

    private static final List<PartType> TYPES = List.of(
            new ExecutableSchemaPartType("file", "a file with the given content, or a copy of a project file",
                    values -> Boolean.TRUE.equals(values.get("template")) ? "source" : null,
                    List.of(PATH, optional("content", AttributeType.STRING, null, "the text to write"),
                            optional("content_base64", AttributeType.STRING, null,
                                    "the bytes to write, in base64 (e.g. a binary secret file)"),
                            projectFile("source", false, "a file of the component to copy"),
                            optional("template", AttributeType.BOOL, Boolean.FALSE,
                                    "render content or source as a template first"),
                            ENCODING, OWNER, GROUP, MODE, LEADING),
                    FilePart::file).checking(FilePart::check),
            new ExecutableSchemaPartType("template", "a file rendered from a Jinja template of the component",
                    values -> "source",
                    List.of(PATH, projectFile("source", true, "the template file, beside component.yaml"),
                            ENCODING, OWNER, GROUP, MODE, LEADING),
                    FilePart::template),
            new ExecutableSchemaPartType("directory", "a directory, optionally synced from a folder of the component",
                    List.of(PATH, projectFile("source", false, "a folder of the component to sync from"),
                            optional("exclude", AttributeType.LIST, List.of(), "glob patterns not to sync")
                                    .with(AttributeConstraint.eachItem(LibraryConstraints.GLOB)),
                            optional("delete", AttributeType.BOOL, Boolean.FALSE,
                                    "delete files that are not in source"),
                            OWNER, GROUP, MODE, LEADING),
                    DirectoryPart::new),
            new ExecutableSchemaPartType("symlink", "a symbolic link",
                    List.of(PATH, required("target", AttributeType.STRING, "what the link points to")
                            .with(AttributeConstraint.nonEmpty())),
                    SymlinkPart::new),
            new ExecutableSchemaPartType("mode", "the permission bits of an existing file or directory",
                    List.of(PATH, required("mode", AttributeType.INT, "permission bits, e.g. 0640")
                            .with(AttributeConstraint.fileMode())),
                    PermissionsPart::mode),
            new ExecutableSchemaPartType("owner", "the owner and group of an existing file or directory",
                    List.of(PATH, OWNER, GROUP), PermissionsPart::owner),
            new ExecutableSchemaPartType("purge", "removes files and directories that match a glob",
                    List.of(required("pattern", AttributeType.PATH,
                            "glob; a relative one is inside the work directory, e.g. 'old-*.log'")
                            .with(LibraryConstraints.GLOB)),
                    PurgePart::new),
            new ExecutableSchemaPartType("command", "runs a command, guarded by unless, creates or when",
                    List.of(required("run", AttributeType.STRING, "the shell command"),
                            optional("unless", AttributeType.STRING, null,
                                    "a command whose success means nothing needs to run"),
                            optional("creates", AttributeType.PATH, null, "skip if this path exists"),
                            optional("when", AttributeType.STRING, "always",
                                    "always; changed: only when an earlier part of the component changed; "
                                            + "parent_changed: also when the including component had changed")
                                    .with(AttributeConstraint.oneOf("always", "changed", "parent_changed")),
                            optional("cwd", AttributeType.PATH, null, "working directory (default: work directory)"),
                            optional("environment", AttributeType.MAP, java.util.Map.of(),
                                    "extra environment variables")
                                    .with(AttributeConstraint.environmentVariables()),
                            optional("timeout", AttributeType.INT, 300L, "seconds before the command is killed")
                                    .with(AttributeConstraint.range(1, 7 * 24 * 3600, "seconds"))),
                    CommandPart::new),
            new ExecutableSchemaPartType("download", "a file downloaded once and checked against its SHA-256",
                    List.of(required("url", AttributeType.STRING, "file://, http:// or https:// URL")
                            .with(LibraryConstraints.DOWNLOAD_URL),
                            required("sha256", AttributeType.STRING, "the expected SHA-256, hex")
                                    .with(LibraryConstraints.SHA256),
                            PATH, MODE),
                    DownloadPart::new),
            new ExecutableSchemaPartType("extract", "unpacks a tar.gz, tar.xz or zip archive",
                    List.of(required("archive", AttributeType.PATH, "the archive on the target")
                            .with(LibraryConstraints.ARCHIVE),
                            required("target", AttributeType.PATH, "the directory to unpack into"),
                            optional("strip", AttributeType.INT, 0L, "leading path components to drop")
                                    .with(AttributeConstraint.range(0, 1000, "")),
                            optional("max_size", AttributeType.INT, ExtractPart.DEFAULT_MAX_SIZE,
                                    "most bytes the archive may unpack to, in all")
                                    .with(AttributeConstraint.range(1, Long.MAX_VALUE, "bytes")),
                            optional("keep_setuid", AttributeType.BOOL, Boolean.FALSE,
                                    "keep set-user-ID and set-group-ID bits of the archive's files")),
                    ExtractPart::new),
            new ExecutableSchemaPartType("json", "a JSON file from data, merged with overrides",
                    List.of(PATH, required("data", AttributeType.MAP, "the document"),
                            optional("overrides", AttributeType.MAP, java.util.Map.of(), "merged over data"),
                            optional("indent", AttributeType.INT, 2L, "spaces per level")
                                    .with(AttributeConstraint.range(0, 16, "")),
                            OWNER, GROUP, MODE, LEADING),
                    DocumentPart::json).checking(DocumentPart::checkJson),
            new ExecutableSchemaPartType("yaml", "a YAML file from data, merged with overrides",
                    List.of(PATH, required("data", AttributeType.MAP, "the document"),
                            optional("overrides", AttributeType.MAP, java.util.Map.of(), "merged over data"),
                            OWNER, GROUP, MODE, LEADING),
                    DocumentPart::yaml),
            new ExecutableSchemaPartType("cron", "a job in the service user's crontab",
                    List.of(required("name", AttributeType.STRING, "identifies the job in the crontab")
                            .with(LibraryConstraints.WORD),
                            required("schedule", AttributeType.STRING, "five cron fields, e.g. '*/5 * * * *'")
                                    .with(LibraryConstraints.CRON_SCHEDULE),
                            required("command", AttributeType.STRING, "the command to run")
                                    .with(LibraryConstraints.ONE_LINE)),
                    CronPart::new),
            new ExecutableSchemaPartType("systemd", "a systemd unit, reloaded, enabled and restarted on change",
                    values -> "source",
                    List.of(required("name", AttributeType.STRING, "unit name, e.g. app.service")
                            .with(LibraryConstraints.FILE_NAME),
                            optional("content", AttributeType.STRING, null, "the unit file text"),
                            projectFile("source", false, "a unit template of the component"),
                            optional("scope", AttributeType.STRING, "user", "user or system")
                                    .with(AttributeConstraint.oneOf("user", "system")),
                            optional("enable", AttributeType.BOOL, Boolean.TRUE, "enable the unit"),
                            optional("restart", AttributeType.BOOL, Boolean.TRUE,
                                    "restart it when it or an earlier part changed")),
                    SystemdPart::new).checking(SystemdPart::check),
            new ExecutableSchemaPartType("git", "a git clone at a branch, tag or revision",
                    List.of(required("url", AttributeType.STRING, "the repository URL")
                            .with(AttributeConstraint.nonEmpty()), PATH,
                            optional("branch", AttributeType.STRING, null, "branch to follow"),
                            optional("tag", AttributeType.STRING, null, "tag to check out"),
                            optional("revision", AttributeType.STRING, null, "commit to check out"),
                            optional("keep_local_changes", AttributeType.BOOL, Boolean.FALSE,
                                    "leave local modifications alone instead of resetting them")),
                    GitPart::new).checking(GitPart::check));

    /** A registry of the library's part types: what every front end, the agent and the tests configure with. */
    public static PartTypeRegistry registry() {
        return PartTypeRegistry.fromProviders(List.of(new LibraryPartTypes()));
    }

    @Override
    public List<PartType> partTypes() {
        return TYPES;
    }
}
