package io.sluice.catalog.hive;

import io.sluice.catalog.table.ImportedSchemas;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Tells the table package which tables follow a Hive Metastore, and what the metastore said of them. */
@Component
class HiveImportedSchemas implements ImportedSchemas {

    private final HiveImportRepository imports;

    HiveImportedSchemas(HiveImportRepository imports) {
        this.imports = imports;
    }

    @Override
    public Optional<Long> sourceOf(long tableId) {
        return imports.sourceOf(tableId);
    }

    @Override
    public Map<String, String> properties(long tableId, int version) {
        return imports.metadata(tableId, version);
    }
}
