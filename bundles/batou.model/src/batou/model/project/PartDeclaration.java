package batou.model.project;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YMapping;
import batou.model.internal.yaml.YNode;

/**
 * One entry of a component's {@code parts:} list: a library part ({@code - directory: {path: app}}) or another
 * project component ({@code - component: logrotate} with {@code with: {...}}). {@code condition} is the optional
 * {@code if:} expression; the part is left out when it is false.
 */
public sealed interface PartDeclaration permits PartDeclaration.Library, PartDeclaration.Component {

    SourceLocation location();

    YNode condition();

    /**
     * A part of a type from the component library (or a project's own Java part types). {@code sensitive} is the
     * author's word on whether its values are sensitive, given as an attribute every part takes
     * ({@code sensitive: false} shows the diff of a file the model would hide; secrets in it are still masked),
     * null to let the model tell.
     */
    record Library(String type, YMapping attributes, YNode condition, Boolean sensitive, SourceLocation location)
            implements PartDeclaration {
    }

    /** Another component of the project, configured with {@code with}. */
    record Component(String component, YMapping with, YNode condition, SourceLocation location)
            implements PartDeclaration {
    }
}
