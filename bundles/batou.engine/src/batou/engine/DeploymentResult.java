package batou.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import batou.model.plan.RootId;

/** The results of every root of a deployment, in deployment order. */
public final class DeploymentResult {

    private final Map<RootId, RootResult> results = new LinkedHashMap<>();

    void add(RootResult result) {
        results.put(result.id(), result);
    }

    public RootResult get(RootId id) {
        return results.get(id);
    }

    public List<RootResult> all() {
        return Collections.unmodifiableList(new ArrayList<>(results.values()));
    }

    public boolean failed() {
        return results.values().stream().anyMatch(RootResult::failedOrSkipped);
    }

    public long count(RootStatus status) {
        return results.values().stream().filter(r -> r.status() == status).count();
    }

    public List<RootResult> of(String host) {
        return results.values().stream().filter(r -> r.id().host().equals(host)).toList();
    }
}
