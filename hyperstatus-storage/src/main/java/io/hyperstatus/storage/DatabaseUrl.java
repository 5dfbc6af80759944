package io.hyperstatus.storage;

import io.hyperstatus.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A database location, read from the URLs operators write in nova.conf ({@code sqlite:////var/lib/x.sqlite},
 * {@code postgresql://user:pw@host/db}, {@code mysql+pymysql://user:pw@host/db}) or from a JDBC URL.
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
