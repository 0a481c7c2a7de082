package io.sluice.catalog.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Filter;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.datasource.DataSourceKind;
import io.sluice.catalog.identity.UserAccount;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class TableRepository {

    private static final String SELECT_TABLE = """
            select t.*, p.name as owner_project from catalog_tables t join projects p on p.id = t.owner_project_id
            """;
    private static final RowMapper<Table> TABLE = TableRepository::table;
    private static final RowMapper<Publication> PUBLICATION = (rs, n) -> new Publication(
            Environment.valueOf(rs.getString("environment")),
            rs.getInt("version"),
            rs.getLong("data_source_id"),
            rs.getString("data_source"),
            rs.getLong("request_id"),
            rs.getObject("published_at", OffsetDateTime.class));

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TableRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(NewTable table, long ownerProjectId, String createdBy) {
        return insert(table, ownerProjectId, createdBy, List.of());
    }

    long insert(NewTable table, long ownerProjectId, String createdBy, List<String> partitionKeys) {
        var now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into catalog_tables (name, display_name, owner_project_id, type, topic_kind, format, partitions,
                    retention_hours, description, design_version, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)""")
                .params(table.name(), table.displayName(), ownerProjectId, table.type().name(), name(table.topicKind()),
                        name(table.format()), table.partitions(), table.retentionHours(), table.description(), createdBy, now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertVersion(id, 1, table.schema(), partitionKeys, createdBy);
        return id;
    }

    void insertVersion(long tableId, int version, TableSchema schema, String createdBy) {
        insertVersion(tableId, version, schema, List.of(), createdBy);
    }

    void insertVersion(long tableId, int version, TableSchema schema, List<String> partitionKeys, String createdBy) {
        jdbc.sql("""
                insert into table_schema_versions (table_id, version, columns, primary_key, watermark, partition_keys,
                    created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tableId, version, write(schema.columns()), write(schema.primaryKey()),
                        schema.watermark() == null ? null : write(schema.watermark()),
                        partitionKeys.isEmpty() ? null : write(partitionKeys), createdBy, OffsetDateTime.now())
                .update();
        jdbc.sql("update catalog_tables set design_version = ?, updated_at = ? where id = ?")
                .params(version, OffsetDateTime.now(), tableId)
                .update();
    }

    void updateDetails(long tableId, String displayName, String description, Integer partitions, Long retentionHours) {
        jdbc.sql("""
                update catalog_tables set display_name = ?, description = ?, partitions = ?, retention_hours = ?, updated_at = ?
                where id = ?""")
                .params(displayName, description, partitions, retentionHours, OffsetDateTime.now(), tableId)
                .update();
    }

    boolean exists(String name) {
        return jdbc.sql("select count(*) from catalog_tables where lower(name) = lower(?)").param(name).query(Long.class).single() > 0;
    }

    Optional<Table> find(String name) {
        return jdbc.sql(SELECT_TABLE + " where t.name = ?").param(name).query(TABLE).optional();
    }

    Optional<Table> findById(long id) {
        return jdbc.sql(SELECT_TABLE + " where t.id = ?").param(id).query(TABLE).optional();
    }

    /**
     * Tables an environment sees (every table for design), optionally of one project, ordered by name, as far as the
     * caller may see them.
     */
    PageResult<Table> list(UserAccount caller, Environment environment, TableSearch search, PageQuery page) {
        boolean design = environment == Environment.DESIGN;
        return TableVisibility.limit(new Filter(), caller, "t.id", "t.owner_project_id")
                .and("exists (select 1 from table_publications x where x.table_id = t.id and x.environment = ?)",
                        design ? null : environment.name())
                .and("p.name = ?", search.project())
                // design has no data source: there a source means any environment the table was published to
                .and("exists (select 1 from table_publications x join data_sources d on d.id = x.data_source_id"
                                + " where x.table_id = t.id and d.name = ?" + (design ? ")" : " and x.environment = ?)"),
                        search.dataSource(), design ? new Object[0] : new Object[] {environment.name()})
                // position(), not LIKE: the caller's text is matched as it is, its % and _ are no wildcards
                .and("position(? in lower(concat_ws(' ', t.name, t.display_name, t.description))) > 0", search.text())
                .page(jdbc, "catalog_tables t join projects p on p.id = t.owner_project_id", SELECT_TABLE, "t.name", TABLE, page);
    }

    /** A table as one environment sees it: the version published there, its schema and the data source holding it. */
    record PublishedTable(
            Table table, int version, String dataSource, DataSourceKind dataSourceKind, TableSchema schema, List<String> partitionKeys) {}

    /**
     * Every table published to an environment with its published schema and data source, ordered by name: the
     * environment's catalog in one query (it is read by every gateway whenever the catalog changes). Ordered here,
     * not by the database: its rows carry each table's columns (~1.5 KB), and at 10,000 tables PostgreSQL's sort of
     * them spills to disk (over its default work_mem) and takes longer than the joins.
     */
    List<PublishedTable> publishedTo(Environment environment) {
        return publishedTo(environment, null);
    }

    /** As {@link #publishedTo(Environment)}, only the tables named (all of them for null). */
    List<PublishedTable> publishedTo(Environment environment, Collection<String> names) {
        if (names != null && names.isEmpty()) {
            return List.of();
        }
        var query = jdbc.sql("""
                select t.*, p.name as owner_project, x.version as published_version, d.name as data_source,
                    d.kind as data_source_kind, v.columns, v.primary_key, v.watermark, v.partition_keys
                from catalog_tables t
                join projects p on p.id = t.owner_project_id
                join table_publications x on x.table_id = t.id and x.environment = :environment
                join data_sources d on d.id = x.data_source_id
                join table_schema_versions v on v.table_id = t.id and v.version = x.version"""
                        + (names == null ? "" : " where t.name in (:names)"))
                .param("environment", environment.name());
        if (names != null) {
            query = query.param("names", names);
        }
        return query
                .query((rs, n) -> new PublishedTable(
                        table(rs, n),
                        rs.getInt("published_version"),
                        rs.getString("data_source"),
                        DataSourceKind.valueOf(rs.getString("data_source_kind")),
                        schema(rs),
                        partitionKeys(rs.getString("partition_keys"))))
                .list()
                .stream()
                .sorted(Comparator.comparing(published -> published.table().name()))
                .toList();
    }

    TableSchema version(long tableId, int version) {
        return jdbc.sql("select columns, primary_key, watermark from table_schema_versions where table_id = ? and version = ?")
                .params(tableId, version)
                .query((rs, n) -> schema(rs))
                .single();
    }

    /** A version's partition columns, in order; empty for a table without partitions. */
    List<String> partitionKeys(long tableId, int version) {
        return partitionKeys(jdbc.sql("select partition_keys from table_schema_versions where table_id = ? and version = ?")
                .params(tableId, version)
                .query(String.class)
                .optional()
                .orElse(null));
    }

    private List<String> partitionKeys(String stored) {
        return stored == null ? List.of() : read(stored, new TypeReference<List<String>>() {});
    }

    /**
     * A stored version, key columns NOT NULL: versions stored before that rule hold nullable key columns, and every
     * reader (API, catalog, the equality check of a schema change) must see what a design made today would hold.
     */
    private TableSchema schema(ResultSet rs) throws SQLException {
        return TableRules.keyColumnsNotNull(new TableSchema(
                read(rs.getString("columns"), new TypeReference<List<Column>>() {}),
                read(rs.getString("primary_key"), new TypeReference<List<String>>() {}),
                rs.getString("watermark") == null ? null : read(rs.getString("watermark"), new TypeReference<Watermark>() {})));
    }

    List<Publication> publications(long tableId) {
        return jdbc.sql("""
                select x.*, d.name as data_source from table_publications x join data_sources d on d.id = x.data_source_id
                where x.table_id = ? order by x.environment""")
                .param(tableId)
                .query(PUBLICATION)
                .list();
    }

    void publish(long tableId, Environment environment, int version, long dataSourceId, long requestId) {
        jdbc.sql("delete from table_publications where table_id = ? and environment = ?").params(tableId, environment.name()).update();
        jdbc.sql("""
                insert into table_publications (table_id, environment, version, data_source_id, request_id, published_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(tableId, environment.name(), version, dataSourceId, requestId, OffsetDateTime.now())
                .update();
    }

    private static Table table(ResultSet rs, int n) throws SQLException {
        return new Table(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("display_name"),
                rs.getLong("owner_project_id"),
                rs.getString("owner_project"),
                TableType.valueOf(rs.getString("type")),
                rs.getString("format") == null ? null : RecordFormat.valueOf(rs.getString("format")),
                (Integer) rs.getObject("partitions", Integer.class),
                (Long) rs.getObject("retention_hours", Long.class),
                rs.getString("topic_kind") == null ? null : TopicKind.valueOf(rs.getString("topic_kind")),
                rs.getString("description"),
                rs.getInt("design_version"),
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("columns always serialize", e);
        }
    }

    private <T> T read(String text, TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored schema is not JSON", e);
        }
    }
}
