package io.sluice.udf;

import java.util.Locale;

/** The kinds of function a tenant may provide, each with the Flink base class its implementation must extend. */
public enum FunctionKind {
    SCALAR("org.apache.flink.table.functions.ScalarFunction"),
    TABLE("org.apache.flink.table.functions.TableFunction"),
    AGGREGATE("org.apache.flink.table.functions.AggregateFunction"),
    TABLE_AGGREGATE("org.apache.flink.table.functions.TableAggregateFunction");

    private final String baseClass;

    FunctionKind(String baseClass) {
        this.baseClass = baseClass;
    }

    /** The Flink class a function of this kind extends, by name: the registry itself never loads Flink. */
    public String baseClass() {
        return baseClass;
    }

    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Reads a user's spelling ({@code scalar}, {@code table}, {@code aggregate}, {@code table_aggregate}). */
    public static FunctionKind parse(String function, String value) {
        for (FunctionKind kind : values()) {
            if (kind.spelling().equals(value)) {
                return kind;
            }
        }
        throw new ArtifactRefused(function, "kind '" + value + "' is none of scalar, table, aggregate, table_aggregate");
    }
}
