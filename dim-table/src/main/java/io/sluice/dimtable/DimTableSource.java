package io.sluice.dimtable;

import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.abilities.SupportsProjectionPushDown;
import org.apache.flink.table.connector.source.lookup.AsyncLookupFunctionProvider;
import org.apache.flink.table.connector.source.lookup.LookupFunctionProvider;
import org.apache.flink.table.types.DataType;
import org.apache.flink.table.types.logical.RowType;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * A dimension table: only usable on the right side of a lookup join. It reads only the columns a query uses
 * (projection push-down), so the database returns and the cache keeps no more than that.
 */
final class DimTableSource implements LookupTableSource, SupportsProjectionPushDown {

    private final String table;
    private final ReadableConfig options;
    private final SourceType type;
    /** The columns read: the table's, or those the query uses once the planner pushed its projection down. */
    private RowType rowType;
    private final List<String> requiredKeyColumns;
    private final CacheConfig cacheConfig;
    private final RetryConfig retryConfig;

    /**
     * @param requiredKeyColumns columns every lookup join must use exactly, or empty when any
     *     columns may be looked up
     */
    DimTableSource(
            String table,
            ReadableConfig options,
            SourceType type,
            RowType rowType,
            List<String> requiredKeyColumns,
            CacheConfig cacheConfig,
            RetryConfig retryConfig) {
        this.table = table;
        this.options = options;
        this.type = type;
        this.rowType = rowType;
        this.requiredKeyColumns = requiredKeyColumns;
        this.cacheConfig = cacheConfig;
        this.retryConfig = retryConfig;
    }

    @Override
    public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext context) {
        int[][] keys = context.getKeys();
        int[] keyIndices = new int[keys.length];
        List<String> keyNames = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i].length != 1) {
                throw new ValidationException(
                        String.format("Dimension table %s can only be joined on top-level columns, not nested fields.", table));
            }
            keyIndices[i] = keys[i][0];
            keyNames.add(rowType.getFieldNames().get(keyIndices[i]));
        }
        if (!requiredKeyColumns.isEmpty() && !new HashSet<>(keyNames).equals(new HashSet<>(requiredKeyColumns))) {
            throw new ValidationException(
                    String.format(
                            "The lookup join on dimension table %s uses columns %s, but its key is %s (option '%s' or PRIMARY KEY). "
                                    + "Join on exactly the key columns with equality conditions.",
                            table, keyNames, requiredKeyColumns, DimTableOptions.KEY_COLUMNS.key()));
        }
        DimLookup lookup =
                new DimLookup(table, type.create(options, rowType, keyIndices), rowType, keyIndices, cacheConfig, retryConfig);
        if (options.get(DimTableOptions.ASYNC)) {
            return AsyncLookupFunctionProvider.of(new DimAsyncLookupFunction(lookup, options.get(DimTableOptions.ASYNC_THREADS)));
        }
        return LookupFunctionProvider.of(new DimLookupFunction(lookup));
    }

    @Override
    public boolean supportsNestedProjection() {
        return false;
    }

    @Override
    public void applyProjection(int[][] projectedFields, DataType producedDataType) {
        // the lookup keys the planner passes later index into this narrower row
        rowType = (RowType) producedDataType.getLogicalType();
    }

    @Override
    public DynamicTableSource copy() {
        return new DimTableSource(table, options, type, rowType, requiredKeyColumns, cacheConfig, retryConfig);
    }

    @Override
    public String asSummaryString() {
        return "dim(" + type.name().toLowerCase(Locale.ROOT) + ", cache=" + cacheConfig.kind() + ")";
    }
}
