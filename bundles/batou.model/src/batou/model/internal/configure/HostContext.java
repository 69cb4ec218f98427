package batou.model.internal.configure;

import java.util.Map;

import batou.template.TemplateObject;

/**
 * {@code host} in expressions: name, fqdn, platform, service user, target directory and free-form data, some of
 * which may come from the environment's secrets.
 */
final class HostContext implements TemplateObject {

    private final String name;
    private final String fqdn;
    private final String platform;
    private final String serviceUser;
    private final String targetDirectory;
    private final Map<String, Object> data;
    private final java.util.Set<String> secretData;

    HostContext(String name, String fqdn, String platform, String serviceUser, String targetDirectory,
            Map<String, Object> data, java.util.Set<String> secretData) {
        this.name = name;
        this.fqdn = fqdn;
        this.platform = platform;
        this.serviceUser = serviceUser;
        this.targetDirectory = targetDirectory;
        this.data = data;
        this.secretData = java.util.Set.copyOf(secretData);
    }

    /** The keys of {@code host.data} whose values come from the secrets. */
    java.util.Set<String> secretData() {
        return secretData;
    }

    /** The same host with the values of its secret data replaced (e.g. by markers). */
    HostContext withSecretData(java.util.function.UnaryOperator<Object> replace) {
        Map<String, Object> replaced = new java.util.LinkedHashMap<>(data);
        secretData.forEach(key -> replaced.computeIfPresent(key, (k, value) -> replace.apply(value)));
        return new HostContext(name, fqdn, platform, serviceUser, targetDirectory, replaced, secretData);
    }

    @Override
    public Object attribute(String attribute) {
        return switch (attribute) {
            case "name" -> name;
            case "fqdn" -> fqdn;
            case "platform" -> platform;
            case "service_user" -> serviceUser;
            case "target_directory" -> targetDirectory;
            case "data" -> data;
            default -> TemplateObject.UNDEFINED;
        };
    }

    @Override
    public String toString() {
        return name;
    }
}
