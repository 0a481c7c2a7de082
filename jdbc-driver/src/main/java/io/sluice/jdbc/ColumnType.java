package io.sluice.jdbc;

import java.sql.Types;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Flink logical type as JDBC describes a column: the JDBC type, the SQL type name, precision, scale and
 * nullability. Read from the result's JSON type ({@code {"type": "DECIMAL", "precision": 10, …}}) or from the type
 * string {@code DESCRIBE} shows ({@code DECIMAL(10, 2) NOT NULL}).
 */
final class ColumnType {

    /** Flink's type roots by the names both forms use, with the JDBC type each maps to. */
    enum Root {
        CHAR(Types.CHAR, "CHAR"),
        VARCHAR(Types.VARCHAR, "VARCHAR"),
        BOOLEAN(Types.BOOLEAN, "BOOLEAN"),
        BINARY(Types.BINARY, "BINARY"),
        VARBINARY(Types.VARBINARY, "VARBINARY"),
        DECIMAL(Types.DECIMAL, "DECIMAL"),
        TINYINT(Types.TINYINT, "TINYINT"),
        SMALLINT(Types.SMALLINT, "SMALLINT"),
        INTEGER(Types.INTEGER, "INT"),
        BIGINT(Types.BIGINT, "BIGINT"),
        FLOAT(Types.REAL, "FLOAT"),
        DOUBLE(Types.DOUBLE, "DOUBLE"),
        DATE(Types.DATE, "DATE"),
        TIME_WITHOUT_TIME_ZONE(Types.TIME, "TIME"),
        TIMESTAMP_WITHOUT_TIME_ZONE(Types.TIMESTAMP, "TIMESTAMP"),
        TIMESTAMP_WITH_LOCAL_TIME_ZONE(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP_LTZ"),
        TIMESTAMP_WITH_TIME_ZONE(Types.TIMESTAMP_WITH_TIMEZONE, "TIMESTAMP WITH TIME ZONE"),
        INTERVAL_YEAR_MONTH(Types.OTHER, "INTERVAL YEAR TO MONTH"),
        INTERVAL_DAY_TIME(Types.OTHER, "INTERVAL DAY TO SECOND"),
        ARRAY(Types.ARRAY, "ARRAY"),
        MULTISET(Types.JAVA_OBJECT, "MULTISET"),
        MAP(Types.JAVA_OBJECT, "MAP"),
        ROW(Types.STRUCT, "ROW"),
        NULL(Types.NULL, "NULL"),
        RAW(Types.OTHER, "RAW");

        final int jdbcType;
        final String sqlName;

        Root(int jdbcType, String sqlName) {
            this.jdbcType = jdbcType;
            this.sqlName = sqlName;
        }
    }

    /** The column size of a type without a length or precision of its own. */
    private static final Map<Root, Integer> FIXED_SIZES = Map.of(
            Root.BOOLEAN, 1, Root.TINYINT, 3, Root.SMALLINT, 5, Root.INTEGER, 10, Root.BIGINT, 19,
            Root.FLOAT, 7, Root.DOUBLE, 15, Root.DATE, 10);

    private static final Pattern TYPE_STRING = Pattern.compile(
            "\\s*([A-Z_]+(?: PRECISION)?)\\s*(?:\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\))?\\s*(.*)", Pattern.DOTALL);

    final Root root;
    final String typeName;
    /** length for character and binary types, digits for numbers, fractional digits for times (0 when none) */
    final int precision;
    final int scale;
    final boolean nullable;

    private ColumnType(Root root, String typeName, int precision, int scale, boolean nullable) {
        this.root = root;
        this.typeName = typeName;
        this.precision = precision;
        this.scale = scale;
        this.nullable = nullable;
    }

    static ColumnType of(Root root, boolean nullable) {
        return new ColumnType(root, root.sqlName, defaultPrecision(root), 0, nullable);
    }

    /** From the gateway's JSON form of a logical type; an unknown root is {@code RAW} (read as text). */
    static ColumnType fromJson(Object json) {
        if (!(json instanceof Map)) {
            return of(Root.RAW, true);
        }
        Map<?, ?> type = (Map<?, ?>) json;
        Root root = root(String.valueOf(type.get("type")));
        boolean nullable = !Boolean.FALSE.equals(type.get("nullable"));
        int precision = number(type.get(type.containsKey("length") ? "length" : "precision"), defaultPrecision(root));
        int scale = number(type.get("scale"), 0);
        return new ColumnType(root, name(root, precision, scale), precision, scale, nullable);
    }

