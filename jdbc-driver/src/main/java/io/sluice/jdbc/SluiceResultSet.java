package io.sluice.jdbc;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/** A result read forward once: the gateway's rows (or the driver's own, for metadata) with typed getters. */
final class SluiceResultSet extends ForwardOnlyResultSet {

    private final Statement statement;
    private final List<Column> columns;
    private final Rows rows;
    private List<Object> row;
    private int rowNumber;
    private boolean afterLast;
    private boolean lastWasNull;

    SluiceResultSet(Statement statement, List<Column> columns, Rows rows) {
        super("result set", "24000");
        this.statement = statement;
        this.columns = List.copyOf(columns);
        this.rows = rows;
    }

    List<Column> columns() {
        return columns;
    }

    @Override
    public boolean next() throws SQLException {
        open();
        if (afterLast) {
            return false;
        }
        row = rows.next();
        if (row == null) {
            afterLast = true;
            rows.close();
            return false;
        }
        rowNumber++;
        return true;
    }

    @Override
    public void close() throws SQLException {
        if (markClosed()) {
            rows.close();
        }
    }

    /** The field of the current row, remembering whether it was null for {@link #wasNull}. */
    private Object raw(int columnIndex) throws SQLException {
        open();
        if (row == null) {
            throw new SQLException("There is no current row: call next() first (and read only while it returns true)",
                    "24000");
        }
        checked(columnIndex);
        Object value = columnIndex <= row.size() ? row.get(columnIndex - 1) : null;
        lastWasNull = value == null;
        return value;
    }

    private ColumnType type(int columnIndex) {
        return columns.get(columnIndex - 1).type;
    }

    @Override
    public boolean wasNull() throws SQLException {
        open();
        return lastWasNull;
    }

    @Override
    public String getString(int columnIndex) throws SQLException {
        return Values.string(type(checked(columnIndex)), raw(columnIndex));
    }

    private int checked(int columnIndex) throws SQLException {
        if (columnIndex < 1 || columnIndex > columns.size()) {
            throw new SQLException("Column " + columnIndex + " does not exist: this result has " + columns.size()
                    + " columns", "07009");
        }
        return columnIndex;
    }

    @Override
    public String getNString(int columnIndex) throws SQLException {
        return getString(columnIndex);
    }

    @Override
    public boolean getBoolean(int columnIndex) throws SQLException {
        Object value = raw(columnIndex);
        return value != null && Values.bool(value);
    }

