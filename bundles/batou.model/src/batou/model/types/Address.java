package batou.model.types;

import batou.template.TemplateObject;

/**
 * A network address {@code host:port}. The host is kept as written; it is resolved on the target when used.
 * In expressions it renders as {@code host:port} and offers {@code .host} and {@code .port}.
 */
public record Address(String host, int port) implements TemplateObject {

    /** Parses {@code host:port} or {@code [ipv6]:port}. */
    public static Address parse(String text) throws ConversionException {
        String value = text.strip();
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new ConversionException("expected host:port");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new ConversionException("write an IPv6 address in brackets: [" + host + "]:port");
        }
        if (host.isEmpty() || host.chars().anyMatch(Character::isWhitespace)) {
            throw new ConversionException("the host part is not a host name");
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new ConversionException("the port is not a number");
        }
        if (port < 1 || port > 65535) {
            throw new ConversionException("the port must be between 1 and 65535");
        }
        return new Address(host, port);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "host" -> host;
            case "port" -> Long.valueOf(port);
            default -> TemplateObject.UNDEFINED;
        };
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
