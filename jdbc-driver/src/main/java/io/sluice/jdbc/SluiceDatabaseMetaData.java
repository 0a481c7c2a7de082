package io.sluice.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/**
 * The metadata of a connection: catalog calls answered through the governed session ({@link CatalogQueries}), fixed
 * answers ({@link DatabaseCapabilities}), and, for what Flink SQL has none of (procedures, foreign keys, indexes,
 * privileges, user-defined types), empty results with JDBC's columns.
 */
final class SluiceDatabaseMetaData extends DatabaseCapabilities {

    private final SluiceConnection connection;
    private final CatalogQueries catalog;
    private String[] product;
    private Statement owner;

    SluiceDatabaseMetaData(SluiceConnection connection) {
        this.connection = connection;
        this.catalog = new CatalogQueries(connection);
    }

    /** The result sets' statement: one plain statement of this connection, never run. */
    private synchronized Statement owner() throws SQLException {
        if (owner == null || owner.isClosed()) {
            owner = connection.createStatement();
        }
        return owner;
    }

    @Override
    public Connection getConnection() {
        return connection;
    }

    @Override
    public String getURL() {
        return connection.url().replaceAll("(?i)(password|token)=[^&]*", "$1=******");
    }

    @Override
    public String getUserName() {
        return connection.user();
    }

    @Override
    public String getDatabaseProductName() throws SQLException {
        return product()[0];
    }

    @Override
    public String getDatabaseProductVersion() throws SQLException {
        return product()[1];
    }

    @Override
    public int getDatabaseMajorVersion() throws SQLException {
        return versionPart(0);
    }

    @Override
    public int getDatabaseMinorVersion() throws SQLException {
        return versionPart(1);
    }