    /** From a type as DESCRIBE shows it: {@code INT NOT NULL}, {@code VARCHAR(20)}, {@code TIMESTAMP(3) *ROWTIME*}. */
    static ColumnType fromTypeString(String text) {
        String upper = text.toUpperCase(Locale.ROOT).strip();
        boolean nullable = !upper.contains("NOT NULL");
        if (upper.startsWith("ARRAY") || upper.startsWith("MAP") || upper.startsWith("MULTISET")
                || upper.startsWith("ROW")) {
            Root root = upper.startsWith("ARRAY") ? Root.ARRAY
                    : upper.startsWith("MAP") ? Root.MAP : upper.startsWith("MULTISET") ? Root.MULTISET : Root.ROW;
            return new ColumnType(root, text.replaceAll("\\s+NOT NULL\\s*$", "").strip(), 0, 0, nullable);
        }
        if (upper.startsWith("INTERVAL")) {
            Root root = upper.contains("YEAR") || upper.contains("MONTH") ? Root.INTERVAL_YEAR_MONTH
                    : Root.INTERVAL_DAY_TIME;
            return new ColumnType(root, root.sqlName, 0, 0, nullable);
        }
        Matcher m = TYPE_STRING.matcher(upper);
        if (!m.matches()) {
            return of(Root.RAW, nullable);
        }
        String rest = m.group(4);
        String word = m.group(1).strip();
        if (rest.startsWith("WITH LOCAL TIME ZONE")) {
            word = "TIMESTAMP_LTZ";
        } else if (rest.startsWith("WITH TIME ZONE")) {
            word = "TIMESTAMP WITH TIME ZONE";
        }
        Root root = root(word);
        boolean unbounded = word.equals("STRING") || word.equals("BYTES");
        int precision = m.group(2) != null ? Integer.parseInt(m.group(2))
                : unbounded ? Integer.MAX_VALUE : defaultPrecision(root);
        int scale = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
        return new ColumnType(root, name(root, precision, scale), precision, scale, nullable);
    }

    private static Root root(String name) {
        switch (name) {
            case "INT":
                return Root.INTEGER;
            case "STRING":
                return Root.VARCHAR;
            case "BYTES":
                return Root.VARBINARY;
            case "DEC":
            case "NUMERIC":
                return Root.DECIMAL;
            case "TIME":
                return Root.TIME_WITHOUT_TIME_ZONE;
            case "TIMESTAMP":
                return Root.TIMESTAMP_WITHOUT_TIME_ZONE;
            case "TIMESTAMP_LTZ":
                return Root.TIMESTAMP_WITH_LOCAL_TIME_ZONE;
            case "TIMESTAMP WITH TIME ZONE":
                return Root.TIMESTAMP_WITH_TIME_ZONE;
            case "DOUBLE PRECISION":
                return Root.DOUBLE;
            default:
                for (Root root : Root.values()) {
                    if (root.name().equals(name)) {
                        return root;
                    }
                }
                return Root.RAW;
        }
    }

    private static int defaultPrecision(Root root) {
        switch (root) {
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return 6;
            case DECIMAL:
                return 10;
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return 1;
            default:
                return FIXED_SIZES.getOrDefault(root, 0);
        }
    }

    private static String name(Root root, int precision, int scale) {
        switch (root) {
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
            case TIME_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return root.sqlName + "(" + precision + ")";
            case DECIMAL:
                return root.sqlName + "(" + precision + ", " + scale + ")";
            default:
                return root.sqlName;
        }
    }

    private static int number(Object value, int otherwise) {
        return value instanceof Number ? ((Number) value).intValue() : otherwise;
    }

    int jdbcType() {
        return root.jdbcType;
    }

    /** JDBC's COLUMN_SIZE / getPrecision: characters for text and times, digits for numbers. */
    int columnSize() {
        switch (root) {
            case DECIMAL:
            case CHAR:
            case VARCHAR:
            case BINARY:
            case VARBINARY:
                return precision;
            case TIME_WITHOUT_TIME_ZONE:
                return 8 + (precision > 0 ? precision + 1 : 0);
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return 19 + (precision > 0 ? precision + 1 : 0);
            default:
                return FIXED_SIZES.getOrDefault(root, 0);
        }
    }

    /** JDBC's DECIMAL_DIGITS / getScale: the scale of decimals, the fractional digits of times. */
    int decimalDigits() {
        switch (root) {
            case DECIMAL:
                return scale;
            case TIME_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITHOUT_TIME_ZONE:
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return precision;
            default:
                return 0;
        }
    }

    boolean numeric() {
        switch (root) {
            case TINYINT:
            case SMALLINT:
            case INTEGER:
            case BIGINT:
            case FLOAT:
            case DOUBLE:
            case DECIMAL:
                return true;
            default:
                return false;
        }
    }

    /** The Java class getObject returns for this type. */
    String javaClassName() {
        switch (root) {
            case CHAR:
            case VARCHAR:
                return String.class.getName();
            case BOOLEAN:
                return Boolean.class.getName();
            case BINARY:
            case VARBINARY:
                return byte[].class.getName();
            case DECIMAL:
                return java.math.BigDecimal.class.getName();
            case TINYINT:
                return Byte.class.getName();
            case SMALLINT:
                return Short.class.getName();
            case INTEGER:
                return Integer.class.getName();
            case BIGINT:
                return Long.class.getName();
            case FLOAT:
                return Float.class.getName();
            case DOUBLE:
                return Double.class.getName();
            case DATE:
                return java.sql.Date.class.getName();
            case TIME_WITHOUT_TIME_ZONE:
                return java.sql.Time.class.getName();
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return java.sql.Timestamp.class.getName();
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
            case TIMESTAMP_WITH_TIME_ZONE:
                return java.time.OffsetDateTime.class.getName();
            case ARRAY:
                return java.util.List.class.getName();
            case MULTISET:
            case MAP:
            case ROW:
                return java.util.Map.class.getName();
            default:
                return Object.class.getName();
        }
    }
}
