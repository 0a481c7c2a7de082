package io.sluice.bench.dimtable;

import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.types.Row;

/** Stream record {@code index}: (id, key), timing the first and the last record. */
final class ProbeGenerator implements GeneratorFunction<Long, Row> {

    private static final long serialVersionUID = 1L;

    private final KeyDistribution keys;
    private final long last;

    ProbeGenerator(KeyDistribution keys, long rows) {
        this.keys = keys;
        this.last = rows - 1;
    }

    @Override
    public Row map(Long index) {
        long i = index;
        if (i == 0) {
            Measurement.start();
        } else if (i == last) {
            Measurement.end();
        }
        return Row.of(i, keys.keyOf(i));
    }
}
