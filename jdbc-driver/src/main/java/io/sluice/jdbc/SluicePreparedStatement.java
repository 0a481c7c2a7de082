package io.sluice.jdbc;

import io.sluice.jdbc.PreparedSql.ParameterValue;
import io.sluice.templates.ParameterKind;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.List;

/**
 * A statement with {@code ?} parameters, each bound as a typed literal by the SQL-templates binder when it runs
 * (see {@link PreparedSql}). A batch runs its rows one statement each.
 */
final class SluicePreparedStatement extends SluiceStatement implements PreparedStatement {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    private final PreparedSql sql;
    private ParameterValue[] values;
    private final List<String> batch = new ArrayList<>();

    SluicePreparedStatement(SluiceConnection connection, String sql) throws SQLException {
        super(connection);
        this.sql = PreparedSql.parse(sql);
        this.values = new ParameterValue[this.sql.parameterCount()];
    }

    private void set(int index, ParameterValue value) throws SQLException {
        open();
        if (index < 1 || index > values.length) {
            throw new SQLException("Parameter " + index + " does not exist: the statement has " + values.length
                    + " (one per ?)", "07009");
        }
        values[index - 1] = value;
    }

    private String bound() throws SQLException {
        return sql.bind(Arrays.asList(values));
    }

    @Override
    public boolean execute() throws SQLException {
        return run(bound());
    }

    @Override
    public ResultSet executeQuery() throws SQLException {
        return query(bound());
    }

    @Override
    public int executeUpdate() throws SQLException {
        return update(bound());
    }

    @Override
    public boolean execute(String statement) throws SQLException {
        throw notWithText();
    }

    @Override
    public ResultSet executeQuery(String statement) throws SQLException {
        throw notWithText();
    }

    @Override
    public int executeUpdate(String statement) throws SQLException {
        throw notWithText();
    }

    private static SQLException notWithText() {
        return new SQLException("A prepared statement runs its own SQL: call execute(), executeQuery() or "
                + "executeUpdate() without text", "HY000");
    }

    @Override
    public void addBatch() throws SQLException {
        open();
        batch.add(bound());
    }

    @Override
    public void clearBatch() throws SQLException {
        open();
        batch.clear();
    }

    @Override
    public int[] executeBatch() throws SQLException {
        open();
        List<String> statements = new ArrayList<>(batch);
        batch.clear();
        return runBatch(statements);
    }

    @Override
    public void addBatch(String statement) throws SQLException {
        throw new SQLException("A prepared statement batches its own parameters: call addBatch()", "HY000");
    }

    @Override
    public void clearParameters() throws SQLException {
        open();
        values = new ParameterValue[values.length];
    }

