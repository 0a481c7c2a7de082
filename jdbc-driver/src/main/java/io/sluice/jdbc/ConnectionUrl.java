package io.sluice.jdbc;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:sluice://host:port[/environment[.database]][?key=value&…]} with the connection properties
 * merged in. A key may come from the URL or the properties; given in both with different values it is refused
 * (neither silently wins), and an unknown key is refused naming it.
 */
final class ConnectionUrl {

    static final String PREFIX = "jdbc:sluice:";

    /** The keys a connection takes, in the URL's query or as properties. */
    static final List<String> KEYS = List.of("user", "password", "token", "ssl", "project", "resultMode");

    /** The gateway's session setting that {@code resultMode} becomes. */
    static final String RESULT_MODE_PROPERTY = "sluice.result-mode";

    private final String host;
    private final int port;
    private final String environment;
    private final String database;
    private final Map<String, String> settings;

    private ConnectionUrl(String host, int port, String environment, String database, Map<String, String> settings) {
        this.host = host;
        this.port = port;
        this.environment = environment;
        this.database = database;
        this.settings = settings;
    }

    static boolean accepts(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    static ConnectionUrl parse(String url, Properties properties) throws SQLException {
        if (!url.startsWith(PREFIX + "//")) {
            throw invalid("it must start with jdbc:sluice://host:port");
        }
        URI uri;
        try {
            uri = new URI(url.substring(PREFIX.length()));
        } catch (URISyntaxException e) {
            throw invalid("it is not a valid URI (" + e.getReason() + ")");
        }
        if (uri.getHost() == null || uri.getPort() < 0) {
            throw invalid("it must start with jdbc:sluice://host:port");
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw invalid("give credentials as the properties user and password (or token), not in the host part");
        }
        String environment = null;
        String database = null;
        String path = uri.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            String[] parts = path.substring(1).split("\\.", -1);
            if (parts.length > 2 || Arrays.stream(parts).anyMatch(p -> p.isEmpty() || p.contains("/"))) {
                throw invalid("the path must be /environment or /environment.database");
            }
            environment = parts[0];
            database = parts.length == 2 ? parts[1] : null;
        }
        Map<String, String> settings = new LinkedHashMap<>(query(uri.getRawQuery()));
        if (properties != null) {
            for (String key : properties.stringPropertyNames()) {
                String value = properties.getProperty(key);
                String fromUrl = settings.get(key);
                if (fromUrl != null && !fromUrl.equals(value)) {
                    throw invalid("'" + key + "' is given in the URL and as a property with different values; "
                            + "give it once");
                }
                settings.put(checkedKey(key), value);
            }
        }
        String ssl = settings.getOrDefault("ssl", "false");
        if (!ssl.equals("true") && !ssl.equals("false")) {
            throw invalid("ssl must be true or false");
        }
        String resultMode = settings.getOrDefault("resultMode", "snapshot");
        if (!resultMode.equals("snapshot") && !resultMode.equals("streaming")) {
            throw invalid("resultMode must be snapshot or streaming");
        }
        return new ConnectionUrl(uri.getHost(), uri.getPort(), environment, database,
                Collections.unmodifiableMap(settings));
    }

    private static Map<String, String> query(String rawQuery) throws SQLException {
        Map<String, String> values = new LinkedHashMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return values;
        }
        for (String pair : rawQuery.split("&", -1)) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw invalid("each query parameter must be key=value");
            }
            String key = checkedKey(decode(pair.substring(0, equals)));
            if (values.put(key, decode(pair.substring(equals + 1))) != null) {
                throw invalid("'" + key + "' is given twice in the URL");
            }
        }
        return values;
    }

    private static String checkedKey(String key) throws SQLException {
        if (!KEYS.contains(key)) {
            throw invalid("'" + key + "' is not a setting of this driver (it takes " + String.join(", ", KEYS) + ")");
        }
        return key;
    }

    /** Percent-decoding only: a {@code +} is a plus (as in passwords), not a space. */
    private static String decode(String text) throws SQLException {
        try {
            return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid("a query parameter is not validly URL-encoded");
        }
    }

    private static SQLException invalid(String why) {
        return new SQLNonTransientConnectionException("The JDBC URL is not valid: " + why + ". The form is "
                + "jdbc:sluice://host:port[/environment[.database]][?user=…&password=…]", "08001");
    }

    URI restBase() {
        return URI.create((ssl() ? "https" : "http") + "://" + hostForUri() + ":" + port);
    }

    private String hostForUri() {
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    boolean ssl() {
        return "true".equals(settings.get("ssl"));
    }

    /**
     * How the session's queries return rows: {@code snapshot} (the default: a BI tool reads a result to its end, so a
     * query over a topic must end and an aggregate must give its final rows) or {@code streaming}.
     */
    String resultMode() {
        return settings.getOrDefault("resultMode", "snapshot");
    }

    String setting(String key) {
        return settings.get(key);
    }

    /** The environment (catalog) the session starts in; null for the gateway's default. */
    String environment() {
        return environment;
    }

    /** The database the session starts in; null for the environment's default. */
    String database() {
        return database;
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }
}
