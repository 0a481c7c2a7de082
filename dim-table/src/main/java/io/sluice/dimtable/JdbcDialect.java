package io.sluice.dimtable;

import org.apache.flink.table.api.ValidationException;

import java.util.Properties;

/** What differs between the supported databases: identifier quoting, timeouts, streaming reads. */
enum JdbcDialect {
    MYSQL('`') {
        @Override
        void setTimeouts(Properties properties, long timeoutMs) {
            properties.setProperty("connectTimeout", Long.toString(timeoutMs));
            properties.setProperty("socketTimeout", Long.toString(timeoutMs));
        }
    },
    POSTGRESQL('"') {
        @Override
        void setTimeouts(Properties properties, long timeoutMs) {
            String seconds = Long.toString(Math.max(1, (timeoutMs + 999) / 1000));
            properties.setProperty("connectTimeout", seconds);
            properties.setProperty("socketTimeout", seconds);
        }
    };

    private final char quote;

    JdbcDialect(char quote) {
        this.quote = quote;
    }

    static JdbcDialect of(String url) {
        if (url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:")) {
            return MYSQL;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new ValidationException(
                String.format(
                        "Unsupported JDBC URL '%s' for option '%s': use jdbc:mysql:, jdbc:mariadb: or jdbc:postgresql:.",
                        url, DimTableOptions.URL.key()));
    }

    /** Quotes each part of a possibly schema-qualified name. */
    String quote(String name) {
        StringBuilder quoted = new StringBuilder();
        for (String part : name.split("\\.")) {
            if (quoted.length() > 0) {
                quoted.append('.');
            }
            quoted.append(quote).append(part).append(quote);
        }
        return quoted.toString();
    }

    /** Connect and read timeouts, in each driver's own property names and units. */
    abstract void setTimeouts(Properties properties, long timeoutMs);
}
