package batou.model.internal.configure;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import batou.model.Masking;
import batou.model.plan.DeploymentPlan;
import batou.model.plan.HostPlan;
import batou.model.plan.PartNode;
import batou.model.plan.RootPlan;
import batou.model.project.ComponentOverrides;
import batou.model.project.EnvironmentSecrets;

/**
 * Finds the sensitive values of a configured environment: the secrets themselves and every value the plan marks as
 * computed from them (attributes, provided resources, part attributes). The run's masking gets all of them; each
 * host's only those in its own plan (its derived values, its secret host data, and the secrets that appear in
 * them), so that an agent never learns another host's secrets.
 */
public final class PlanMasking {

    private PlanMasking() {
    }

    /** The masking of the secrets alone: what can be masked when configuring failed and there is no plan. */
    public static Masking ofSecrets(EnvironmentSecrets secrets) {
        return secretPatterns(secrets).build();
    }

    /**
     * {@code plan} with the masking of the run and of each host; {@code transformed} are the secrets each host's part
     * values hold transformed (see ConfigureRun#transformedSecrets).
     */
    public static DeploymentPlan attach(DeploymentPlan plan, EnvironmentSecrets secrets,
            Map<String, java.util.Set<String>> transformed) {
        List<Masking> secretValues = secrets == null ? List.of() : eachSecret(secrets);
        Masking.Builder run = secretPatterns(secrets);
        List<HostPlan> hosts = new ArrayList<>();
        for (HostPlan host : plan.hosts()) {
            List<Object> derived = new ArrayList<>();
            for (RootPlan root : host.roots()) {
                root.sensitive().forEach(name -> derived.add(root.attributes().get(name)));
                root.sensitiveProvided().forEach(name -> derived.add(root.provided().get(name)));
                root.parts().forEach(part -> collect(part, derived));
            }
            Masking.Builder own = new Masking.Builder();
            derived.forEach(own::derived);
            transformed.getOrDefault(host.name(), java.util.Set.of())
                    .forEach(text -> text.lines().map(String::strip).forEach(own::derived));
            for (RootPlan root : host.roots()) {
                urlPasswords(root.attributes(), own);
                root.parts().forEach(part -> urlPasswords(part, own));
            }
            List<String> texts = new ArrayList<>();
            derived.forEach(value -> leaves(value, texts));
            if (secrets != null && secrets.hostData().get(host.name()) != null) {
                own.secret(secrets.hostData().get(host.name()).toValue());
            }
            for (Masking secret : secretValues) {
                if (appearsIn(secret, texts)) {
                    own.patterns(secret); // the host gets this secret anyway, inside a value of its own
                }
            }
            Masking masking = own.build();
            run.patterns(masking);
            hosts.add(host.withMasking(masking));
        }
        return plan.withMasking(hosts, run.build());
    }

    private static Masking.Builder secretPatterns(EnvironmentSecrets secrets) {
        Masking.Builder builder = new Masking.Builder();
        if (secrets != null) {
            eachSecret(secrets).forEach(builder::patterns);
        }
        return builder;
    }

    /** Every secret value with its variants, one masking each, so that a host gets only the ones it uses. */
    private static List<Masking> eachSecret(EnvironmentSecrets secrets) {
        List<Object> values = new ArrayList<>();
        for (ComponentOverrides overrides : secrets.overrides().values()) {
            overrides.values().values().forEach(override -> values.add(override.value().toValue()));
        }
        secrets.hostData().values().forEach(data -> values.add(data.toValue()));
        values.addAll(secrets.textFiles().values());
        List<Masking> each = new ArrayList<>();
        for (Object value : values) {
            List<String> texts = new ArrayList<>();
            leaves(value, texts);
            texts.forEach(text -> addUnlessEmpty(each, new Masking.Builder().secret(text).build()));
        }
        // binary files reach texts only as base64 (secrets.base64), which is one line
        secrets.base64Files().values()
                .forEach(encoded -> addUnlessEmpty(each, new Masking.Builder().derived(encoded).build()));
        return each;
    }

    private static void addUnlessEmpty(List<Masking> all, Masking masking) {
        if (!masking.isEmpty()) {
            all.add(masking);
        }
    }

    private static boolean appearsIn(Masking secret, List<String> derived) {
        for (String value : derived) {
            if (secret.reveals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Longest scheme, user name and password looked at around a {@code ://}: bounds the work on huge texts. */
    private static final int URL_PART_LIMIT = 256;

    private static void urlPasswords(PartNode node, Masking.Builder masking) {
        urlPasswords(node.attributes(), masking);
        node.children().forEach(child -> urlPasswords(child, masking));
    }

    private static void urlPasswords(Map<String, Object> attributes, Masking.Builder masking) {
        List<String> texts = new ArrayList<>();
        attributes.values().forEach(value -> leaves(value, texts));
        for (String text : texts) {
            for (int at = text.indexOf("://"); at > 0; at = text.indexOf("://", at + 3)) {
                String password = urlPassword(text, at);
                if (password != null) {
                    masking.derived(password);
                    try {
                        masking.secret(java.net.URLDecoder.decode(password, java.nio.charset.StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException notEncoded) {
                        // masked as written
                    }
                }
            }
        }
    }

    /**
     * The password of a URL whose {@code ://} is at {@code at} ({@code scheme://user:password@host}), or null. A
     * password written into a URL is a secret wherever it comes from. Scans a bounded stretch around {@code at}, so
     * that a huge text costs one pass.
     */
    private static String urlPassword(String text, int at) {
        if (!Character.isLetterOrDigit(text.charAt(at - 1))) {
            return null; // no scheme
        }
        int end = Math.min(text.length(), at + 3 + URL_PART_LIMIT);
        int colon = -1;
        for (int i = at + 3; i < end; i++) {
            char c = text.charAt(i);
            if (c == '@') {
                return colon < 0 || colon + 1 == i ? null : text.substring(colon + 1, i);
            }
            if (c == '/' || Character.isWhitespace(c) || c == '"' || c == '\'') {
                return null;
            }
            if (c == ':' && colon < 0) {
                colon = i;
            }
        }
        return null;
    }

    private static void collect(PartNode node, List<Object> derived) {
        node.sensitive().forEach(name -> derived.add(node.attributes().get(name)));
        node.children().forEach(child -> collect(child, derived));
    }

    private static void leaves(Object value, List<String> sink) {
        if (value instanceof String text) {
            sink.add(text);
        } else if (value instanceof java.util.Collection<?> items) {
            items.forEach(item -> leaves(item, sink));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> leaves(item, sink));
        } else if (value != null && !(value instanceof byte[])) {
            sink.add(String.valueOf(value));
        }
    }
}
