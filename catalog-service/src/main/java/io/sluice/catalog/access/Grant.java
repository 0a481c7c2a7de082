package io.sluice.catalog.access;

import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A whitelist entry: {@code grantee} may {@code privilege} the table in {@code environment}; for a
 * column grant, only select on {@code columns} (null means the whole table).
 */
public record Grant(
        long id,
        String table,
        Environment environment,
        GranteeType granteeType,
        String grantee,
        Privilege privilege,
        List<String> columns,
        Long applicationId,
        String grantedBy,
        OffsetDateTime grantedAt) {

    public boolean wholeTable() {
        return columns == null;
    }
}
