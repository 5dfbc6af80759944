package io.hyperstatus.storage;

import io.hyperstatus.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A database location, read from the URLs operators write in nova.conf ({@code sqlite:////var/lib/x.sqlite},
 * {@code postgresql://user:pw@host/db}, {@code mysql+pymysql://user:pw@host/db}, also with several hosts,
 * {@code mysql+pymysql://user:pw@h1:p1,h2:p2/db}) or from a JDBC URL (such as MariaDB Connector/J's
 * {@code jdbc:mariadb:sequential://h1:p1,h2:p2/db}, taken as given).
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, Optional<String> user, Optional<String> password) {

    public DatabaseUrl {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    public static DatabaseUrl parse(String url) {
        String trimmed = url.strip();
        if (trimmed.startsWith("jdbc:")) {
            return fromJdbc(trimmed);
        }
        int schemeEnd = trimmed.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid(url, "expected a URL such as sqlite:////path/file.sqlite or postgresql://user:pw@host/db");
        }
        String scheme = trimmed.substring(0, schemeEnd);
        String backend = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        switch (backend) {
            case "sqlite" -> {
                // SQLAlchemy form: sqlite:///relative/path or sqlite:////absolute/path
                String path = trimmed.substring(schemeEnd + 3);
                if (!path.startsWith("/") || path.length() < 2) {
                    throw invalid(url, "a sqlite URL needs a file path, e.g. sqlite:////var/lib/hyperstatus/hyperstatus.sqlite");
                }
                return new DatabaseUrl(Dialect.SQLITE, "jdbc:sqlite:" + path.substring(1), Optional.empty(), Optional.empty());
            }
            case "postgresql", "postgres" -> {
                return fromNetworkUrl(url, trimmed, Dialect.POSTGRESQL, "jdbc:postgresql://", 5432);
            }
            case "mysql", "mariadb" -> {
                String authority = authority(trimmed);
                if (authority.substring(authority.lastIndexOf('@') + 1).contains(",")) {
                    return fromMysqlHostList(url, trimmed);
                }
                return fromNetworkUrl(url, trimmed, Dialect.MARIADB, "jdbc:mariadb://", 3306);
            }
            default -> throw invalid(url, "unsupported database '" + backend + "' (use sqlite, postgresql or mysql)");
        }
    }

    private static DatabaseUrl fromJdbc(String url) {
        if (url.startsWith("jdbc:sqlite:")) {
            return new DatabaseUrl(Dialect.SQLITE, url, Optional.empty(), Optional.empty());
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(Dialect.POSTGRESQL, url, Optional.empty(), Optional.empty());
        }
        if (url.startsWith("jdbc:mariadb:")) {
            return new DatabaseUrl(Dialect.MARIADB, url, Optional.empty(), Optional.empty());
        }
        if (url.startsWith("jdbc:mysql:")) {
            return new DatabaseUrl(Dialect.MARIADB, "jdbc:mariadb:" + url.substring("jdbc:mysql:".length()),
                    Optional.empty(), Optional.empty());
        }
        throw invalid(url, "unsupported JDBC URL (use jdbc:sqlite:, jdbc:postgresql: or jdbc:mariadb:)");
    }

    private static DatabaseUrl fromNetworkUrl(String original, String url, Dialect dialect, String jdbcPrefix,
                                              int defaultPort) {
        URI uri;
        try {
            uri = new URI("db" + url.substring(url.indexOf("://")));
        } catch (URISyntaxException e) {
            throw invalid(original, e.getMessage());
        }
        if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() < 2) {
            throw invalid(original, "expected host and database name, e.g. postgresql://user:password@host/dbname");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1)));
            }
        }
        int port = uri.getPort() > 0 ? uri.getPort() : defaultPort;
        // Query options such as charset=utf8 are for Python drivers; the JDBC drivers speak UTF-8 already.
        String jdbc = jdbcPrefix + uri.getHost() + ":" + port + uri.getPath();
        return new DatabaseUrl(dialect, jdbc, user, password);
    }

    /** What lies between {@code ://} and the path. */
    private static String authority(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }

    /**
     * {@code mysql+pymysql://user:pw@h1:p1,h2:p2/db}, the nodes of a Galera cluster: MariaDB Connector/J's
     * sequential mode, which connects to the first node that answers, in the order given, and so keeps writes on
     * one node (no write-set conflicts between this server's own transactions) while it is up.
     */
    private static DatabaseUrl fromMysqlHostList(String original, String url) {
        String authority = authority(url);
        String path = url.substring(url.indexOf("://") + 3 + authority.length());
        int query = path.indexOf('?');
        String database = query < 0 ? path : path.substring(0, query);
        int at = authority.lastIndexOf('@');
        String hostList = authority.substring(at + 1);
        if (database.length() < 2 || hostList.isEmpty()) {
            throw invalid(original, "expected hosts and database name, e.g. mysql+pymysql://user:password@db1,db2/nova");
        }
        List<String> hosts = new ArrayList<>();
        for (String host : hostList.split(",", -1)) {
            if (!host.matches("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9._-]+)(:[0-9]{1,5})?")) {
                throw invalid(original, "'" + host + "' is not a host or host:port");
            }
            hosts.add(host.matches(".*:[0-9]{1,5}") ? host : host + ":3306");
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            int colon = userInfo.indexOf(':');
            user = Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
            if (colon >= 0) {
                password = Optional.of(decode(userInfo.substring(colon + 1)));
            }
        }
        return new DatabaseUrl(Dialect.MARIADB, "jdbc:mariadb:sequential://" + String.join(",", hosts) + database,
                user, password);
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static ConfigException invalid(String url, String why) {
        return new ConfigException("Invalid value for option [database] connection: '" + redact(url) + "' " + why);
    }

    private static String redact(String url) {
        return url.replaceAll("(://[^:/@]*:)[^@]*@", "$1***@");
    }
}
