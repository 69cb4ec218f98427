package batou.model.project;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YNode;

/** {@code provide: {key: value}}: the component offers {@code value} under the resource {@code key}. */
public record ProvideDeclaration(String resource, YNode value, SourceLocation location) {
}
