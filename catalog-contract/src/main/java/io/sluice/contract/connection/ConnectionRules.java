package io.sluice.contract.connection;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a connection config of each kind must hold and may hold. Drivers and clients turn some settings into code,
 * files and sockets, so each kind has an allow-list of settings with plain values, and one rule set serves every
 * place a config is used: catalog-service when a source is registered or changed and before a connectivity test,
 * and the SQL gateway before it builds a connector's options (a stored config may predate a rule or have been
 * written around catalog-service).
 */
public final class ConnectionRules {

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    private static final int MAX_VALUE = 16_384;
    private static final String[] SECRET_HINTS = {"password", "secret", "jaas", "token", "credential"};

    private static final String HOST = "[A-Za-z0-9.-]{1,253}";
    private static final String PORT = "[0-9]{1,5}";
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9_.@+-]{1,128}");
    private static final Pattern ELASTICSEARCH_HOSTS = list("https?://" + HOST + "(?::" + PORT + ")?");
    private static final Pattern HIVE_URIS = list("thrift://" + HOST + ":" + PORT);
    private static final Pattern ZOOKEEPER_QUORUM = list(HOST + "(?::" + PORT + ")?");

    private ConnectionRules() {}

    /** The config checked, or a {@link ConnectionRefused} naming the first setting that breaks a rule. */
    public static CheckedConnection check(ConnectionKind kind, Map<String, String> properties, Map<String, String> secrets) {
        Map<String, String> props = new TreeMap<>(properties == null ? Map.of() : properties);
        Map<String, String> secret = new TreeMap<>(secrets == null ? Map.of() : secrets);
        checkShape("properties", props);
        checkShape("secrets", secret);
        for (String required : kind.requiredProperties()) {
            String value = props.get(required);
            if (value == null || value.isBlank()) {
                throw new ConnectionRefused("properties." + required,
                        "a " + kind.spelling() + " connection needs the property '" + required + "'");
            }
        }
        for (String key : props.keySet()) {
            String lower = key.toLowerCase(Locale.ROOT);
            for (String hint : SECRET_HINTS) {
                if (lower.contains(hint)) {
                    throw new ConnectionRefused("properties." + key,
                            "'" + key + "' looks like a secret; put it under secrets so that it is encrypted and never shown");
                }
            }
        }
        for (String key : secret.keySet()) {
            if (!kind.secretKeys().contains(key)) {
                throw new ConnectionRefused("secrets." + key,
                        "a " + kind.spelling() + " connection has no secret '" + key + "'; known secrets: " + kind.secretKeys());
            }
        }
        Optional<JdbcUrl> jdbcUrl = Optional.empty();
        switch (kind) {
            case KAFKA -> KafkaClientRules.check(props, secret);
            case MYSQL, POSTGRESQL, JDBC -> {
                allowOnly(kind, props, Set.of("url", "username"));
                require("username", props, USERNAME, "a user name of letters, digits and '_', '.', '@', '+', '-'");
                jdbcUrl = Optional.of(JdbcUrl.parse(kind, props.get("url")));
                props.put("url", jdbcUrl.get().canonical());
            }
            case REDIS -> {
                allowOnly(kind, props, Set.of("host", "port", "database"));
                require("host", props, Pattern.compile(HOST), "a host name or address of letters, digits, '.' and '-'");
                checkPort(props.get("port"));
                require("database", props, Pattern.compile("[0-9]|1[0-5]"), "a database number from 0 to 15");
            }
            case ELASTICSEARCH -> {
                allowOnly(kind, props, Set.of("hosts", "username"));
                require("hosts", props, ELASTICSEARCH_HOSTS, "http(s)://host[:port], separated by ','");
                require("username", props, USERNAME, "a user name of letters, digits and '_', '.', '@', '+', '-'");
            }
            case HIVE -> {
                allowOnly(kind, props, Set.of("hive.metastore.uris"));
                require("hive.metastore.uris", props, HIVE_URIS, "thrift://host:port, separated by ','");
            }
            case HBASE -> {
                allowOnly(kind, props, Set.of("hbase.zookeeper.quorum"));
                require("hbase.zookeeper.quorum", props, ZOOKEEPER_QUORUM, "host[:port], separated by ','");
            }
        }
        return new CheckedConnection(kind, props, secret, jdbcUrl);
    }

    /** Names are echoed in refusals and field names, so they must be plain; values are bounded in size. */
    private static void checkShape(String part, Map<String, String> settings) {
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            if (setting.getKey() == null || !KEY.matcher(setting.getKey()).matches()) {
                throw new ConnectionRefused(part, "the names of " + part + " are 1 to 100 letters, digits, '.', '_' and '-'");
            }
            if (setting.getValue() == null || setting.getValue().length() > MAX_VALUE) {
                throw new ConnectionRefused(part + "." + setting.getKey(),
                        "'" + setting.getKey() + "' needs a value of at most " + MAX_VALUE + " characters");
            }
        }
    }

    /** Drivers and clients act on settings they do not know as well as on ones they do: unknown keys are refused. */
    private static void allowOnly(ConnectionKind kind, Map<String, String> props, Set<String> allowed) {
        for (String key : props.keySet()) {
            if (!allowed.contains(key)) {
                throw new ConnectionRefused("properties." + key,
                        "a " + kind.spelling() + " connection may set only " + allowed.stream().sorted().toList());
            }
        }
    }

    /** An optional property, when present, must match {@code shape}; the refusal says what it must be, not what it was. */
    private static void require(String key, Map<String, String> props, Pattern shape, String expected) {
        String value = props.get(key);
        if (value != null && !shape.matcher(value).matches()) {
            throw new ConnectionRefused("properties." + key, "'" + key + "' must be " + expected
                    + " (no '${...}' references, no options smuggled into the value)");
        }
    }

    private static void checkPort(String port) {
        if (!port.matches(PORT) || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new ConnectionRefused("properties.port", "port must be a number from 1 to 65535");
        }
    }

    private static Pattern list(String element) {
        return Pattern.compile(element + "(?:," + element + ")*");
    }

    static List<String> sorted(Set<String> names) {
        return names.stream().sorted().toList();
    }
}