    /** Known only after the statement runs: Flink plans it then. */
    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        open();
        ResultSet result = getResultSet();
        return result == null ? null : result.getMetaData();
    }

    @Override
    public ParameterMetaData getParameterMetaData() throws SQLException {
        open();
        return new SluiceParameterMetaData(values.clone());
    }

    @Override
    public void setNull(int index, int sqlType) throws SQLException {
        set(index, ParameterValue.literal("CAST(NULL AS " + SqlTypes.flinkName(sqlType) + ")", sqlType,
                SqlTypes.flinkName(sqlType)));
    }

    @Override
    public void setNull(int index, int sqlType, String typeName) throws SQLException {
        setNull(index, sqlType);
    }

    @Override
    public void setBoolean(int index, boolean value) throws SQLException {
        set(index, ParameterValue.of(ParameterKind.BOOLEAN, Boolean.toString(value), Types.BOOLEAN, "BOOLEAN"));
    }

    @Override
    public void setByte(int index, byte value) throws SQLException {
        setInteger(index, value, Types.TINYINT, "TINYINT");
    }

    @Override
    public void setShort(int index, short value) throws SQLException {
        setInteger(index, value, Types.SMALLINT, "SMALLINT");
    }

    @Override
    public void setInt(int index, int value) throws SQLException {
        setInteger(index, value, Types.INTEGER, "INT");
    }

    @Override
    public void setLong(int index, long value) throws SQLException {
        setInteger(index, value, Types.BIGINT, "BIGINT");
    }

    private void setInteger(int index, long value, int jdbcType, String typeName) throws SQLException {
        set(index, ParameterValue.of(ParameterKind.INTEGER, Long.toString(value), jdbcType, typeName));
    }

    /** As a DECIMAL literal of the value's shortest exact form (the binder takes at most 18 digits). */
    @Override
    public void setFloat(int index, float value) throws SQLException {
        setDecimal(index, new BigDecimal(Float.toString(value)), Types.DECIMAL);
    }

    @Override
    public void setDouble(int index, double value) throws SQLException {
        setDecimal(index, BigDecimal.valueOf(value), Types.DECIMAL);
    }

    @Override
    public void setBigDecimal(int index, BigDecimal value) throws SQLException {
        if (value == null) {
            setNull(index, Types.DECIMAL);
        } else {
            setDecimal(index, value, Types.DECIMAL);
        }
    }

    private void setDecimal(int index, BigDecimal value, int jdbcType) throws SQLException {
        if (Double.isNaN(value.doubleValue()) || Double.isInfinite(value.doubleValue())) {
            throw new SQLException("Parameter " + index + " is not a finite number", "22023");
        }
        set(index, ParameterValue.of(ParameterKind.DECIMAL, value.toPlainString(), jdbcType, "DECIMAL"));
    }

    @Override
    public void setString(int index, String value) throws SQLException {
        if (value == null) {
            setNull(index, Types.VARCHAR);
        } else {
            set(index, ParameterValue.of(ParameterKind.STRING, value, Types.VARCHAR, "STRING"));
        }
    }

    @Override
    public void setNString(int index, String value) throws SQLException {
        setString(index, value);
    }

    /** As {@code X'…'}: hex digits the driver writes from the bytes. */
    @Override
    public void setBytes(int index, byte[] value) throws SQLException {
        if (value == null) {
            setNull(index, Types.VARBINARY);
            return;
        }
        StringBuilder hex = new StringBuilder("X'");
        for (byte b : value) {
            hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
        }
        set(index, ParameterValue.literal(hex.append('\'').toString(), Types.VARBINARY, "BYTES"));
    }

    @Override
    public void setDate(int index, Date value) throws SQLException {
        if (value == null) {
            setNull(index, Types.DATE);
        } else {
            setLocalDate(index, value.toLocalDate());
        }
    }

    @Override
    public void setDate(int index, Date value, Calendar calendar) throws SQLException {
        if (value == null || calendar == null) {
            setDate(index, value);
        } else {
            setLocalDate(index, value.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDate());
        }
    }

    private void setLocalDate(int index, LocalDate date) throws SQLException {
        set(index, ParameterValue.of(ParameterKind.DATE, date.toString(), Types.DATE, "DATE"));
    }

    /** The binder has no TIME kind: the time's ISO text as a string literal in a CAST to TIME(3). */
    @Override
    public void setTime(int index, Time value) throws SQLException {
        if (value == null) {
            setNull(index, Types.TIME);
        } else {
            setLocalTime(index, value.toLocalTime());
        }
    }

    @Override
    public void setTime(int index, Time value, Calendar calendar) throws SQLException {
        if (value == null || calendar == null) {
            setTime(index, value);
        } else {
            setLocalTime(index, java.time.Instant.ofEpochMilli(value.getTime())
                    .atZone(calendar.getTimeZone().toZoneId()).toLocalTime());
        }
    }

    private void setLocalTime(int index, LocalTime time) throws SQLException {
        set(index, ParameterValue.cast(ParameterKind.STRING, time.format(DateTimeFormatter.ofPattern("HH:mm:ss.SSS")),
                "CAST(%s AS TIME(3))", Types.TIME, "TIME(3)"));
    }

    @Override
    public void setTimestamp(int index, Timestamp value) throws SQLException {
        if (value == null) {
            setNull(index, Types.TIMESTAMP);
        } else {
            setLocalDateTime(index, value.toLocalDateTime());
        }
    }

    @Override
    public void setTimestamp(int index, Timestamp value, Calendar calendar) throws SQLException {
        if (value == null || calendar == null) {
            setTimestamp(index, value);
        } else {
            setLocalDateTime(index, value.toInstant().atZone(calendar.getTimeZone().toZoneId()).toLocalDateTime());
        }
    }

    /** At most milliseconds: finer fractions are refused rather than cut. */
    private void setLocalDateTime(int index, LocalDateTime value) throws SQLException {
        if (value.getNano() % 1_000_000 != 0) {
            throw new SQLException("Parameter " + index + " has a fraction finer than milliseconds; Flink literals "
                    + "take at most milliseconds here", "22023");
        }
        set(index, ParameterValue.of(ParameterKind.TIMESTAMP, value.format(TIMESTAMP), Types.TIMESTAMP,
                "TIMESTAMP(3)"));
    }

    @Override
    public void setObject(int index, Object value) throws SQLException {
        if (value == null) {
            setNull(index, Types.NULL);
        } else if (value instanceof String) {
            setString(index, (String) value);
        } else if (value instanceof Boolean) {
            setBoolean(index, (Boolean) value);
        } else if (value instanceof Byte) {
            setByte(index, (Byte) value);
        } else if (value instanceof Short) {
            setShort(index, (Short) value);
        } else if (value instanceof Integer) {
            setInt(index, (Integer) value);
        } else if (value instanceof Long) {
            setLong(index, (Long) value);
        } else if (value instanceof Float) {
            setFloat(index, (Float) value);
        } else if (value instanceof Double) {
            setDouble(index, (Double) value);
        } else if (value instanceof BigDecimal) {
            setBigDecimal(index, (BigDecimal) value);
        } else if (value instanceof java.math.BigInteger) {
            setBigDecimal(index, new BigDecimal((java.math.BigInteger) value));
        } else if (value instanceof byte[]) {
            setBytes(index, (byte[]) value);
        } else if (value instanceof Date) {
            setDate(index, (Date) value);
        } else if (value instanceof Time) {
            setTime(index, (Time) value);
        } else if (value instanceof Timestamp) {
            setTimestamp(index, (Timestamp) value);
        } else if (value instanceof LocalDate) {
            setLocalDate(index, (LocalDate) value);
        } else if (value instanceof LocalTime) {
            setLocalTime(index, (LocalTime) value);
        } else if (value instanceof LocalDateTime) {
            setLocalDateTime(index, (LocalDateTime) value);
        } else {
            throw new SQLFeatureNotSupportedException("Parameter " + index + ": values of class "
                    + value.getClass().getSimpleName() + " are not supported", "0A000");
        }
    }

    /** The value as set; the target type matters only for a null, which becomes a NULL of that type. */
    @Override
    public void setObject(int index, Object value, int targetSqlType) throws SQLException {
        if (value == null) {
            setNull(index, targetSqlType);
        } else {
            setObject(index, value);
        }
    }

    @Override
    public void setObject(int index, Object value, int targetSqlType, int scaleOrLength) throws SQLException {
        setObject(index, value, targetSqlType);
    }

    private static SQLFeatureNotSupportedException unsupported(String what) {
        return new SQLFeatureNotSupportedException(what + " parameters are not supported: bind text, numbers, "
                + "booleans, dates, times, timestamps or bytes", "0A000");
    }

    @Override
    public void setAsciiStream(int index, InputStream value, int length) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setAsciiStream(int index, InputStream value, long length) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setAsciiStream(int index, InputStream value) throws SQLException {
        throw unsupported("Stream");
    }

    @Deprecated
    @Override
    public void setUnicodeStream(int index, InputStream value, int length) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setBinaryStream(int index, InputStream value, int length) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setBinaryStream(int index, InputStream value, long length) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setBinaryStream(int index, InputStream value) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setCharacterStream(int index, Reader reader, int length) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setCharacterStream(int index, Reader reader, long length) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setCharacterStream(int index, Reader reader) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setNCharacterStream(int index, Reader value, long length) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setNCharacterStream(int index, Reader value) throws SQLException {
        throw unsupported("Stream");
    }

    @Override
    public void setRef(int index, Ref value) throws SQLException {
        throw unsupported("Ref");
    }

    @Override
    public void setBlob(int index, Blob value) throws SQLException {
        throw unsupported("LOB");
    }

    @Override
    public void setBlob(int index, InputStream inputStream, long length) throws SQLException {
        throw unsupported("LOB");
    }

    @Override
    public void setBlob(int index, InputStream inputStream) throws SQLException {
        throw unsupported("LOB");
    }

    @Override
    public void setClob(int index, Clob value) throws SQLException {
        throw unsupported("LOB");
    }

    @Override
    public void setClob(int index, Reader reader, long length) throws SQLException {
        throw unsupported("LOB");
    }

    @Override
    public void setClob(int index, Reader reader) throws SQLException {
        throw unsupported("LOB");
    }

    @Override
    public void setNClob(int index, NClob value) throws SQLException {
        throw unsupported("LOB");
    }

    @Override
    public void setNClob(int index, Reader reader, long length) throws SQLException {
        throw unsupported("LOB");
    }

    @Override
    public void setNClob(int index, Reader reader) throws SQLException {
        throw unsupported("LOB");
    }

    @Override
    public void setArray(int index, Array value) throws SQLException {
        throw unsupported("Array");
    }

    @Override
    public void setURL(int index, URL value) throws SQLException {
        throw unsupported("URL");
    }

    @Override
    public void setRowId(int index, RowId value) throws SQLException {
        throw unsupported("RowId");
    }

    @Override
    public void setSQLXML(int index, SQLXML value) throws SQLException {
        throw unsupported("SQLXML");
    }
}
