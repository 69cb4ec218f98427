package batou.model.configure;

import java.util.List;

import batou.model.Diagnostic;
import batou.model.plan.DeploymentPlan;

/** The outcome of configuring an environment: the plan (null when there are errors) and every diagnostic, sorted. */
public record Configuration(DeploymentPlan plan, List<Diagnostic> diagnostics) {

    public Configuration {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean failed() {
        return plan == null;
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
}
