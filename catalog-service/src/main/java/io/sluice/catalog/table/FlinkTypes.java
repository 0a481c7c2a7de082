package io.sluice.catalog.table;

import io.sluice.catalog.common.CatalogException;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.LogicalTypeRoot;
import org.apache.flink.table.types.logical.UnresolvedUserDefinedType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;
import org.apache.flink.table.types.logical.utils.LogicalTypeParser;

/** Decides whether a column type is Flink SQL, with Flink's own parser, so the catalog never holds a type Flink rejects. */
final class FlinkTypes {

    private FlinkTypes() {}

    /** The type in Flink's canonical spelling, or a refusal naming the field and Flink's reason. */
    static String canonical(String field, String type) {
        if (type == null || type.isBlank()) {
            throw CatalogException.invalid(field, field + " is required: a Flink SQL type such as BIGINT, STRING or DECIMAL(10, 2)");
        }
        LogicalType parsed;
        try {
            parsed = LogicalTypeParser.parse(type, FlinkTypes.class.getClassLoader());
        } catch (ValidationException e) {
            throw CatalogException.invalid(field, "'" + type + "' is not a Flink SQL type: " + e.getMessage());
        }
        if (containsUnresolved(parsed)) {
            throw CatalogException.invalid(
                    field, "'" + type + "' is not a Flink SQL type (unknown type name); use e.g. INT, BIGINT, STRING, "
                            + "BOOLEAN, DOUBLE, DECIMAL(p, s), DATE, TIMESTAMP(3), ARRAY<T>, MAP<K, V>, ROW<...>");
        }
        return parsed.asSummaryString();
    }

    /**
     * The NOT NULL form of a (canonical) type, in the same spelling: what a primary-key column becomes, as Flink's
     * DDL makes key columns NOT NULL and refuses a table whose key column is nullable.
     */
    static String notNull(String type) {
        return LogicalTypeParser.parse(type, FlinkTypes.class.getClassLoader()).copy(false).asSummaryString();
    }

    /** Whether a column of this (canonical) type can carry event time: TIMESTAMP or TIMESTAMP_LTZ, precision 0 to 3. */
    static boolean isEventTime(String type) {
        LogicalType parsed = LogicalTypeParser.parse(type, FlinkTypes.class.getClassLoader());
        return (parsed.is(LogicalTypeRoot.TIMESTAMP_WITHOUT_TIME_ZONE) || parsed.is(LogicalTypeRoot.TIMESTAMP_WITH_LOCAL_TIME_ZONE))
                && LogicalTypeChecks.getPrecision(parsed) <= 3;
    }

    private static boolean containsUnresolved(LogicalType type) {
        return type instanceof UnresolvedUserDefinedType
                || type.getChildren().stream().anyMatch(FlinkTypes::containsUnresolved);
    }
}
