package io.sluice.gateway.access;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Flink sessions shaped like the gateway's: catalogs per environment with the tables of {@code catalog.sql}. */
final class Sessions {

    private Sessions() {}

    static TableEnvironmentInternal withCatalog() {
        TableEnvironmentInternal session =
                (TableEnvironmentInternal) TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        for (String statement : StatementSplitter.split(resource("access-corpus/catalog.sql"))) {
            session.executeSql(statement);
        }
        return session;
    }

    static String resource(String name) {
        try (InputStream in = Sessions.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
