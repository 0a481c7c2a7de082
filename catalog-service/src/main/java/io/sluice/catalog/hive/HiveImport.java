package io.sluice.catalog.hive;

import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;

/** Where an imported table came from: a Hive table of one metastore (a hive source in one environment). */
record HiveImport(
        long tableId,
        long dataSourceId,
        Environment environment,
        String database,
        String table,
        String importedBy,
        OffsetDateTime importedAt,
        OffsetDateTime syncedAt) {

    String qualifiedName() {
        return database + "." + table;
    }
}
