package io.sluice.jdbc;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/** Names and types of a result's columns, from the Flink logical types the gateway reports. */
final class SluiceResultSetMetaData extends WrapperBase implements ResultSetMetaData {

    private final List<Column> columns;

    SluiceResultSetMetaData(List<Column> columns) {
        super("metadata");
        this.columns = columns;
    }

    private Column column(int column) throws SQLException {
        if (column < 1 || column > columns.size()) {
            throw new SQLException("Column " + column + " does not exist: this result has " + columns.size()
                    + " columns", "07009");
        }
        return columns.get(column - 1);
    }

    @Override
    public int getColumnCount() {
        return columns.size();
    }

    @Override
    public boolean isAutoIncrement(int column) throws SQLException {
        column(column);
        return false;
    }

    /** Flink compares text by its code points: case matters. */
    @Override
    public boolean isCaseSensitive(int column) throws SQLException {
        ColumnType.Root root = column(column).type.root;
        return root == ColumnType.Root.CHAR || root == ColumnType.Root.VARCHAR;
    }

    @Override
    public boolean isSearchable(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isCurrency(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public int isNullable(int column) throws SQLException {
        return column(column).type.nullable ? columnNullable : columnNoNulls;
    }

    @Override
    public boolean isSigned(int column) throws SQLException {
        return column(column).type.numeric();
    }

    @Override
    public int getColumnDisplaySize(int column) throws SQLException {
        ColumnType type = column(column).type;
        int size = type.columnSize();
        if (type.root == ColumnType.Root.DECIMAL) {
            size += 2;
        }
        return size <= 0 || size > 1 << 16 ? 1 << 16 : size;
    }

    @Override
    public String getColumnLabel(int column) throws SQLException {
        return column(column).name;
    }

    @Override
    public String getColumnName(int column) throws SQLException {
        return column(column).name;
    }

    @Override
    public String getSchemaName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getPrecision(int column) throws SQLException {
        return column(column).type.columnSize();
    }

    @Override
    public int getScale(int column) throws SQLException {
        return column(column).type.decimalDigits();
    }

    @Override
    public String getTableName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public String getCatalogName(int column) throws SQLException {
        column(column);
        return "";
    }

    @Override
    public int getColumnType(int column) throws SQLException {
        return column(column).type.jdbcType();
    }

    @Override
    public String getColumnTypeName(int column) throws SQLException {
        return column(column).type.typeName;
    }

    @Override
    public boolean isReadOnly(int column) throws SQLException {
        column(column);
        return true;
    }

    @Override
    public boolean isWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public boolean isDefinitelyWritable(int column) throws SQLException {
        column(column);
        return false;
    }

    @Override
    public String getColumnClassName(int column) throws SQLException {
        return column(column).type.javaClassName();
    }

}
