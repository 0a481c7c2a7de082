package io.sluice.jdbc;

import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Types;

/** JDBC's type codes as Flink SQL types, for a NULL parameter of a given type. */
final class SqlTypes {

    private SqlTypes() {}

    static String flinkName(int jdbcType) throws SQLException {
        switch (jdbcType) {
            case Types.NULL:
            case Types.CHAR:
            case Types.NCHAR:
            case Types.VARCHAR:
            case Types.NVARCHAR:
            case Types.LONGVARCHAR:
            case Types.LONGNVARCHAR:
                return "STRING";
            case Types.BOOLEAN:
            case Types.BIT:
                return "BOOLEAN";
            case Types.TINYINT:
                return "TINYINT";
            case Types.SMALLINT:
                return "SMALLINT";
            case Types.INTEGER:
                return "INT";
            case Types.BIGINT:
                return "BIGINT";
            case Types.REAL:
            case Types.FLOAT:
                return "FLOAT";
            case Types.DOUBLE:
                return "DOUBLE";
            case Types.DECIMAL:
            case Types.NUMERIC:
                return "DECIMAL(38, 18)";
            case Types.DATE:
                return "DATE";
            case Types.TIME:
                return "TIME(3)";
            case Types.TIMESTAMP:
                return "TIMESTAMP(3)";
            case Types.TIMESTAMP_WITH_TIMEZONE:
                return "TIMESTAMP_LTZ(3)";
            case Types.BINARY:
            case Types.VARBINARY:
            case Types.LONGVARBINARY:
                return "BYTES";
            default:
                throw new SQLFeatureNotSupportedException("A NULL of JDBC type " + jdbcType + " is not supported: "
                        + "use a type of java.sql.Types for text, numbers, booleans, dates, times or bytes", "0A000");
        }
    }
}
