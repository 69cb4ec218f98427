package batou.model.project;

import batou.model.SourceLocation;

/**
 * {@code require: {name: {resource: key, one: true, host: any, strict: true, reverse: false}}}: the values every
 * matching provider offers under {@code resource} are available to the component as {@code name} (a list, or the
 * single value with {@code one}). The component is deployed after the providers (before them with
 * {@code reverse}). {@code strict} (the default) makes a requirement nobody provides an error.
 */
public record RequireDeclaration(String name, String resource, boolean one, HostFilter host, boolean strict,
        boolean reverse, SourceLocation location) {
}
