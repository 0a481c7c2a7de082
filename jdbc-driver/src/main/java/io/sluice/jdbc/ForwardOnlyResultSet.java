package io.sluice.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * What every result of this driver shares: it is read forward only and never updated, so moving back, updating and
 * the LOB and stream getters throw {@link SQLFeatureNotSupportedException}; getters by column label read the column
 * {@link #findColumn} names.
 */
abstract class ForwardOnlyResultSet extends FetchHintsBase implements ResultSet {

    ForwardOnlyResultSet(String noun, String closedState) {
        super(noun, closedState);
    }


    static SQLFeatureNotSupportedException unsupported(String method) {
        return new SQLFeatureNotSupportedException("ResultSet." + method + " is not supported: results of the Sluice "
                + "driver are read-only, forward-only, and have no LOB or stream columns", "0A000");
    }

    @Override
    public boolean absolute(int columnIndex) throws SQLException {
        throw unsupported("absolute");
    }

    @Override
    public void afterLast() throws SQLException {
        throw unsupported("afterLast");
    }

    @Override
    public void beforeFirst() throws SQLException {
        throw unsupported("beforeFirst");
    }

    @Override
    public void cancelRowUpdates() throws SQLException {
        throw unsupported("cancelRowUpdates");
    }

    @Override
    public void deleteRow() throws SQLException {
        throw unsupported("deleteRow");
    }

    @Override
    public boolean first() throws SQLException {
        throw unsupported("first");
    }

    @Override
    public Array getArray(String columnLabel) throws SQLException {
        throw unsupported("getArray");
    }

    @Override
    public Array getArray(int columnIndex) throws SQLException {
        throw unsupported("getArray");
    }

    @Override
    public InputStream getAsciiStream(String columnLabel) throws SQLException {
        throw unsupported("getAsciiStream");
    }

    @Override
    public InputStream getAsciiStream(int columnIndex) throws SQLException {
        throw unsupported("getAsciiStream");
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel, int scale) throws SQLException {
        return getBigDecimal(findColumn(columnLabel), scale);
    }

    @Override
    public BigDecimal getBigDecimal(String columnLabel) throws SQLException {
        return getBigDecimal(findColumn(columnLabel));
    }

    @Override
    public InputStream getBinaryStream(String columnLabel) throws SQLException {
        throw unsupported("getBinaryStream");
    }

    @Override
    public InputStream getBinaryStream(int columnIndex) throws SQLException {
        throw unsupported("getBinaryStream");
    }

    @Override
    public Blob getBlob(String columnLabel) throws SQLException {
        throw unsupported("getBlob");
    }

    @Override
    public Blob getBlob(int columnIndex) throws SQLException {
        throw unsupported("getBlob");
    }

    @Override
    public boolean getBoolean(String columnLabel) throws SQLException {
        return getBoolean(findColumn(columnLabel));
    }

    @Override
    public byte getByte(String columnLabel) throws SQLException {
        return getByte(findColumn(columnLabel));
    }

    @Override
    public byte[] getBytes(String columnLabel) throws SQLException {
        return getBytes(findColumn(columnLabel));
    }

    @Override
    public Reader getCharacterStream(String columnLabel) throws SQLException {
        throw unsupported("getCharacterStream");
    }

    @Override
    public Reader getCharacterStream(int columnIndex) throws SQLException {
        throw unsupported("getCharacterStream");
    }

    @Override
    public Clob getClob(String columnLabel) throws SQLException {
        throw unsupported("getClob");
    }

    @Override
    public Clob getClob(int columnIndex) throws SQLException {
        throw unsupported("getClob");
    }

    @Override
    public String getCursorName() throws SQLException {
        throw unsupported("getCursorName");
    }

    @Override
    public Date getDate(String columnLabel, Calendar calendar) throws SQLException {
        return getDate(findColumn(columnLabel), calendar);
    }

    @Override
    public Date getDate(String columnLabel) throws SQLException {
        return getDate(findColumn(columnLabel));
    }

    @Override
    public double getDouble(String columnLabel) throws SQLException {
        return getDouble(findColumn(columnLabel));
    }

    @Override
    public float getFloat(String columnLabel) throws SQLException {
        return getFloat(findColumn(columnLabel));
    }

    @Override
    public int getInt(String columnLabel) throws SQLException {
        return getInt(findColumn(columnLabel));
    }

    @Override
    public long getLong(String columnLabel) throws SQLException {
        return getLong(findColumn(columnLabel));
    }

    @Override
    public Reader getNCharacterStream(String columnLabel) throws SQLException {
        throw unsupported("getNCharacterStream");
    }

    @Override
    public Reader getNCharacterStream(int columnIndex) throws SQLException {
        throw unsupported("getNCharacterStream");
    }

    @Override
    public NClob getNClob(String columnLabel) throws SQLException {
        throw unsupported("getNClob");
    }

    @Override
    public NClob getNClob(int columnIndex) throws SQLException {
        throw unsupported("getNClob");
    }

    @Override
    public String getNString(String columnLabel) throws SQLException {
        return getNString(findColumn(columnLabel));
    }

    @Override
    public <T> T getObject(String columnLabel, Class<T> type) throws SQLException {
        return getObject(findColumn(columnLabel), type);
    }

    @Override
    public Object getObject(String columnLabel, Map<String, Class<?>> typeMap) throws SQLException {
        return getObject(findColumn(columnLabel), typeMap);
    }

    @Override
    public Object getObject(String columnLabel) throws SQLException {
        return getObject(findColumn(columnLabel));
    }

    @Override
    public Ref getRef(String columnLabel) throws SQLException {
        throw unsupported("getRef");
    }

    @Override
    public Ref getRef(int columnIndex) throws SQLException {
        throw unsupported("getRef");
    }

    @Override
    public RowId getRowId(String columnLabel) throws SQLException {
        throw unsupported("getRowId");
    }

    @Override
    public RowId getRowId(int columnIndex) throws SQLException {
        throw unsupported("getRowId");
    }

    @Override
    public SQLXML getSQLXML(String columnLabel) throws SQLException {
        throw unsupported("getSQLXML");
    }

    @Override
    public SQLXML getSQLXML(int columnIndex) throws SQLException {
        throw unsupported("getSQLXML");
    }

    @Override
    public short getShort(String columnLabel) throws SQLException {
        return getShort(findColumn(columnLabel));
    }

    @Override
    public String getString(String columnLabel) throws SQLException {
        return getString(findColumn(columnLabel));
    }

    @Override
    public Time getTime(String columnLabel, Calendar calendar) throws SQLException {
        return getTime(findColumn(columnLabel), calendar);
    }

    @Override
    public Time getTime(String columnLabel) throws SQLException {
        return getTime(findColumn(columnLabel));
    }

    @Override
    public Timestamp getTimestamp(String columnLabel, Calendar calendar) throws SQLException {
        return getTimestamp(findColumn(columnLabel), calendar);
    }

    @Override
    public Timestamp getTimestamp(String columnLabel) throws SQLException {
        return getTimestamp(findColumn(columnLabel));
    }

    @Override
    public URL getURL(String columnLabel) throws SQLException {
        throw unsupported("getURL");
    }

    @Override
    public URL getURL(int columnIndex) throws SQLException {
        throw unsupported("getURL");
    }

    @Override
    public InputStream getUnicodeStream(String columnLabel) throws SQLException {
        throw unsupported("getUnicodeStream");
    }

    @Override
    public InputStream getUnicodeStream(int columnIndex) throws SQLException {
        throw unsupported("getUnicodeStream");
    }

    @Override
    public void insertRow() throws SQLException {
        throw unsupported("insertRow");
    }

    @Override
    public boolean isLast() throws SQLException {
        throw unsupported("isLast");
    }

    @Override
    public boolean last() throws SQLException {
        throw unsupported("last");
    }

    @Override
    public void moveToCurrentRow() throws SQLException {
        throw unsupported("moveToCurrentRow");
    }

    @Override
    public void moveToInsertRow() throws SQLException {
        throw unsupported("moveToInsertRow");
    }

    @Override
    public boolean previous() throws SQLException {
        throw unsupported("previous");
    }

    @Override
    public void refreshRow() throws SQLException {
        throw unsupported("refreshRow");
    }

    @Override
    public boolean relative(int columnIndex) throws SQLException {
        throw unsupported("relative");
    }

    @Override
    public boolean rowDeleted() throws SQLException {
        throw unsupported("rowDeleted");
    }

    @Override
    public boolean rowInserted() throws SQLException {
        throw unsupported("rowInserted");
    }

    @Override
    public boolean rowUpdated() throws SQLException {
        throw unsupported("rowUpdated");
    }

    @Override
    public void updateArray(String columnLabel, Array value1) throws SQLException {
        throw unsupported("updateArray");
    }

    @Override
    public void updateArray(int columnIndex, Array value1) throws SQLException {
        throw unsupported("updateArray");
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream value1, int value2) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream value1, long value2) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(String columnLabel, InputStream value1) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream value1, int value2) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream value1, long value2) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateAsciiStream(int columnIndex, InputStream value1) throws SQLException {
        throw unsupported("updateAsciiStream");
    }

    @Override
    public void updateBigDecimal(String columnLabel, BigDecimal value1) throws SQLException {
        throw unsupported("updateBigDecimal");
    }

    @Override
    public void updateBigDecimal(int columnIndex, BigDecimal value1) throws SQLException {
        throw unsupported("updateBigDecimal");
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream value1, int value2) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream value1, long value2) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(String columnLabel, InputStream value1) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream value1, int value2) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream value1, long value2) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateBinaryStream(int columnIndex, InputStream value1) throws SQLException {
        throw unsupported("updateBinaryStream");
    }

    @Override
    public void updateBlob(String columnLabel, InputStream value1, long value2) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateBlob(String columnLabel, InputStream value1) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateBlob(String columnLabel, Blob value1) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateBlob(int columnIndex, InputStream value1, long value2) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateBlob(int columnIndex, InputStream value1) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateBlob(int columnIndex, Blob value1) throws SQLException {
        throw unsupported("updateBlob");
    }

    @Override
    public void updateBoolean(String columnLabel, boolean value1) throws SQLException {
        throw unsupported("updateBoolean");
    }

    @Override
    public void updateBoolean(int columnIndex, boolean value1) throws SQLException {
        throw unsupported("updateBoolean");
    }

    @Override
    public void updateByte(String columnLabel, byte value1) throws SQLException {
        throw unsupported("updateByte");
    }

    @Override
    public void updateByte(int columnIndex, byte value1) throws SQLException {
        throw unsupported("updateByte");
    }

    @Override
    public void updateBytes(String columnLabel, byte[] value1) throws SQLException {
        throw unsupported("updateBytes");
    }

    @Override
    public void updateBytes(int columnIndex, byte[] value1) throws SQLException {
        throw unsupported("updateBytes");
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader value1, int value2) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader value1, long value2) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(String columnLabel, Reader value1) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader value1, int value2) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader value1, long value2) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateCharacterStream(int columnIndex, Reader value1) throws SQLException {
        throw unsupported("updateCharacterStream");
    }

    @Override
    public void updateClob(String columnLabel, Reader value1, long value2) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateClob(String columnLabel, Reader value1) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateClob(String columnLabel, Clob value1) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateClob(int columnIndex, Reader value1, long value2) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateClob(int columnIndex, Reader value1) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateClob(int columnIndex, Clob value1) throws SQLException {
        throw unsupported("updateClob");
    }

    @Override
    public void updateDate(String columnLabel, Date value1) throws SQLException {
        throw unsupported("updateDate");
    }

    @Override
    public void updateDate(int columnIndex, Date value1) throws SQLException {
        throw unsupported("updateDate");
    }

    @Override
    public void updateDouble(String columnLabel, double value1) throws SQLException {
        throw unsupported("updateDouble");
    }

    @Override
    public void updateDouble(int columnIndex, double value1) throws SQLException {
        throw unsupported("updateDouble");
    }

    @Override
    public void updateFloat(String columnLabel, float value1) throws SQLException {
        throw unsupported("updateFloat");
    }

    @Override
    public void updateFloat(int columnIndex, float value1) throws SQLException {
        throw unsupported("updateFloat");
    }

    @Override
    public void updateInt(String columnLabel, int value1) throws SQLException {
        throw unsupported("updateInt");
    }

    @Override
    public void updateInt(int columnIndex, int value1) throws SQLException {
        throw unsupported("updateInt");
    }

    @Override
    public void updateLong(String columnLabel, long value1) throws SQLException {
        throw unsupported("updateLong");
    }

    @Override
    public void updateLong(int columnIndex, long value1) throws SQLException {
        throw unsupported("updateLong");
    }

    @Override
    public void updateNCharacterStream(String columnLabel, Reader value1, long value2) throws SQLException {
        throw unsupported("updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(String columnLabel, Reader value1) throws SQLException {
        throw unsupported("updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(int columnIndex, Reader value1, long value2) throws SQLException {
        throw unsupported("updateNCharacterStream");
    }

    @Override
    public void updateNCharacterStream(int columnIndex, Reader value1) throws SQLException {
        throw unsupported("updateNCharacterStream");
    }

    @Override
    public void updateNClob(String columnLabel, Reader value1, long value2) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public void updateNClob(String columnLabel, Reader value1) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public void updateNClob(String columnLabel, NClob value1) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public void updateNClob(int columnIndex, Reader value1, long value2) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public void updateNClob(int columnIndex, Reader value1) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public void updateNClob(int columnIndex, NClob value1) throws SQLException {
        throw unsupported("updateNClob");
    }

    @Override
    public void updateNString(String columnLabel, String value1) throws SQLException {
        throw unsupported("updateNString");
    }

    @Override
    public void updateNString(int columnIndex, String value1) throws SQLException {
        throw unsupported("updateNString");
    }

    @Override
    public void updateNull(String columnLabel) throws SQLException {
        throw unsupported("updateNull");
    }

    @Override
    public void updateNull(int columnIndex) throws SQLException {
        throw unsupported("updateNull");
    }

    @Override
    public void updateObject(String columnLabel, Object value1, int value2) throws SQLException {
        throw unsupported("updateObject");
    }

    @Override
    public void updateObject(String columnLabel, Object value1) throws SQLException {
        throw unsupported("updateObject");
    }

    @Override
    public void updateObject(int columnIndex, Object value1, int value2) throws SQLException {
        throw unsupported("updateObject");
    }

    @Override
    public void updateObject(int columnIndex, Object value1) throws SQLException {
        throw unsupported("updateObject");
    }

    @Override
    public void updateRef(String columnLabel, Ref value1) throws SQLException {
        throw unsupported("updateRef");
    }

    @Override
    public void updateRef(int columnIndex, Ref value1) throws SQLException {
        throw unsupported("updateRef");
    }

    @Override
    public void updateRow() throws SQLException {
        throw unsupported("updateRow");
    }

    @Override
    public void updateRowId(String columnLabel, RowId value1) throws SQLException {
        throw unsupported("updateRowId");
    }

    @Override
    public void updateRowId(int columnIndex, RowId value1) throws SQLException {
        throw unsupported("updateRowId");
    }

    @Override
    public void updateSQLXML(String columnLabel, SQLXML value1) throws SQLException {
        throw unsupported("updateSQLXML");
    }

    @Override
    public void updateSQLXML(int columnIndex, SQLXML value1) throws SQLException {
        throw unsupported("updateSQLXML");
    }

    @Override
    public void updateShort(String columnLabel, short value1) throws SQLException {
        throw unsupported("updateShort");
    }

    @Override
    public void updateShort(int columnIndex, short value1) throws SQLException {
        throw unsupported("updateShort");
    }

    @Override
    public void updateString(String columnLabel, String value1) throws SQLException {
        throw unsupported("updateString");
    }

    @Override
    public void updateString(int columnIndex, String value1) throws SQLException {
        throw unsupported("updateString");
    }

    @Override
    public void updateTime(String columnLabel, Time value1) throws SQLException {
        throw unsupported("updateTime");
    }

    @Override
    public void updateTime(int columnIndex, Time value1) throws SQLException {
        throw unsupported("updateTime");
    }

    @Override
    public void updateTimestamp(String columnLabel, Timestamp value1) throws SQLException {
        throw unsupported("updateTimestamp");
    }

    @Override
    public void updateTimestamp(int columnIndex, Timestamp value1) throws SQLException {
        throw unsupported("updateTimestamp");
    }
}
