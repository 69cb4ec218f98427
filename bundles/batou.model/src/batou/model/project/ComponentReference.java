package batou.model.project;

import java.util.List;

import batou.model.SourceLocation;

/** A component named on a host in environment.yaml: {@code app}, {@code "app:canary"} or {@code "!backup"}. */
public record ComponentReference(String name, List<String> features, boolean ignored, SourceLocation location) {

    public ComponentReference {
        features = List.copyOf(features);
    }
}