    private int versionPart(int index) throws SQLException {
        String[] parts = product()[1].split("[.-]");
        try {
            return index < parts.length ? Integer.parseInt(parts[index]) : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The gateway's product name and Flink version, from its info route (asked once). */
    private synchronized String[] product() throws SQLException {
        if (product == null) {
            product = connection.gateway().info();
        }
        return product;
    }

    @Override
    public ResultSet getCatalogs() throws SQLException {
        return catalog.getCatalogs(owner());
    }

    @Override
    public ResultSet getSchemas() throws SQLException {
        return catalog.getSchemas(owner(), null, null);
    }

    @Override
    public ResultSet getSchemas(String catalogName, String schemaPattern) throws SQLException {
        return catalog.getSchemas(owner(), catalogName, schemaPattern);
    }

    @Override
    public ResultSet getTables(String catalogName, String schemaPattern, String tablePattern, String[] types)
            throws SQLException {
        return catalog.getTables(owner(), catalogName, schemaPattern, tablePattern, types);
    }

    @Override
    public ResultSet getColumns(String catalogName, String schemaPattern, String tablePattern, String columnPattern)
            throws SQLException {
        return catalog.getColumns(owner(), catalogName, schemaPattern, tablePattern, columnPattern);
    }

    @Override
    public ResultSet getPrimaryKeys(String catalogName, String schema, String table) throws SQLException {
        return catalog.getPrimaryKeys(owner(), catalogName, schema, table);
    }

    @Override
    public ResultSet getFunctions(String catalogName, String schemaPattern, String functionPattern)
            throws SQLException {
        return catalog.getFunctions(owner(), catalogName, schemaPattern, functionPattern);
    }

    @Override
    public ResultSet getTableTypes() throws SQLException {
        return MetaRows.of("TABLE_TYPE").add("TABLE").add("VIEW").result(owner());
    }

    @Override
    public ResultSet getTypeInfo() throws SQLException {
        MetaRows types = MetaRows.of("TYPE_NAME", "DATA_TYPE:int", "PRECISION:int", "LITERAL_PREFIX", "LITERAL_SUFFIX",
                "CREATE_PARAMS", "NULLABLE:short", "CASE_SENSITIVE:boolean", "SEARCHABLE:short",
                "UNSIGNED_ATTRIBUTE:boolean", "FIXED_PREC_SCALE:boolean", "AUTO_INCREMENT:boolean",
                "LOCAL_TYPE_NAME", "MINIMUM_SCALE:short", "MAXIMUM_SCALE:short", "SQL_DATA_TYPE:int",
                "SQL_DATETIME_SUB:int", "NUM_PREC_RADIX:int");
        type(types, "BIGINT", Types.BIGINT, 19, null, null, 10);
        type(types, "BINARY", Types.BINARY, Integer.MAX_VALUE, "X'", "length", null);
        type(types, "BOOLEAN", Types.BOOLEAN, 1, null, null, null);
        type(types, "CHAR", Types.CHAR, Integer.MAX_VALUE, "'", "length", null);
        type(types, "DATE", Types.DATE, 10, "DATE '", null, null);
        type(types, "DECIMAL", Types.DECIMAL, 38, null, "precision,scale", 10);
        type(types, "DOUBLE", Types.DOUBLE, 15, null, null, 10);
        type(types, "FLOAT", Types.REAL, 7, null, null, 10);
        type(types, "INT", Types.INTEGER, 10, null, null, 10);
        type(types, "SMALLINT", Types.SMALLINT, 5, null, null, 10);
        type(types, "TIME", Types.TIME, 18, "TIME '", "precision", null);
        type(types, "TIMESTAMP", Types.TIMESTAMP, 29, "TIMESTAMP '", "precision", null);
        type(types, "TIMESTAMP_LTZ", Types.TIMESTAMP_WITH_TIMEZONE, 29, null, "precision", null);
        type(types, "TINYINT", Types.TINYINT, 3, null, null, 10);
        type(types, "VARBINARY", Types.VARBINARY, Integer.MAX_VALUE, "X'", "length", null);
        type(types, "VARCHAR", Types.VARCHAR, Integer.MAX_VALUE, "'", "length", null);
        type(types, "ARRAY", Types.ARRAY, 0, null, null, null);
        type(types, "MAP", Types.JAVA_OBJECT, 0, null, null, null);
        type(types, "MULTISET", Types.JAVA_OBJECT, 0, null, null, null);
        type(types, "ROW", Types.STRUCT, 0, null, null, null);
        return types.sortedBy(1).result(owner());
    }

    private static void type(MetaRows types, String name, int jdbcType, int precision, String prefix, String params,
            Integer radix) {
        String suffix = prefix == null ? null : "'";
        boolean text = jdbcType == Types.CHAR || jdbcType == Types.VARCHAR;
        boolean number = radix != null;
        int maxScale = jdbcType == Types.DECIMAL ? 38 : jdbcType == Types.TIME || jdbcType == Types.TIMESTAMP
                || jdbcType == Types.TIMESTAMP_WITH_TIMEZONE ? 9 : 0;
        types.add(name, jdbcType, precision, prefix, suffix, params, DatabaseMetaData.typeNullable, text,
                text ? DatabaseMetaData.typeSearchable : DatabaseMetaData.typePredBasic, number ? false : null,
                false, false, name, 0, maxScale, null, null, radix);
    }

    private ResultSet empty(String... columns) throws SQLException {
        return MetaRows.of(columns).result(owner());
    }

    @Override
    public ResultSet getProcedures(String catalogName, String schemaPattern, String procedurePattern)
            throws SQLException {
        return empty("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "RESERVED1", "RESERVED2", "RESERVED3",
                "REMARKS", "PROCEDURE_TYPE:short", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getProcedureColumns(String catalogName, String schemaPattern, String procedurePattern,
            String columnPattern) throws SQLException {
        return empty("PROCEDURE_CAT", "PROCEDURE_SCHEM", "PROCEDURE_NAME", "COLUMN_NAME", "COLUMN_TYPE:short",
                "DATA_TYPE:int", "TYPE_NAME", "PRECISION:int", "LENGTH:int", "SCALE:short", "RADIX:short",
                "NULLABLE:short", "REMARKS", "COLUMN_DEF", "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int",
                "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE", "SPECIFIC_NAME");
    }

    @Override
    public ResultSet getFunctionColumns(String catalogName, String schemaPattern, String functionPattern,
            String columnPattern) throws SQLException {
        return empty("FUNCTION_CAT", "FUNCTION_SCHEM", "FUNCTION_NAME", "COLUMN_NAME", "COLUMN_TYPE:short",
                "DATA_TYPE:int", "TYPE_NAME", "PRECISION:int", "LENGTH:int", "SCALE:short", "RADIX:short",
                "NULLABLE:short", "REMARKS", "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int", "IS_NULLABLE",
                "SPECIFIC_NAME");
    }

    private static final String[] KEY_COLUMNS = {"PKTABLE_CAT", "PKTABLE_SCHEM", "PKTABLE_NAME", "PKCOLUMN_NAME",
        "FKTABLE_CAT", "FKTABLE_SCHEM", "FKTABLE_NAME", "FKCOLUMN_NAME", "KEY_SEQ:short", "UPDATE_RULE:short",
        "DELETE_RULE:short", "FK_NAME", "PK_NAME", "DEFERRABILITY:short"};

    /** Flink tables declare no foreign keys. */
    @Override
    public ResultSet getImportedKeys(String catalogName, String schema, String table) throws SQLException {
        return empty(KEY_COLUMNS);
    }

    @Override
    public ResultSet getExportedKeys(String catalogName, String schema, String table) throws SQLException {
        return empty(KEY_COLUMNS);
    }

    @Override
    public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
            String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
        return empty(KEY_COLUMNS);
    }

    /** Flink tables have no indexes. */
    @Override
    public ResultSet getIndexInfo(String catalogName, String schema, String table, boolean unique,
            boolean approximate) throws SQLException {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "NON_UNIQUE:boolean", "INDEX_QUALIFIER",
                "INDEX_NAME", "TYPE:short", "ORDINAL_POSITION:short", "COLUMN_NAME", "ASC_OR_DESC",
                "CARDINALITY:int", "PAGES:int", "FILTER_CONDITION");
    }

    /** Access is governed by catalog-service, not by SQL privileges. */
    @Override
    public ResultSet getTablePrivileges(String catalogName, String schemaPattern, String tablePattern)
            throws SQLException {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE", "IS_GRANTABLE");
    }

    @Override
    public ResultSet getColumnPrivileges(String catalogName, String schema, String table, String columnPattern)
            throws SQLException {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "GRANTOR", "GRANTEE", "PRIVILEGE",
                "IS_GRANTABLE");
    }

    @Override
    public ResultSet getBestRowIdentifier(String catalogName, String schema, String table, int scope,
            boolean nullable) throws SQLException {
        return empty("SCOPE:short", "COLUMN_NAME", "DATA_TYPE:int", "TYPE_NAME", "COLUMN_SIZE:int",
                "BUFFER_LENGTH:int", "DECIMAL_DIGITS:short", "PSEUDO_COLUMN:short");
    }

    @Override
    public ResultSet getVersionColumns(String catalogName, String schema, String table) throws SQLException {
        return empty("SCOPE:short", "COLUMN_NAME", "DATA_TYPE:int", "TYPE_NAME", "COLUMN_SIZE:int",
                "BUFFER_LENGTH:int", "DECIMAL_DIGITS:short", "PSEUDO_COLUMN:short");
    }

    @Override
    public ResultSet getUDTs(String catalogName, String schemaPattern, String typePattern, int[] types)
            throws SQLException {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "CLASS_NAME", "DATA_TYPE:int", "REMARKS",
                "BASE_TYPE:short");
    }

