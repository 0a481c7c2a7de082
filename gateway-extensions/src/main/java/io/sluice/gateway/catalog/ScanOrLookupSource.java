package io.sluice.gateway.catalog;

import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.abilities.SupportsFilterPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsLimitPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsProjectionPushDown;
import org.apache.flink.table.expressions.ResolvedExpression;
import org.apache.flink.table.types.DataType;

import java.util.List;

/**
 * A database table as Flink's planner asks for it, once per table reference: read whole by Flink's {@code jdbc}
 * source, looked up by the {@code dim} source with its caches. The planner decides only after push-down whether
 * the reference is scanned or looked up, so this advertises only abilities that cannot change what a lookup
 * returns: filters go to the {@code jdbc} scan but are all reported as remaining (the planner applies them again,
 * also to looked-up rows), and a limit is best effort by contract. A projection goes to both, so either reads only
 * the columns the query uses.
 *
 * <p>Where Flink's {@code jdbc} connector cannot read the database (Flink 2.x has no MySQL dialect), the table is
 * only looked up, and a query that reads it whole fails at planning, saying why.
 */
final class ScanOrLookupSource
        implements ScanTableSource,
                LookupTableSource,
                SupportsFilterPushDown,
                SupportsLimitPushDown,
                SupportsProjectionPushDown {

    /** How {@link ConnectedTableFactory} joins the messages of an error's causes. */
    static final String CAUSED_BY = "\nCaused by: ";

    private final ScanTableSource scan;
    private final LookupTableSource lookup;
    /** Why the table cannot be read whole, when {@link #scan} is null. */
    private final String noScan;

    private ScanOrLookupSource(ScanTableSource scan, LookupTableSource lookup, String noScan) {
        this.scan = scan;
        this.lookup = lookup;
        this.noScan = noScan;
    }

    static ScanOrLookupSource of(ScanTableSource scan, LookupTableSource lookup) {
        return new ScanOrLookupSource(scan, lookup, null);
    }

    static ScanOrLookupSource lookupOnly(ObjectIdentifier table, LookupTableSource lookup, String jdbcFailure) {
        return new ScanOrLookupSource(null, lookup, onlyLookedUp(table, jdbcFailure));
    }

    /**
     * Why a query cannot read a table whole or write it, though lookup joins work: the root cause of the jdbc
     * connector's failure (its first line; the rest lists the table's options and the connector's factories).
     */
    static String onlyLookedUp(ObjectIdentifier table, String jdbcFailure) {
        String rootCause = jdbcFailure.substring(jdbcFailure.lastIndexOf(CAUSED_BY) + CAUSED_BY.length());
        return "Table " + table.asSummaryString() + " can only be looked up, in a lookup join (JOIN "
                + table.getObjectName() + " FOR SYSTEM_TIME AS OF <processing time> ON <columns>): Flink's jdbc "
                + "connector cannot read or write it: " + rootCause.lines().findFirst().orElse("").strip();
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return scan == null ? ChangelogMode.insertOnly() : scan.getChangelogMode();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
        if (scan == null) {
            throw new ValidationException(noScan);
        }
        return scan.getScanRuntimeProvider(context);
    }

    @Override
    public LookupRuntimeProvider getLookupRuntimeProvider(LookupContext context) {
        return lookup.getLookupRuntimeProvider(context);
    }

    @Override
    public Result applyFilters(List<ResolvedExpression> filters) {
        if (scan instanceof SupportsFilterPushDown pushDown) {
            return Result.of(pushDown.applyFilters(filters).getAcceptedFilters(), filters);
        }
        return Result.of(List.of(), filters);
    }

    @Override
    public void applyLimit(long limit) {
        if (scan instanceof SupportsLimitPushDown pushDown) {
            pushDown.applyLimit(limit);
        }
    }

    @Override
    public boolean supportsNestedProjection() {
        return false;
    }

    /** Both Flink's {@code jdbc} source and the {@code dim} source take projections. */
    @Override
    public void applyProjection(int[][] projectedFields, DataType producedDataType) {
        if (scan != null) {
            ((SupportsProjectionPushDown) scan).applyProjection(projectedFields, producedDataType);
        }
        ((SupportsProjectionPushDown) lookup).applyProjection(projectedFields, producedDataType);
    }

    @Override
    public DynamicTableSource copy() {
        return new ScanOrLookupSource(
                scan == null ? null : (ScanTableSource) scan.copy(), (LookupTableSource) lookup.copy(), noScan);
    }

    @Override
    public String asSummaryString() {
        return (scan == null ? "no scan" : scan.asSummaryString()) + " / " + lookup.asSummaryString();
    }
}
