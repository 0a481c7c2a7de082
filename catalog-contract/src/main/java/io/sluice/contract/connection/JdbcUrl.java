package io.sluice.contract.connection;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A JDBC URL of a driver the platform supports, parsed into its parts. Drivers act on URL parameters (load a socket
 * factory class, write a log file, read local files, run SQL at connect), so only parameters that tune an ordinary
 * connection are accepted, with plain values; the URL handed to a driver is rebuilt from these parts, never the
 * text as it was typed or stored.
 */
public record JdbcUrl(String scheme, String host, int port, String database, Map<String, String> parameters) {

    static final String FIELD = "properties.url";

    private static final Pattern SHAPE = Pattern.compile(
            "jdbc:([a-z]+)://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::([0-9]{1,5}))?/([A-Za-z0-9_$-]+)(?:\\?(.*))?");
    private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9_.-]{1,100}");

    private static final Map<String, Integer> DEFAULT_PORTS = Map.of("postgresql", 5432, "mariadb", 3306, "mysql", 3306);
    private static final Set<String> POSTGRESQL_PARAMETERS = Set.of(
            "sslmode", "connectTimeout", "socketTimeout", "loginTimeout", "tcpKeepAlive", "ApplicationName",
            "currentSchema", "reWriteBatchedInserts", "prepareThreshold", "defaultRowFetchSize");
    private static final Set<String> MARIADB_PARAMETERS = Set.of(
            "sslMode", "connectTimeout", "socketTimeout", "tcpKeepAlive", "useCompression", "characterEncoding",
            "useUnicode", "serverTimezone", "rewriteBatchedStatements", "useServerPrepStmts");

    public JdbcUrl {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** Parses a URL for a source of the given kind, or refuses it naming {@code properties.url}. */
    static JdbcUrl parse(ConnectionKind kind, String url) {
        List<String> schemes = schemes(kind);
        Matcher m = SHAPE.matcher(url);
        if (!m.matches() || !schemes.contains(m.group(1))) {
            throw new ConnectionRefused(FIELD, "not a JDBC URL for a " + kind.spelling() + " source: expected "
                    + schemes.stream().map(s -> "jdbc:" + s + "://host[:port]/database[?parameter=value&...]")
                            .collect(Collectors.joining(" or ")));
        }
        String scheme = m.group(1);
        int port = m.group(3) == null ? DEFAULT_PORTS.get(scheme) : Integer.parseInt(m.group(3));
        if (port < 1 || port > 65535) {
            throw new ConnectionRefused(FIELD, "the port of a JDBC URL must be a number from 1 to 65535");
        }
        return new JdbcUrl(scheme, m.group(2), port, m.group(4), parameters(scheme, m.group(5)));
    }

    private static List<String> schemes(ConnectionKind kind) {
        return switch (kind) {
            case POSTGRESQL -> List.of("postgresql");
            case MYSQL -> List.of("mysql", "mariadb");
            default -> List.of("postgresql", "mariadb", "mysql");
        };
    }

    /** In the order given, which the rebuilt URL keeps. */
    private static Map<String, String> parameters(String scheme, String query) {
        Map<String, String> parameters = new LinkedHashMap<>();
        if (query == null) {
            return parameters;
        }
        Set<String> allowed = scheme.equals("postgresql") ? POSTGRESQL_PARAMETERS : MARIADB_PARAMETERS;
        for (String pair : query.split("&", -1)) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            if (!allowed.contains(key)) {
                // the key is not echoed: it may be anything the caller typed
                throw new ConnectionRefused(FIELD, "a jdbc:" + scheme + " URL may carry only the parameters "
                        + ConnectionRules.sorted(allowed) + " (with plain values); others can load code or files");
            }
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!PLAIN_VALUE.matcher(value).matches() || parameters.put(key, value) != null) {
                throw new ConnectionRefused(FIELD, "the URL parameter '" + key
                        + "' needs one plain value (letters, digits, '_', '.', '-')");
            }
        }
        return parameters;
    }

    /** PostgreSQL's driver counts its timeouts in seconds, MariaDB's and MySQL's in milliseconds. */
    public boolean countsTimeoutsInSeconds() {
        return scheme.equals("postgresql");
    }

    /** The URL rebuilt from the checked parts: what a driver is given. */
    public String canonical() {
        String query = parameters.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        return target() + (query.isEmpty() ? "" : "?" + query);
    }

    /** Where it points, for messages; parameters and credentials left out. */
    public String target() {
        return "jdbc:" + scheme + "://" + host + ":" + port + "/" + database;
    }
}