    @Override
    public ResultSet getSuperTypes(String catalogName, String schemaPattern, String typePattern)
            throws SQLException {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "SUPERTYPE_CAT", "SUPERTYPE_SCHEM", "SUPERTYPE_NAME");
    }

    @Override
    public ResultSet getSuperTables(String catalogName, String schemaPattern, String tablePattern)
            throws SQLException {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
    }

    @Override
    public ResultSet getAttributes(String catalogName, String schemaPattern, String typePattern,
            String attributePattern) throws SQLException {
        return empty("TYPE_CAT", "TYPE_SCHEM", "TYPE_NAME", "ATTR_NAME", "DATA_TYPE:int", "ATTR_TYPE_NAME",
                "ATTR_SIZE:int", "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int", "NULLABLE:int", "REMARKS", "ATTR_DEF",
                "SQL_DATA_TYPE:int", "SQL_DATETIME_SUB:int", "CHAR_OCTET_LENGTH:int", "ORDINAL_POSITION:int",
                "IS_NULLABLE", "SCOPE_CATALOG", "SCOPE_SCHEMA", "SCOPE_TABLE", "SOURCE_DATA_TYPE:short");
    }

    @Override
    public ResultSet getPseudoColumns(String catalogName, String schemaPattern, String tablePattern,
            String columnPattern) throws SQLException {
        return empty("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "DATA_TYPE:int", "COLUMN_SIZE:int",
                "DECIMAL_DIGITS:int", "NUM_PREC_RADIX:int", "COLUMN_USAGE", "REMARKS", "CHAR_OCTET_LENGTH:int",
                "IS_NULLABLE");
    }

    @Override
    public ResultSet getClientInfoProperties() throws SQLException {
        return empty("NAME", "MAX_LEN:int", "DEFAULT_VALUE", "DESCRIPTION");
    }

}
