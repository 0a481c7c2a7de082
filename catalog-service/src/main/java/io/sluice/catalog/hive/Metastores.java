package io.sluice.catalog.hive;

import io.sluice.catalog.common.CatalogException;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.datasource.DataSource;
import io.sluice.catalog.datasource.DataSourceKind;
import io.sluice.catalog.datasource.DataSourceService;
import io.sluice.catalog.datasource.MetastoreConnections;
import io.sluice.hive.MetastoreClient;
import io.sluice.hive.MetastoreException;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * The metastore of a hive source in one environment, one connection per request: a Hive client is not safe for two
 * threads, and a connection costs a millisecond. Its failures become answers a person can act on.
 */
@Component
class Metastores {

    private final DataSourceService dataSources;

    Metastores(DataSourceService dataSources) {
        this.dataSources = dataSources;
    }

    /** The named source, which must be a Hive Metastore serving {@code environment}. */
    DataSource hiveSource(String name, Environment environment) {
        DataSource source = dataSources.get(name);
        if (source.kind() != DataSourceKind.HIVE) {
            throw CatalogException.invalid("dataSource", "data source '" + name + "' is " + source.kind().spelling()
                    + ", not hive: only a Hive Metastore's tables are browsed and imported");
        }
        if (environment == Environment.DESIGN || !source.serves(environment)) {
            throw CatalogException.invalid("environment", "data source '" + name + "' has a metastore for "
                    + source.environmentScope().spelling() + " only; choose that environment");
        }
        return source;
    }

    DataSource get(long id) {
        return dataSources.get(id);
    }

    <T> T read(DataSource source, Environment environment, Function<MetastoreClient, T> call) {
        try (MetastoreClient client = MetastoreConnections.open(source.connection(environment))) {
            return call.apply(client);
        } catch (MetastoreException e) {
            String message = "data source '" + source.name() + "' (" + environment.spelling() + "): " + e.getMessage();
            throw e.reason() == MetastoreException.Reason.NO_SUCH_DATABASE
                    ? CatalogException.missing(message)
                    : CatalogException.upstream(message);
        }
    }
}
