package batou.model.internal.configure;

import java.util.Map;

import batou.template.TemplateObject;

/** {@code host} in expressions: name, fqdn, platform, service user, target directory and free-form data. */
final class HostContext implements TemplateObject {

    private final String name;
    private final String fqdn;
    private final String platform;
    private final String serviceUser;
    private final String targetDirectory;
    private final Map<String, Object> data;

    HostContext(String name, String fqdn, String platform, String serviceUser, String targetDirectory,
            Map<String, Object> data) {
        this.name = name;
        this.fqdn = fqdn;
        this.platform = platform;
        this.serviceUser = serviceUser;
        this.targetDirectory = targetDirectory;
        this.data = data;
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
