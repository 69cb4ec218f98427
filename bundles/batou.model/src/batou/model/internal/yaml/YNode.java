package batou.model.internal.yaml;

import batou.model.SourceLocation;

/** A node of a YAML document with the position it came from: a scalar, a sequence or a mapping. */
public sealed interface YNode permits YScalar, YSequence, YMapping {

    SourceLocation location();

    /** The plain Java value of this node: String, Long, Double, Boolean, null, List or Map (insertion ordered). */
    Object toValue();

    /** What kind of node this is, for messages: "a mapping", "a list", "a text", "a number"... */
    String kind();
}
