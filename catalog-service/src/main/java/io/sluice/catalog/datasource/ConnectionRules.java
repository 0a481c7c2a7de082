package io.sluice.catalog.datasource;

import io.sluice.catalog.common.CatalogException;
import java.util.Locale;
import java.util.Map;

/** What a connection config of each kind must hold; plain Java so that tests can call it directly. */
final class ConnectionRules {

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
        for (Map.Entry<String, String> property : config.properties().entrySet()) {
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
        if (kind.isJdbc()) {
            checkJdbcUrl(kind, field, config.property("url"));
        }
        if (kind == DataSourceKind.REDIS) {
            checkPort(field, config.property("port"));
        }
    }

    private static void checkJdbcUrl(DataSourceKind kind, String field, String url) {
        boolean fits = switch (kind) {
            case MYSQL -> url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
            case POSTGRESQL -> url.startsWith("jdbc:postgresql:");
            default -> url.startsWith("jdbc:");
        };
        if (!fits) {
            throw CatalogException.invalid(
                    field + ".properties.url",
                    "'" + url + "' is not a JDBC URL for a " + kind.spelling() + " source (e.g. "
                            + switch (kind) {
                                case MYSQL -> "jdbc:mysql://host:3306/db";
                                case POSTGRESQL -> "jdbc:postgresql://host:5432/db";
                                default -> "jdbc:<driver>://host/db";
                            } + ")");
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
