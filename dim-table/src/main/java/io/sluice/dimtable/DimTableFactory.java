package io.sluice.dimtable;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.UniqueConstraint;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.types.logical.RowType;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static io.sluice.dimtable.DimTableOptions.ASYNC;
import static io.sluice.dimtable.DimTableOptions.ASYNC_THREADS;
import static io.sluice.dimtable.DimTableOptions.CACHE;
import static io.sluice.dimtable.DimTableOptions.CACHE_EMPTY;
import static io.sluice.dimtable.DimTableOptions.CACHE_MAX_BYTES;
import static io.sluice.dimtable.DimTableOptions.CACHE_MAX_ROWS;
import static io.sluice.dimtable.DimTableOptions.CACHE_RELOAD_AT;
import static io.sluice.dimtable.DimTableOptions.CACHE_SIZE;
import static io.sluice.dimtable.DimTableOptions.CACHE_TTL_MS;
import static io.sluice.dimtable.DimTableOptions.CONNECT_TIMEOUT_MS;
import static io.sluice.dimtable.DimTableOptions.DB_NUM;
import static io.sluice.dimtable.DimTableOptions.HOST;
import static io.sluice.dimtable.DimTableOptions.KEY_COLUMNS;
import static io.sluice.dimtable.DimTableOptions.KEY_PREFIX;
import static io.sluice.dimtable.DimTableOptions.KEY_SEPARATOR;
import static io.sluice.dimtable.DimTableOptions.MAX_RETRY_TIMES;
import static io.sluice.dimtable.DimTableOptions.PASSWORD;
import static io.sluice.dimtable.DimTableOptions.PORT;
import static io.sluice.dimtable.DimTableOptions.RETRY_BACKOFF_MS;
import static io.sluice.dimtable.DimTableOptions.TABLE_NAME;
import static io.sluice.dimtable.DimTableOptions.TYPE;
import static io.sluice.dimtable.DimTableOptions.URL;
import static io.sluice.dimtable.DimTableOptions.USER_NAME;
import static io.sluice.dimtable.DimTableOptions.VALUE_FORMAT;

/** Creates {@code 'connector' = 'dim'} tables; every option is checked here, at planning time. */
public final class DimTableFactory implements DynamicTableSourceFactory {

    public static final String IDENTIFIER = "dim";

    @Override
    public String factoryIdentifier() {
        return IDENTIFIER;
    }

    @Override
    public Set<ConfigOption<?>> requiredOptions() {
        return Set.of(TYPE);
    }

    @Override
    public Set<ConfigOption<?>> optionalOptions() {
        return Set.of(
                URL, TABLE_NAME, USER_NAME, PASSWORD,
                HOST, PORT, DB_NUM, KEY_PREFIX, KEY_SEPARATOR, VALUE_FORMAT,
                KEY_COLUMNS,
                CACHE, CACHE_SIZE, CACHE_TTL_MS, CACHE_RELOAD_AT, CACHE_EMPTY, CACHE_MAX_ROWS, CACHE_MAX_BYTES,
                ASYNC, ASYNC_THREADS, MAX_RETRY_TIMES, RETRY_BACKOFF_MS, CONNECT_TIMEOUT_MS);
    }

    @Override
    public DynamicTableSource createDynamicTableSource(Context context) {
        FactoryUtil.TableFactoryHelper helper = FactoryUtil.createTableFactoryHelper(this, context);
        helper.validate();
        ReadableConfig options = helper.getOptions();
        String table = context.getObjectIdentifier().asSummaryString();
        RowType rowType = (RowType) context.getPhysicalRowDataType().getLogicalType();

        SourceType type = SourceType.parse(options.get(TYPE));
        type.validate(options, rowType);
        CacheConfig cacheConfig = CacheConfig.from(options);
        RetryConfig retryConfig = RetryConfig.from(options);
        if (options.get(ASYNC_THREADS) <= 0) {
            throw new ValidationException(
                    String.format("Invalid value '%s' for option '%s': must be positive.", options.get(ASYNC_THREADS), ASYNC_THREADS.key()));
        }
        List<String> primaryKey =
                context.getCatalogTable().getResolvedSchema().getPrimaryKey().map(UniqueConstraint::getColumns).orElse(List.of());
        List<String> keyColumns = keyColumns(options, rowType, table, type, primaryKey);
        return new DimTableSource(table, options, type, rowType, keyColumns, cacheConfig, retryConfig);
    }

    /**
     * The columns a lookup join must use. Redis can only find rows by their key; a JDBC table can
     * be looked up by any columns unless 'keyColumns' restricts it (e.g. to the indexed ones).
     */
    private static List<String> keyColumns(
            ReadableConfig options, RowType rowType, String table, SourceType type, List<String> primaryKey) {
        String configured = options.get(KEY_COLUMNS);
        if (configured != null) {
            List<String> columns = Arrays.stream(configured.split(",")).map(String::trim).collect(Collectors.toList());
            for (String column : columns) {
                if (!rowType.getFieldNames().contains(column)) {
                    throw new ValidationException(
                            String.format(
                                    "Option '%s' names column '%s', which table %s does not have. Its columns are %s.",
                                    KEY_COLUMNS.key(), column, table, rowType.getFieldNames()));
                }
            }
            return columns;
        }
        if (type == SourceType.REDIS) {
            if (primaryKey.isEmpty()) {
                throw new ValidationException(
                        String.format(
                                "Table %s with '%s' = 'redis' needs its key columns: set option '%s' or declare a PRIMARY KEY ... NOT ENFORCED.",
                                table, TYPE.key(), KEY_COLUMNS.key()));
            }
            return primaryKey;
        }
        return List.of();
    }
}
