package io.sluice.gateway.catalog;

import org.apache.flink.table.connector.ChangelogMode;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.connector.source.LookupTableSource;
import org.apache.flink.table.connector.source.ScanTableSource;
import org.apache.flink.table.connector.source.abilities.SupportsFilterPushDown;
import org.apache.flink.table.connector.source.abilities.SupportsLimitPushDown;
import org.apache.flink.table.expressions.ResolvedExpression;

import java.util.List;

/**
 * A database table as Flink's planner asks for it, once per table reference: read whole by Flink's {@code jdbc}
 * source, looked up by the {@code dim} source with its caches. The planner decides only after push-down whether
 * the reference is scanned or looked up, so this advertises only abilities that cannot change what a lookup
 * returns: filters go to the {@code jdbc} scan but are all reported as remaining (the planner applies them again,
 * also to looked-up rows), and a limit is best effort by contract. Projection push-down is not offered, since the
 * {@code dim} source always produces whole rows.
 */
final class ScanOrLookupSource
        implements ScanTableSource, LookupTableSource, SupportsFilterPushDown, SupportsLimitPushDown {

    private final ScanTableSource scan;
    private final LookupTableSource lookup;

    ScanOrLookupSource(ScanTableSource scan, LookupTableSource lookup) {
        this.scan = scan;
        this.lookup = lookup;
    }

    @Override
    public ChangelogMode getChangelogMode() {
        return scan.getChangelogMode();
    }

    @Override
    public ScanRuntimeProvider getScanRuntimeProvider(ScanContext context) {
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
    public DynamicTableSource copy() {
        return new ScanOrLookupSource((ScanTableSource) scan.copy(), (LookupTableSource) lookup.copy());
    }

    @Override
    public String asSummaryString() {
        return scan.asSummaryString() + " / " + lookup.asSummaryString();
    }
}
