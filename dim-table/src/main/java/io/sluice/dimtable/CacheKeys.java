package io.sluice.dimtable;

import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.runtime.typeutils.InternalSerializers;
import org.apache.flink.table.runtime.typeutils.RowDataSerializer;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.RowType;

/**
 * Turns lookup keys and table rows into cache keys. A single-column key is the column value
 * itself, so a hit hashes one value and allocates nothing; a composite key is a row of values.
 */
final class CacheKeys {

    private final int[] keyIndices;
    private final RowData.FieldGetter[] keyGetters;
    private final TypeSerializer<Object> copier;

    @SuppressWarnings("unchecked")
    CacheKeys(RowType rowType, int[] keyIndices) {
        this.keyIndices = keyIndices;
        this.keyGetters = new RowData.FieldGetter[keyIndices.length];
        LogicalType[] keyTypes = new LogicalType[keyIndices.length];
        for (int i = 0; i < keyIndices.length; i++) {
            keyTypes[i] = rowType.getTypeAt(keyIndices[i]);
            keyGetters[i] = RowData.createFieldGetter(keyTypes[i], keyIndices[i]);
        }
        this.copier =
                keyIndices.length == 1
                        ? (TypeSerializer<Object>) InternalSerializers.create(keyTypes[0])
                        : (TypeSerializer<Object>) (TypeSerializer<?>) new RowDataSerializer(keyTypes);
    }

    /**
     * The cache key of a lookup key row as Flink passes it (a {@link GenericRowData} of the key
     * values), or null when a key value is null: SQL equality never matches null.
     */
    Object ofLookup(RowData keyRow) {
        if (keyIndices.length == 1) {
            return keyRow.isNullAt(0) ? null : ((GenericRowData) keyRow).getField(0);
        }
        for (int i = 0; i < keyIndices.length; i++) {
            if (keyRow.isNullAt(i)) {
                return null;
            }
        }
        return keyRow;
    }

    /** A copy of a lookup cache key that can be kept: Flink's key values may point into reused buffers. */
    Object retained(Object key) {
        return copier.copy(key);
    }

    /** The cache key of a table row, or null when one of its key columns is null. */
    Object ofRow(RowData row) {
        if (keyIndices.length == 1) {
            return keyGetters[0].getFieldOrNull(row);
        }
        GenericRowData key = new GenericRowData(keyIndices.length);
        for (int i = 0; i < keyIndices.length; i++) {
            Object value = keyGetters[i].getFieldOrNull(row);
            if (value == null) {
                return null;
            }
            key.setField(i, value);
        }
        return key;
    }
}
