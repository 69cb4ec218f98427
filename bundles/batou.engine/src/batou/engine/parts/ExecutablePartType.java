package batou.engine.parts;

import batou.model.parts.PartType;
import batou.model.plan.PartNode;

/** A part type that can run: its schema (from {@link PartType}) plus a factory for the part of a plan node. */
public interface ExecutablePartType extends PartType {

    /** The part for {@code node}, whose attributes are already converted to the declared types. */
    Part create(PartNode node);
}
