package batou.model.internal.configure;

import java.util.Map;

import batou.model.SourceLocation;
import batou.model.internal.yaml.YNode;

/**
 * Where an attribute's value comes from: an environment override, a secret, a {@code with:} of the including
 * component (expanded in that component's scope), or the declared default (scope null: the instance's own).
 */
record ValueSource(YNode node, Map<String, ?> scope, boolean sensitive, SourceLocation location, String origin) {
}