    @Override
    public byte getByte(int columnIndex) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? 0 : (byte) Values.integral(value, Byte.MIN_VALUE, Byte.MAX_VALUE, "byte");
    }

    @Override
    public short getShort(int columnIndex) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? 0 : (short) Values.integral(value, Short.MIN_VALUE, Short.MAX_VALUE, "short");
    }

    @Override
    public int getInt(int columnIndex) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? 0 : (int) Values.integral(value, Integer.MIN_VALUE, Integer.MAX_VALUE, "int");
    }

    @Override
    public long getLong(int columnIndex) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? 0 : Values.integral(value, Long.MIN_VALUE, Long.MAX_VALUE, "long");
    }

    @Override
    public float getFloat(int columnIndex) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? 0 : (float) Values.floating(value);
    }

    @Override
    public double getDouble(int columnIndex) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? 0 : Values.floating(value);
    }

    @Override
    public BigDecimal getBigDecimal(int columnIndex) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? null : Values.decimal(type(columnIndex), value);
    }

    /** @deprecated as in {@link java.sql.ResultSet}; rounds half up to the scale asked for */
    @Override
    @Deprecated
    public BigDecimal getBigDecimal(int columnIndex, int scale) throws SQLException {
        BigDecimal value = getBigDecimal(columnIndex);
        return value == null ? null : value.setScale(scale, RoundingMode.HALF_UP);
    }

    @Override
    public byte[] getBytes(int columnIndex) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? null : Values.bytes(value);
    }

    @Override
    public Date getDate(int columnIndex) throws SQLException {
        return getDate(columnIndex, null);
    }

    @Override
    public Date getDate(int columnIndex, Calendar calendar) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? null : Values.date(value, calendar);
    }

    @Override
    public Time getTime(int columnIndex) throws SQLException {
        return getTime(columnIndex, null);
    }

    @Override
    public Time getTime(int columnIndex, Calendar calendar) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? null : Values.time(value, calendar);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex) throws SQLException {
        return getTimestamp(columnIndex, null);
    }

    @Override
    public Timestamp getTimestamp(int columnIndex, Calendar calendar) throws SQLException {
        Object value = raw(columnIndex);
        return value == null ? null : Values.timestamp(value, calendar);
    }

    @Override
    public Object getObject(int columnIndex) throws SQLException {
        return Values.object(type(checked(columnIndex)), raw(columnIndex));
    }

    @Override
    public Object getObject(int columnIndex, Map<String, Class<?>> typeMap) throws SQLException {
        if (typeMap != null && !typeMap.isEmpty()) {
            throw unsupported("getObject with a type map");
        }
        return getObject(columnIndex);
    }

    @Override
    public <T> T getObject(int columnIndex, Class<T> type) throws SQLException {
        Object value;
        if (type == String.class) {
            value = getString(columnIndex);
        } else if (type == Integer.class) {
            value = getInt(columnIndex);
        } else if (type == Long.class) {
            value = getLong(columnIndex);
        } else if (type == Short.class) {
            value = getShort(columnIndex);
        } else if (type == Byte.class) {
            value = getByte(columnIndex);
        } else if (type == Double.class) {
            value = getDouble(columnIndex);
        } else if (type == Float.class) {
            value = getFloat(columnIndex);
        } else if (type == Boolean.class) {
            value = getBoolean(columnIndex);
        } else if (type == BigDecimal.class) {
            value = getBigDecimal(columnIndex);
        } else if (type == byte[].class) {
            value = getBytes(columnIndex);
        } else if (type == Date.class) {
            value = getDate(columnIndex);
        } else if (type == Time.class) {
            value = getTime(columnIndex);
        } else if (type == Timestamp.class) {
            value = getTimestamp(columnIndex);
        } else if (type == LocalDate.class) {
            Date date = getDate(columnIndex);
            value = date == null ? null : date.toLocalDate();
        } else if (type == LocalTime.class) {
            Time time = getTime(columnIndex);
            value = time == null ? null : time.toLocalTime();
        } else if (type == LocalDateTime.class) {
            Timestamp timestamp = getTimestamp(columnIndex);
            value = timestamp == null ? null : timestamp.toLocalDateTime();
        } else {
            value = getObject(columnIndex);
            if (value != null && !type.isInstance(value)) {
                throw new SQLDataException("Column " + columnIndex + " cannot be read as " + type.getSimpleName(),
                        "22018");
            }
        }
        return lastWasNull ? null : type.cast(value);
    }

    @Override
    public ResultSetMetaData getMetaData() throws SQLException {
        open();
        return new SluiceResultSetMetaData(columns);
    }

    /** Labels match case-insensitively, the first of equal labels wins (as JDBC asks). */
    @Override
    public int findColumn(String columnLabel) throws SQLException {
        open();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name.equalsIgnoreCase(columnLabel)) {
                return i + 1;
            }
        }
        throw new SQLException("This result has no column '" + columnLabel + "'", "42S22");
    }

    @Override
    public boolean isBeforeFirst() throws SQLException {
        open();
        return rowNumber == 0 && !afterLast;
    }

    @Override
    public boolean isAfterLast() throws SQLException {
        open();
        return afterLast && rowNumber > 0;
    }

    @Override
    public boolean isFirst() throws SQLException {
        open();
        return rowNumber == 1 && !afterLast;
    }

    @Override
    public int getRow() throws SQLException {
        open();
        return afterLast ? 0 : rowNumber;
    }

    @Override
    public int getType() throws SQLException {
        open();
        return TYPE_FORWARD_ONLY;
    }

    @Override
    public int getConcurrency() throws SQLException {
        open();
        return CONCUR_READ_ONLY;
    }

    @Override
    public int getHoldability() throws SQLException {
        open();
        return CLOSE_CURSORS_AT_COMMIT;
    }

    @Override
    public Statement getStatement() throws SQLException {
        open();
        return statement;
    }
}
