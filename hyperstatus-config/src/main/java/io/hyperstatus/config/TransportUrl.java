package io.hyperstatus.config;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * oslo.messaging's {@code transport_url} for RabbitMQ: {@code rabbit://user:pass@host:port[,user:pass@host:port]/vhost}.
 * Several hosts are the nodes of one cluster, tried in turn; a host without credentials takes the first host's, and
 * those default to guest/guest as in oslo; the port defaults to 5672 and an empty virtual host is {@code /}.
 * User, password and virtual host may be percent-encoded.
 */
public record TransportUrl(List<Broker> brokers, String virtualHost) {
    public static final int DEFAULT_PORT = 5672;

    /** One node: where it is and the credentials used with it. */
    public record Broker(String host, int port, String user, String password) {
        public Broker {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port " + port);
            }
        }

        /** host:port, as the log shows it (never the password). */
        public String address() {
            return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        }
    }

    public TransportUrl {
        brokers = List.copyOf(brokers);
        Objects.requireNonNull(virtualHost, "virtualHost");
        if (brokers.isEmpty()) {
            throw new IllegalArgumentException("no broker");
        }
    }

    /** The URL without passwords, for the log. */
    public String redacted() {
        StringBuilder url = new StringBuilder("rabbit://");
        for (int i = 0; i < brokers.size(); i++) {
            url.append(i == 0 ? "" : ",").append(brokers.get(i).user()).append("@").append(brokers.get(i).address());
        }
        return url.append("/").append(virtualHost.equals("/") ? "" : virtualHost).toString();
    }

    /** Reads the URL; {@link InvalidValue} says what is wrong with it, without quoting it (it may hold a password). */
    static TransportUrl parse(String text) {
        String rest;
        if (text.startsWith("rabbit://")) {
            rest = text.substring("rabbit://".length());
        } else {
            throw InvalidValue.unquoted("the URL does not start with rabbit:// (rabbit://user:password@host:5672/virtual_host)");
        }
        if (rest.contains("?") || rest.contains("#")) {
            throw InvalidValue.unquoted("the URL has query options, which hyperstatus does not read; set them in"
                    + " [oslo_messaging_rabbit]");
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String vhost = slash < 0 ? "" : decode(rest.substring(slash + 1));
        List<Broker> brokers = new ArrayList<>();
        String firstUser = "guest";
        String firstPassword = "guest";
        String[] parts = hosts.isEmpty() ? new String[] {"localhost"} : hosts.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            String user = firstUser;
            String password = firstPassword;
            int at = part.lastIndexOf('@');
            if (at >= 0) {
                String credentials = part.substring(0, at);
                int colon = credentials.indexOf(':');
                user = decode(colon < 0 ? credentials : credentials.substring(0, colon));
                password = colon < 0 ? "" : decode(credentials.substring(colon + 1));
                part = part.substring(at + 1);
            }
            if (i == 0) {
                firstUser = user;
                firstPassword = password;
            }
            brokers.add(broker(part, user, password));
        }
        return new TransportUrl(brokers, vhost.isEmpty() ? "/" : vhost);
    }

    private static Broker broker(String hostPort, String user, String password) {
        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw InvalidValue.unquoted("the URL has an unclosed [ in a host");
            }
            host = hostPort.substring(1, close);
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw InvalidValue.unquoted("the URL has something after a bracketed host other than :port");
            }
            port = after.isEmpty() ? "" : after.substring(1);
        } else {
            int colon = hostPort.lastIndexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? "" : hostPort.substring(colon + 1);
        }
        if (host.isEmpty() || !host.matches("[A-Za-z0-9._:%-]+")) {
            throw InvalidValue.unquoted("the URL names no host, or a host that is not a name or an address");
        }
        int number = DEFAULT_PORT;
        if (!port.isEmpty()) {
            try {
                number = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                number = -1;
            }
            if (number < 1 || number > 65_535) {
                throw InvalidValue.unquoted("the URL has a port that is not from 1 to 65535: " + port);
            }
        }
        return new Broker(host, number, user, password);
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw InvalidValue.unquoted("the URL has a bad percent-escape");
        }
    }
}
