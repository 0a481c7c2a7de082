package io.sluice.gateway.catalog;

import io.sluice.contract.ConnectionView;
import io.sluice.dimtable.CacheConfig;
import io.sluice.gateway.SluiceGatewayOptions;
import io.sluice.gateway.access.Action;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.errors.SecretRedactor;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.DelegatingConfiguration;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.connector.sink.DynamicTableSink;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.factories.DynamicTableFactory;
import org.apache.flink.table.factories.DynamicTableSinkFactory;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The table factory of an environment catalog: at planning time it looks up the data source's connection in
 * catalog-service (with the gateway's service token, naming the session's user for the audit), adds address and secrets to the table's options and hands
 * the table to the real connector ({@code kafka}, {@code upsert-kafka}, {@code jdbc}, or {@code dim} for the
 * lookup joins of Redis tables and, with {@link ScanOrLookupSource}, of MySQL and PostgreSQL tables). The added
 * options live only in the planner's copy of the table, never in the catalog.
 *
 * <p>A query may tune how a table is read with an {@code OPTIONS} hint, but only with the keys in
 * {@link TableHints#ALLOWED_KEYS}: anything else (another topic, another cluster, …) is refused. A batch job
 * (a snapshot query) reads every table to an end ({@link BatchReads}).
 */
final class ConnectedTableFactory implements DynamicTableSourceFactory, DynamicTableSinkFactory {


    private final EnvironmentCatalog catalog;
    private final CatalogServiceClient catalogService;
    private final SecretRedactor redactor;
    private final TableGuard guard;

    ConnectedTableFactory(
            EnvironmentCatalog catalog, CatalogServiceClient catalogService, SecretRedactor redactor, TableGuard guard) {
        this.catalog = catalog;
        this.catalogService = catalogService;
        this.redactor = redactor;
        this.guard = guard;
    }

    @Override
    public DynamicTableSource createDynamicTableSource(DynamicTableFactory.Context context) {
        guard.require(context.getObjectIdentifier(), Action.SELECT);
        boolean batch = BatchReads.isBatch(context.getConfiguration());
        ResolvedCatalogTable table =
                batch ? BatchReads.bounded(context.getObjectIdentifier(), connected(context)) : connected(context);
        Map<String, String> dimOptions =
                context.isTemporary()
                        ? null
                        : ConnectionOptions.forJdbcLookup(table, dimCache(context.getConfiguration()));
        if (dimOptions == null) {
            DynamicTableSource source = source(context, table);
            return batch ? BatchReads.requireBounded(context.getObjectIdentifier(), source) : source;
        }
        // scanned by Flink's jdbc connector, looked up through the dim connector's caches
        LookupTableSource lookup = (LookupTableSource) source(context, table.copy(dimOptions));
        try {
            return ScanOrLookupSource.of((ScanTableSource) source(context, table), lookup);
        } catch (ValidationException e) {
            // Flink's jdbc connector cannot read every database the dim connector can (Flink 2.x has no MySQL
            // dialect): such a table still works in lookup joins
            return ScanOrLookupSource.lookupOnly(context.getObjectIdentifier(), lookup, e.getMessage());
        }
    }

    private DynamicTableSource source(DynamicTableFactory.Context context, ResolvedCatalogTable table) {
        return withoutSecretsInErrors(
                () ->
                        FactoryUtil.createDynamicTableSource(
                                null,
                                context.getObjectIdentifier(),
                                table,
                                Map.of(),
                                context.getConfiguration(),
                                context.getClassLoader(),
                                context.isTemporary()));
    }

    @Override
    public DynamicTableSink createDynamicTableSink(DynamicTableFactory.Context context) {
        guard.require(context.getObjectIdentifier(), Action.INSERT);
        ResolvedCatalogTable table = connected(context);
        if (ConnectionOptions.DIM_CONNECTOR.equals(table.getOptions().get(FactoryUtil.CONNECTOR.key()))) {
            throw new ValidationException(
                    "Table " + context.getObjectIdentifier().asSummaryString() + " lives in Redis: a query can look "
                            + "its rows up in a lookup join (JOIN ... FOR SYSTEM_TIME AS OF ...), but the SQL "
                            + "gateway cannot write it.");
        }
        try {
            return withoutSecretsInErrors(
                    () ->
                            FactoryUtil.createDynamicTableSink(
                                    null,
                                    context.getObjectIdentifier(),
                                    table,
                                    Map.of(),
                                    context.getConfiguration(),
                                    context.getClassLoader(),
                                    context.isTemporary()));
        } catch (ValidationException e) {
            if (onlyLookedUp(context, table)) {
                throw new ValidationException(
                        ScanOrLookupSource.onlyLookedUp(context.getObjectIdentifier(), e.getMessage()));
            }
            throw e;
        }
    }

    /** A database table that the dim connector can look up but Flink's jdbc connector cannot read. */
    private boolean onlyLookedUp(DynamicTableFactory.Context context, ResolvedCatalogTable table) {
        if (context.isTemporary() || ConnectionOptions.forJdbcLookup(table, CacheConfig.none()) == null) {
            return false;
        }
        try {
            source(context, table);
            return false;
        } catch (ValidationException e) {
            return true;
        }
    }

    /**
     * Connectors print a table's options into their errors, which here include the address and secrets. Such an
     * error is replaced by one with the same words, redacted, and no cause, so neither the client nor Flink's
     * log of the failed statement sees them.
     */
    private <T> T withoutSecretsInErrors(Supplier<T> create) {
        try {
            return create.get();
        } catch (RuntimeException e) {
            StringBuilder messages = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t.getMessage() != null && messages.indexOf(t.getMessage()) < 0) {
                    messages.append(messages.length() == 0 ? "" : ScanOrLookupSource.CAUSED_BY).append(t.getMessage());
                }
            }
            throw new ValidationException(redactor.redact(messages.toString()));
        }
    }

    private ResolvedCatalogTable connected(DynamicTableFactory.Context context) {
        ResolvedCatalogTable table = context.getCatalogTable();
        if (context.isTemporary()) {
            // a session's own temporary table: nothing of catalog-service to add
            return table;
        }
        ObjectIdentifier id = context.getObjectIdentifier();
        Map<String, String> published = catalog.publishedOptions(id.getDatabaseName(), id.getObjectName());
        refuseForeignOptions(id, published, table.getOptions());
        String connector = published.get(FactoryUtil.CONNECTOR.key());
        if (connector != null && connector.startsWith(ConnectionOptions.UNSUPPORTED_PREFIX)) {
            throw new ValidationException(
                    ConnectionOptions.unsupported(id, connector.substring(ConnectionOptions.UNSUPPORTED_PREFIX.length())));
        }
        ConnectionView connection;
        try {
            connection = catalogService.connection(catalog.environment(), id.getDatabaseName(), catalog.user());
        } catch (CatalogServiceException e) {
            throw new ValidationException(
                    "The connection of data source '" + id.getDatabaseName() + "' in environment '"
                            + catalog.environment() + "' is not available: " + e.getMessage());
        }
        redactor.remember(ConnectionOptions.sensitiveValues(connection));
        Map<String, String> options = new HashMap<>(table.getOptions());
        if (ConnectionOptions.REDIS.equals(connection.kind())) {
            List<String> primaryKey =
                    table.getResolvedSchema().getPrimaryKey().map(UniqueConstraint::getColumns).orElse(List.of());
            options.putAll(
                    ConnectionOptions.forRedisLookup(connection, id, primaryKey, dimCache(context.getConfiguration())));
        } else {
            options.putAll(ConnectionOptions.forConnector(connection));
        }
        return table.copy(options);
    }

    /**
     * The cache of tables joined as dimension tables, as the gateway's operator set it. Read from the planner's
     * configuration, which holds the gateway's own settings: sessions cannot change them (they are outside
     * {@code session.allowed-keys}).
     */
    private static CacheConfig dimCache(ReadableConfig config) {
        Configuration gateway =
                new DelegatingConfiguration(Configuration.fromMap(config.toMap()), SluiceGatewayOptions.PREFIX);
        Duration ttl = gateway.get(SluiceGatewayOptions.DIM_CACHE_TTL);
        return switch (gateway.get(SluiceGatewayOptions.DIM_CACHE)) {
            case LRU -> CacheConfig.lru(gateway.get(SluiceGatewayOptions.DIM_CACHE_SIZE), ttl);
            case ALL -> CacheConfig.all(ttl);
            case NONE -> CacheConfig.none();
        };
    }

    private static void refuseForeignOptions(
            ObjectIdentifier id, Map<String, String> published, Map<String, String> requested) {
        Set<String> refused = new TreeSet<>();
        for (Map.Entry<String, String> option : requested.entrySet()) {
            boolean changed = !option.getValue().equals(published.get(option.getKey()));
            if (changed && !TableHints.ALLOWED_KEYS.contains(option.getKey())) {
                refused.add(option.getKey());
            }
        }
        if (!refused.isEmpty()) {
            throw new ValidationException(
                    ClientError.DENIED + "table " + id.asSummaryString() + " does not let a query set "
                            + String.join(", ", refused) + ". OPTIONS hints may set only "
                            + String.join(", ", new TreeSet<>(TableHints.ALLOWED_KEYS)) + ".");
        }
    }

    @Override
    public String factoryIdentifier() {
        return "sluice-environment";
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of();
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of();
    }
}
