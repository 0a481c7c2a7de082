package io.sluice.catalog.table;

import java.util.Map;
import java.util.Optional;

/**
 * Tables whose schema another system owns: a table imported from a Hive Metastore follows the metastore (it changes
 * by re-sync, not by a designer's edit, and lives in the source it came from). Implemented by the hive package.
 */
public interface ImportedSchemas {

    /** The id of the data source a table was imported from; empty for a designed table. */
    Optional<Long> sourceOf(long tableId);

    /** What the source said of the table at a schema version, as the API shows it; empty for a designed table. */
    Map<String, String> properties(long tableId, int version);
}
