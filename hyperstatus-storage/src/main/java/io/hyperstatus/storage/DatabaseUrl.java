package io.hyperstatus.storage;

import io.hyperstatus.config.ConfigException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A database location, read from the URLs operators write in nova.conf ({@code sqlite:////var/lib/x.sqlite},
 * {@code postgresql://user:pw@host/db}, {@code mysql+pymysql://user:pw@host/db}) or from a JDBC URL (such as MariaDB
 * Connector/J's {@code jdbc:mariadb:sequential://h1:p1,h2:p2/db}, taken as given). PostgreSQL also takes libpq's
 * multi-host form, {@code postgresql://user@h1:5432,h2:5432/db?target_session_attrs=read-write}: the driver then
 * connects to whichever host is the primary; MySQL the nodes of a Galera cluster,
 * {@code mysql+pymysql://user:pw@h1:p1,h2:p2/db}.
 */
public record DatabaseUrl(Dialect dialect, String jdbcUrl, Optional<String> user, Optional<String> password) {
    private static final int POSTGRESQL_PORT = 5432;
    private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern IPV6_ADDRESS = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");
    private static final Pattern DATABASE_NAME = Pattern.compile("[^/?#]+");

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
                return fromPostgresqlUrl(url, trimmed);
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

    /**
     * A PostgreSQL URL: java.net.URI cannot read libpq's comma-separated hosts, so that form is read here; a
     * single host goes the way of the other databases. {@code target_session_attrs} becomes pgjdbc's
     * {@code targetServerType}; with several hosts and none given, the primary is the target all the same, since
     * this service writes.
     */
    private static DatabaseUrl fromPostgresqlUrl(String original, String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        int queryStart = rest.indexOf('?');
        String query = queryStart < 0 ? "" : rest.substring(queryStart + 1);
        String beforeQuery = queryStart < 0 ? rest : rest.substring(0, queryStart);
        int slash = beforeQuery.indexOf('/');
        String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
        String hosts = authority.substring(authority.lastIndexOf('@') + 1);
        Optional<String> target = postgresqlTarget(original, query);
        if (!hosts.contains(",")) {
            DatabaseUrl single = fromNetworkUrl(original, url, Dialect.POSTGRESQL, "jdbc:postgresql://", POSTGRESQL_PORT);
            return target.map(type -> new DatabaseUrl(Dialect.POSTGRESQL,
                    single.jdbcUrl() + "?targetServerType=" + type, single.user(), single.password())).orElse(single);
        }
        String database = slash < 0 ? "" : beforeQuery.substring(slash + 1);
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw invalid(original, "expected a database name after the hosts, e.g. postgresql://user@h1:5432,h2:5432/dbname");
        }
        List<String> addresses = new ArrayList<>();
        for (String host : hosts.split(",", -1)) {
            addresses.add(postgresqlHost(original, host));
        }
        Optional<String> user = userOf(authority);
        Optional<String> password = passwordOf(authority);
        String jdbc = "jdbc:postgresql://" + String.join(",", addresses) + "/" + database
                + "?targetServerType=" + target.orElse("primary");
        return new DatabaseUrl(Dialect.POSTGRESQL, jdbc, user, password);
    }

    /** One host of a multi-host URL, as {@code host:port}: a name, an IPv4 address, or an IPv6 one in brackets. */
    private static String postgresqlHost(String original, String spec) {
        if (spec.isEmpty()) {
            throw invalid(original, "has an empty host in its list of hosts");
        }
        String host;
        String port;
        if (spec.startsWith("[")) {
            int close = spec.indexOf(']');
            if (close < 0 || !IPV6_ADDRESS.matcher(spec.substring(1, close)).matches()) {
                throw invalid(original, "has a host '" + spec + "' that is no IPv6 address in brackets");
            }
            host = spec.substring(0, close + 1);
            String after = spec.substring(close + 1);
            if (!after.isEmpty() && !after.startsWith(":")) {
                throw invalid(original, "has a host '" + spec + "' with something other than :port after the address");
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = spec.indexOf(':');
            if (colon >= 0 && spec.indexOf(':', colon + 1) >= 0) {
                throw invalid(original, "has a host '" + spec + "': an IPv6 address goes in brackets, e.g. [::1]:5432");
            }
            host = colon < 0 ? spec : spec.substring(0, colon);
            port = colon < 0 ? null : spec.substring(colon + 1);
            if (host.isEmpty()) {
                throw invalid(original, "has an empty host before ':" + port + "' in its list of hosts");
            }
            if (!HOST_NAME.matcher(host).matches()) {
                throw invalid(original, "has a host '" + host + "' that is no host name or address");
            }
        }
        return host + ":" + postgresqlPort(original, spec, port);
    }

    private static int postgresqlPort(String original, String spec, String port) {
        if (port == null) {
            return POSTGRESQL_PORT;
        }
        if (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw invalid(original, "has a host '" + spec + "' whose port is not a number from 1 to 65535");
        }
        return Integer.parseInt(port);
    }

    /** pgjdbc's targetServerType for libpq's target_session_attrs, if given; a read-only target is refused. */
    private static Optional<String> postgresqlTarget(String original, String query) {
        Optional<String> value = Optional.empty();
        for (String option : query.split("&", -1)) {
            if (option.startsWith("target_session_attrs=")) {
                value = Optional.of(decode(option.substring("target_session_attrs=".length())).toLowerCase(Locale.ROOT));
            }
        }
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.get()) {
            case "read-write", "primary" -> Optional.of("primary");
            case "any" -> Optional.of("any");
            case "read-only", "standby", "prefer-standby" -> throw invalid(original,
                    "asks for target_session_attrs=" + value.get() + ", but hyperstatus writes: use read-write or primary");
            default -> throw invalid(original, "has target_session_attrs=" + value.get()
                    + ": use read-write, primary or any");
        };
    }

    /** Whether the URL names several hosts, among which the driver looks for the right one (pgjdbc's form). */
    boolean hasSeveralHosts() {
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            return false;
        }
        String rest = jdbcUrl.substring("jdbc:postgresql://".length());
        int end = rest.indexOf('/');
        return (end < 0 ? rest : rest.substring(0, end)).contains(",");
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
        Optional<String> user = userOf(authority);
        Optional<String> password = passwordOf(authority);
        return new DatabaseUrl(Dialect.MARIADB, "jdbc:mariadb:sequential://" + String.join(",", hosts) + database,
                user, password);
    }

    /** The user before the {@code @} of a URL's authority ({@code user:password@hosts}), if any. */
    private static Optional<String> userOf(String authority) {
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return Optional.empty();
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        return Optional.of(decode(colon < 0 ? userInfo : userInfo.substring(0, colon)));
    }

    /** The password between the user and the {@code @} of a URL's authority, if any. */
    private static Optional<String> passwordOf(String authority) {
        int at = authority.lastIndexOf('@');
        int colon = at < 0 ? -1 : authority.substring(0, at).indexOf(':');
        return colon < 0 ? Optional.empty() : Optional.of(decode(authority.substring(colon + 1, at)));
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
