package io.sluice.jdbc;

import io.sluice.jdbc.PreparedSql.ParameterValue;

import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * The parameters of a prepared statement: their count, and the type of each as far as it is set (Flink does not
 * infer the types of {@code ?} before the statement runs); an unset one is {@link Types#OTHER}.
 */
final class SluiceParameterMetaData extends WrapperBase implements ParameterMetaData {

    private final ParameterValue[] values;

    SluiceParameterMetaData(ParameterValue[] values) {
        super("metadata");
        this.values = values;
    }

    private ParameterValue value(int param) throws SQLException {
        if (param < 1 || param > values.length) {
            throw new SQLException("Parameter " + param + " does not exist: the statement has " + values.length,
                    "07009");
        }
        return values[param - 1];
    }

    @Override
    public int getParameterCount() {
        return values.length;
    }

    @Override
    public int isNullable(int param) throws SQLException {
        value(param);
        return parameterNullable;
    }

    @Override
    public boolean isSigned(int param) throws SQLException {
        ParameterValue value = value(param);
        if (value == null) {
            return false;
        }
        switch (value.jdbcType) {
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
            case Types.DECIMAL:
                return true;
            default:
                return false;
        }
    }

    @Override
    public int getPrecision(int param) throws SQLException {
        value(param);
        return 0;
    }

    @Override
    public int getScale(int param) throws SQLException {
        value(param);
        return 0;
    }

    @Override
    public int getParameterType(int param) throws SQLException {
        ParameterValue value = value(param);
        return value == null ? Types.OTHER : value.jdbcType;
    }

    @Override
    public String getParameterTypeName(int param) throws SQLException {
        ParameterValue value = value(param);
        return value == null ? null : value.typeName;
    }

    @Override
    public String getParameterClassName(int param) throws SQLException {
        ParameterValue value = value(param);
        return value == null ? Object.class.getName() : className(value.jdbcType);
    }

    private static String className(int jdbcType) {
        switch (jdbcType) {
            case Types.BOOLEAN:
                return Boolean.class.getName();
            case Types.TINYINT:
            case Types.SMALLINT:
            case Types.INTEGER:
            case Types.BIGINT:
                return Long.class.getName();
            case Types.DECIMAL:
                return java.math.BigDecimal.class.getName();
            case Types.VARCHAR:
                return String.class.getName();
            case Types.DATE:
                return java.sql.Date.class.getName();
            case Types.TIME:
                return java.sql.Time.class.getName();
            case Types.TIMESTAMP:
                return java.sql.Timestamp.class.getName();
            case Types.VARBINARY:
                return byte[].class.getName();
            default:
                return Object.class.getName();
        }
    }

    @Override
    public int getParameterMode(int param) throws SQLException {
        value(param);
        return parameterModeIn;
    }

}
