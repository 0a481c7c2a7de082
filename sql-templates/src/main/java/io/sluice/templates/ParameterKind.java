package io.sluice.templates;

/** What a template parameter or a variable holds; the binder renders each kind as Flink's own syntax for it. */
public enum ParameterKind {
    /** a table, resolved against the session's catalogs; rendered as a fully qualified, quoted identifier */
    TABLE,
    /** a column of a table (the parameter's {@link ParameterType#table()}); rendered as a quoted identifier */
    COLUMN,
    STRING,
    /** a whole number in the range of Java's {@code long} */
    INTEGER,
    DECIMAL,
    BOOLEAN,
    /** ISO date, {@code 2026-12-02} */
    DATE,
    /** {@code 2026-12-02 10:15:30[.fff]} or ISO {@code 2026-12-02T10:15:30} */
    TIMESTAMP,
    /** a duration: ISO-8601 ({@code PT5M}) or Flink's own form ({@code 5 min}, {@code 10 s}, {@code 500 ms}) */
    INTERVAL,
    /** one of the parameter's {@link ParameterType#enumValues()}; rendered as a string literal */
    ENUM
}
