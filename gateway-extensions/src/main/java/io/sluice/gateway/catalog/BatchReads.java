package io.sluice.gateway.catalog;

import io.sluice.gateway.SluiceGatewayOptions;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.catalog.ResolvedCatalogTable;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.runtime.connector.source.ScanRuntimeProviderContext;

import java.util.HashMap;
import java.util.Map;

/**
 * How a table is read by a batch job (a snapshot query, {@link SluiceGatewayOptions#RESULT_MODE}, or a session's own
 * {@code execution.runtime-mode = batch}): it must end. A Kafka topic ends at the offsets that are the latest when
 * the job starts, unless the query's {@code OPTIONS} hint bounds it otherwise; a table that cannot end is refused
 * naming it, before Flink's planner says less.
 */
final class BatchReads {

    static final String BOUNDED_MODE = "scan.bounded.mode";
    static final String LATEST_OFFSET = "latest-offset";

    private BatchReads() {}

    static boolean isBatch(ReadableConfig config) {
        return config.get(ExecutionOptions.RUNTIME_MODE) == RuntimeExecutionMode.BATCH;
    }

    /** The table as a batch job reads it: a topic bounded by its latest offsets if nothing else bounds it. */
    static ResolvedCatalogTable bounded(ObjectIdentifier id, ResolvedCatalogTable table) {
        String connector = table.getOptions().get(FactoryUtil.CONNECTOR.key());
        if ("upsert-kafka".equals(connector)) {
            // Flink 2.2 plans only INSERT-only sources in batch mode, and an upsert topic is a changelog of its keys
            throw new ValidationException(
                    "Table " + id.asSummaryString() + " is an upsert topic (a changelog of its keys), which Flink "
                            + "cannot read in a snapshot (batch) query. Read it in streaming mode: connect with the "
                            + "JDBC property resultMode=streaming, or SET '" + SluiceGatewayOptions.RESULT_MODE.key()
                            + "' = 'streaming'.");
        }
        if (!"kafka".equals(connector) || table.getOptions().containsKey(BOUNDED_MODE)) {
            return table;
        }
        Map<String, String> options = new HashMap<>(table.getOptions());
        options.put(BOUNDED_MODE, LATEST_OFFSET);
        return table.copy(options);
    }

    /** The source, if a batch job can read it to its end. */
    static DynamicTableSource requireBounded(ObjectIdentifier id, DynamicTableSource source) {
        if (source instanceof ScanTableSource scan
                && !scan.getScanRuntimeProvider(ScanRuntimeProviderContext.INSTANCE).isBounded()) {
            throw new ValidationException(
                    "Table " + id.asSummaryString() + " cannot be read to an end (an unbounded source, e.g. datagen "
                            + "without number-of-rows, or scan.bounded.mode 'unbounded'), so a snapshot (batch) query "
                            + "cannot read it. Read it in streaming mode: connect with the JDBC property "
                            + "resultMode=streaming, or SET '" + SluiceGatewayOptions.RESULT_MODE.key()
                            + "' = 'streaming'.");
        }
        return source;
    }
}
