package batou.lib;

import static batou.model.parts.PartAttribute.optional;
import static batou.model.parts.PartAttribute.required;

import batou.model.parts.AttributeConstraint;
import batou.model.parts.PartAttribute;
import batou.model.types.AttributeType;

/** Attributes that several part types share, described once. */
final class CommonAttributes {

    static final PartAttribute PATH = required("path", AttributeType.PATH,
            "the file or directory on the target; relative paths are inside the component's work directory");
    static final PartAttribute OWNER = optional("owner", AttributeType.STRING, null, "user that owns it");
    static final PartAttribute GROUP = optional("group", AttributeType.STRING, null, "group that owns it");
    static final PartAttribute MODE = optional("mode", AttributeType.INT, null,
            "permission bits, written as in YAML: 0644 is octal").with(AttributeConstraint.fileMode());
    static final PartAttribute LEADING = optional("leading", AttributeType.BOOL, Boolean.TRUE,
            "create missing parent directories");
    static final PartAttribute ENCODING = optional("encoding", AttributeType.STRING, "utf-8",
            "character encoding of the written text").with(LibraryConstraints.CHARSET);

    private CommonAttributes() {
    }
}
