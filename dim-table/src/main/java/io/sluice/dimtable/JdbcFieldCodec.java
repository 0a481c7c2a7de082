package io.sluice.dimtable;

import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.data.DecimalData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.data.TimestampData;
import org.apache.flink.table.types.logical.DecimalType;
import org.apache.flink.table.types.logical.LogicalType;

import java.io.Serializable;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/** Converts one column between JDBC values and Flink's internal data structures. */
final class JdbcFieldCodec implements Serializable {

    private static final long serialVersionUID = 1L;

    @FunctionalInterface
    private interface Reader extends Serializable {
        Object read(ResultSet resultSet, int position) throws SQLException;
    }

    @FunctionalInterface
    private interface Writer extends Serializable {
        void write(PreparedStatement statement, int position, Object value) throws SQLException;
    }

    private final Reader reader;
    private final Writer writer;

    private JdbcFieldCodec(Reader reader, Writer writer) {
        this.reader = reader;
        this.writer = writer;
    }

    static JdbcFieldCodec of(String column, LogicalType type) {
        switch (type.getTypeRoot()) {
            case CHAR:
            case VARCHAR:
                return new JdbcFieldCodec(
                        (rs, i) -> {
                            String value = rs.getString(i);
                            return value == null ? null : StringData.fromString(value);
                        },
                        (ps, i, v) -> ps.setString(i, v.toString()));
            case BOOLEAN:
                return new JdbcFieldCodec(nullable(ResultSet::getBoolean), (ps, i, v) -> ps.setBoolean(i, (Boolean) v));
            case TINYINT:
                return new JdbcFieldCodec(nullable(ResultSet::getByte), (ps, i, v) -> ps.setByte(i, (Byte) v));
            case SMALLINT:
                return new JdbcFieldCodec(nullable(ResultSet::getShort), (ps, i, v) -> ps.setShort(i, (Short) v));
            case INTEGER:
                return new JdbcFieldCodec(nullable(ResultSet::getInt), (ps, i, v) -> ps.setInt(i, (Integer) v));
            case BIGINT:
                return new JdbcFieldCodec(nullable(ResultSet::getLong), (ps, i, v) -> ps.setLong(i, (Long) v));
            case FLOAT:
                return new JdbcFieldCodec(nullable(ResultSet::getFloat), (ps, i, v) -> ps.setFloat(i, (Float) v));
            case DOUBLE:
                return new JdbcFieldCodec(nullable(ResultSet::getDouble), (ps, i, v) -> ps.setDouble(i, (Double) v));
            case DECIMAL:
                DecimalType decimal = (DecimalType) type;
                int precision = decimal.getPrecision();
                int scale = decimal.getScale();
                return new JdbcFieldCodec(
                        (rs, i) -> {
                            BigDecimal value = rs.getBigDecimal(i);
                            return value == null ? null : DecimalData.fromBigDecimal(value, precision, scale);
                        },
                        (ps, i, v) -> ps.setBigDecimal(i, ((DecimalData) v).toBigDecimal()));
            case DATE:
                return new JdbcFieldCodec(
                        (rs, i) -> {
                            LocalDate value = rs.getObject(i, LocalDate.class);
                            return value == null ? null : (int) value.toEpochDay();
                        },
                        (ps, i, v) -> ps.setObject(i, LocalDate.ofEpochDay((Integer) v)));
            case TIME_WITHOUT_TIME_ZONE:
                return new JdbcFieldCodec(
                        (rs, i) -> {
                            LocalTime value = rs.getObject(i, LocalTime.class);
                            return value == null ? null : (int) (value.toNanoOfDay() / 1_000_000);
                        },
                        (ps, i, v) -> ps.setObject(i, LocalTime.ofNanoOfDay((Integer) v * 1_000_000L)));
            case TIMESTAMP_WITHOUT_TIME_ZONE:
                return new JdbcFieldCodec(
                        (rs, i) -> {
                            LocalDateTime value = rs.getObject(i, LocalDateTime.class);
                            return value == null ? null : TimestampData.fromLocalDateTime(value);
                        },
                        (ps, i, v) -> ps.setObject(i, ((TimestampData) v).toLocalDateTime()));
            case TIMESTAMP_WITH_LOCAL_TIME_ZONE:
                return new JdbcFieldCodec(
                        (rs, i) -> {
                            Timestamp value = rs.getTimestamp(i);
                            return value == null ? null : TimestampData.fromInstant(value.toInstant());
                        },
                        (ps, i, v) -> ps.setTimestamp(i, Timestamp.from(((TimestampData) v).toInstant())));
            case BINARY:
            case VARBINARY:
                return new JdbcFieldCodec((rs, i) -> rs.getBytes(i), (ps, i, v) -> ps.setBytes(i, (byte[]) v));
            default:
                throw new ValidationException(
                        String.format(
                                "Column '%s' has type %s, which the dim connector cannot read over JDBC. "
                                        + "Use a string, number, boolean, decimal, date, time, timestamp or bytes column.",
                                column, type));
        }
    }

    /** Primitive getters return 0/false for SQL NULL; wasNull tells the difference. */
    private static Reader nullable(Reader getter) {
        return (rs, i) -> {
            Object value = getter.read(rs, i);
            return rs.wasNull() ? null : value;
        };
    }

    Object read(ResultSet resultSet, int position) throws SQLException {
        return reader.read(resultSet, position);
    }

    void write(PreparedStatement statement, int position, Object value) throws SQLException {
        writer.write(statement, position, value);
    }
}
