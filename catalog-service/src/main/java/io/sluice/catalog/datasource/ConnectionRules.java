package io.sluice.catalog.datasource;

import io.sluice.catalog.common.CatalogException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a connection config of each kind must hold and may hold: an allow-list per kind, checked when a
 * source is registered or changed and before every connectivity test, because drivers and clients turn
 * some settings into code, files and sockets. Plain Java so that tests can call it directly.
 */
final class ConnectionRules {

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]{1,253}");
    private static final String[] SECRET_HINTS = {"password", "secret", "jaas", "token", "credential"};

    private ConnectionRules() {}

    /** Refuses a config that lacks a required property, has a blank value, or keeps a secret among its properties. */
    static void check(DataSourceKind kind, String field, ConnectionConfig config) {
        for (String required : kind.requiredProperties()) {
            String value = config.property(required);
            if (value == null || value.isBlank()) {
                throw CatalogException.invalid(
                        field + ".properties." + required,
                        "a " + kind.spelling() + " connection needs the property '" + required + "' (" + field + ")");
            }
        }
        for (Map.Entry<String, String> property : new TreeMap<>(config.properties()).entrySet()) {
            String key = property.getKey().toLowerCase(Locale.ROOT);
            for (String hint : SECRET_HINTS) {
                if (key.contains(hint)) {
                    throw CatalogException.invalid(
                            field + ".properties." + property.getKey(),
                            "'" + property.getKey() + "' looks like a secret; put it under " + field
                                    + ".secrets so that it is encrypted and never shown");
                }
            }
        }
        for (String secret : config.secrets().keySet()) {
            if (!kind.secretKeys().contains(secret)) {
                throw CatalogException.invalid(
                        field + ".secrets." + secret,
                        "a " + kind.spelling() + " connection has no secret '" + secret + "'; known secrets: "
                                + kind.secretKeys());
            }
        }
        switch (kind) {
            case KAFKA -> KafkaClientRules.check(field, config);
            case MYSQL, POSTGRESQL, JDBC -> {
                allowOnly(kind, field, config, Set.of("url", "username"));
                JdbcUrl.parse(kind, field + ".properties.url", config.property("url"));
            }
            case REDIS -> {
                allowOnly(kind, field, config, Set.of("host", "port", "database"));
                checkHost(field + ".properties.host", config.property("host"));
                checkPort(field, config.property("port"));
                checkRedisDatabase(field + ".properties.database", config.property("database"));
            }
            case ELASTICSEARCH -> allowOnly(kind, field, config, Set.of("hosts", "username"));
            case HIVE -> allowOnly(kind, field, config, Set.of("hive.metastore.uris"));
            case HBASE -> allowOnly(kind, field, config, Set.of("hbase.zookeeper.quorum"));
        }
    }

    /** JDBC drivers and Kafka clients act on settings they do not know as well as on ones they do: unknown keys are refused. */
    private static void allowOnly(DataSourceKind kind, String field, ConnectionConfig config, Set<String> allowed) {
        for (Map.Entry<String, String> property : new TreeMap<>(config.properties()).entrySet()) {
            if (!allowed.contains(property.getKey())) {
                throw CatalogException.invalid(field + ".properties." + property.getKey(),
                        "a " + kind.spelling() + " connection may set only " + allowed.stream().sorted().toList());
            }
            if (property.getValue().contains("${")) {
                throw CatalogException.invalid(field + ".properties." + property.getKey(),
                        "'" + property.getKey() + "' may not hold a '${...}' reference");
            }
        }
    }

    private static void checkHost(String field, String host) {
        if (!HOST.matcher(host).matches()) {
            throw CatalogException.invalid(field, "a host is a name or address of letters, digits, '.' and '-'");
        }
    }

    private static void checkRedisDatabase(String field, String database) {
        if (database != null && !database.matches("[0-9]|1[0-5]")) {
            throw CatalogException.invalid(field, "database must be a number from 0 to 15");
        }
    }

    private static void checkPort(String field, String port) {
        try {
            int p = Integer.parseInt(port);
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            throw CatalogException.invalid(field + ".properties.port", "port must be a number from 1 to 65535, got '" + port + "'");
        }
    }
}
