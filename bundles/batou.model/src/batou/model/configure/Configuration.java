package batou.model.configure;

import java.util.List;

import batou.model.Diagnostic;
import batou.model.Masking;
import batou.model.plan.DeploymentPlan;

/**
 * The outcome of configuring an environment: the plan (null when there are errors), every diagnostic, sorted (with
 * sensitive values masked: an error may quote the value it could not use), and the masking of the sensitive values
 * known (the plan's, or the secrets' alone when there is no plan), which every front end applies to what it shows
 * of this configuration and of the deployment that follows.
 */
public record Configuration(DeploymentPlan plan, List<Diagnostic> diagnostics, Masking masking) {

    public Configuration {
        masking = plan != null ? plan.masking() : masking == null ? Masking.none() : masking;
        Masking known = masking;
        diagnostics = known.isEmpty() ? List.copyOf(diagnostics)
                : diagnostics.stream().map(diagnostic -> diagnostic.masked(known)).toList();
    }

    /** A configuration without sensitive values (none were loaded). */
    public Configuration(DeploymentPlan plan, List<Diagnostic> diagnostics) {
        this(plan, diagnostics, null);
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
