package io.sluice.dimtable;

import org.apache.flink.table.data.RowData;
import org.apache.flink.table.functions.FunctionContext;
import org.apache.flink.table.functions.LookupFunction;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/** Synchronous lookups: a miss reads the source on the task thread. */
public final class DimLookupFunction extends LookupFunction {

    private static final long serialVersionUID = 1L;

    private final DimLookup lookup;
    private transient KeyLoader loader;

    DimLookupFunction(DimLookup lookup) {
        this.lookup = lookup;
    }

    @Override
    public void open(FunctionContext context) throws Exception {
        lookup.open(context.getMetricGroup());
        if (lookup.readsSource()) {
            loader = lookup.newLoader();
            loader.connect();
        }
    }

    @Override
    public Collection<RowData> lookup(RowData keyRow) throws IOException {
        List<RowData> rows = lookup.cached(keyRow);
        return rows != null ? rows : lookup.load(loader, keyRow);
    }

    @Override
    public void close() {
        if (loader != null) {
            loader.close();
        }
        lookup.close();
    }
}
