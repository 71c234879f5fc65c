package org.groupchat.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** A parsed {@code tcp://host:port} address; port 0 or {@code *} means "let the OS pick" when binding. */
public record Endpoint(String host, int port) {

    public static Endpoint parse(String text) {
        if (text == null || !text.toLowerCase(Locale.ROOT).startsWith("tcp://")) {
            throw new IllegalArgumentException("address must look like tcp://host:port, got \"" + text + "\"");
        }
        String rest = text.substring("tcp://".length());
        int colon = rest.lastIndexOf(':');
        if (colon <= 0 || colon == rest.length() - 1) {
            throw new IllegalArgumentException("address must look like tcp://host:port, got \"" + text + "\"");
        }
        String host = rest.substring(0, colon);
        String portText = rest.substring(colon + 1);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (host.isBlank() || host.chars().anyMatch(c -> c <= ' ' || c == '/')) {
            throw new IllegalArgumentException("\"" + host + "\" is not a host name in \"" + text + "\"");
        }
        if (portText.equals("*")) {
            return new Endpoint(host, 0);
        }
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + portText + "\" is not a port number in \"" + text + "\"");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port " + port + " is out of range 0..65535 in \"" + text + "\"");
        }
        return new Endpoint(host, port);
    }

    public boolean isWildcard() {
        return host.equals("*") || host.equals("0.0.0.0") || host.equals("::");
    }

    public Endpoint withHost(String newHost) {
        return new Endpoint(newHost, port);
    }

    /** The form JeroMQ binds: an OS-picked port is written {@code *}. */
    public String bindAddress() {
        return "tcp://" + hostPart() + ":" + (port == 0 ? "*" : Integer.toString(port));
    }

    @Override
    public String toString() {
        return "tcp://" + hostPart() + ":" + port;
    }

    private String hostPart() {
        return host.contains(":") ? "[" + host + "]" : host;
    }

    /** {@code tcp://A:5555,tcp://B:5555} as endpoints, in order; null or blank is none. */
    public static List<Endpoint> parseList(String endpoints) {
        if (endpoints == null || endpoints.isBlank()) {
            return List.of();
        }
        return Arrays.stream(endpoints.split(","))
                .map(String::trim)
                .map(Endpoint::parse)
                .toList();
    }
}
