package io.sluice.catalog.hive;

import io.sluice.catalog.hive.HiveSync.ColumnChange;
import io.sluice.catalog.hive.HiveSync.PropertyChange;
import io.sluice.catalog.table.Column;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Compares a table's catalog version with what its metastore holds now; plain Java so that tests call it directly. */
final class HiveSchemaDiff {

    /** One side of the comparison: columns (Flink types, canonical), partition keys, and the storage properties. */
    record Side(List<Column> columns, List<String> partitionKeys, Map<String, String> storage) {}

    private HiveSchemaDiff() {}

    /** Columns are matched by name, so a renamed column reads as one dropped and one added, as it is for a reader. */
    static HiveSync between(HiveImport origin, String table, String dataSource, int designVersion, Side before, Side after, List<String> problems) {
        Map<String, Column> old = byName(before.columns());
        Map<String, Column> now = byName(after.columns());
        List<Column> added = after.columns().stream().filter(c -> !old.containsKey(c.name())).toList();
        List<Column> dropped = before.columns().stream().filter(c -> !now.containsKey(c.name())).toList();
        List<ColumnChange> changed = new ArrayList<>();
        for (Column column : after.columns()) {
            Column was = old.get(column.name());
            if (was != null && (!was.type().equals(column.type()) || !Objects.equals(was.comment(), column.comment()))) {
                changed.add(new ColumnChange(column.name(), was.type(), column.type(), was.comment(), column.comment()));
            }
        }
        Map<String, PropertyChange> properties = new LinkedHashMap<>();
        Set<String> keys = new TreeSet<>(before.storage().keySet());
        keys.addAll(after.storage().keySet());
        for (String key : keys) {
            String was = before.storage().get(key);
            String is = after.storage().get(key);
            if (!Objects.equals(was, is)) {
                properties.put(key, new PropertyChange(was, is));
            }
        }
        return new HiveSync(table, origin.qualifiedName(), dataSource, origin.environment().spelling(), designVersion, null,
                false, added, dropped, changed, before.partitionKeys(), after.partitionKeys(), properties, problems);
    }

    /** The table is gone from the metastore: nothing else to compare. */
    static HiveSync dropped(HiveImport origin, String table, String dataSource, int designVersion, List<String> partitionKeys) {
        return new HiveSync(table, origin.qualifiedName(), dataSource, origin.environment().spelling(), designVersion, null,
                true, List.of(), List.of(), List.of(), partitionKeys, partitionKeys, Map.of(), List.of());
    }

    private static Map<String, Column> byName(List<Column> columns) {
        return columns.stream().collect(Collectors.toMap(Column::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }
}
