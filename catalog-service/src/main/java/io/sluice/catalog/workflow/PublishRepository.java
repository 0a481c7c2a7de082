package io.sluice.catalog.workflow;

import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Filter;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.catalog.table.TableVisibility;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class PublishRepository {

    private static final String SELECT = """
            select r.*, t.name as table_name, p.name as owner_project, d.name as data_source
            from publish_requests r
            join catalog_tables t on t.id = r.table_id
            join projects p on p.id = t.owner_project_id
            join data_sources d on d.id = r.data_source_id
            """;
    private static final RowMapper<PublishRequest> REQUEST = (rs, n) -> new PublishRequest(
            rs.getLong("id"),
            rs.getLong("table_id"),
            rs.getString("table_name"),
            rs.getString("owner_project"),
            Environment.valueOf(rs.getString("environment")),
            rs.getInt("version"),
            rs.getLong("data_source_id"),
            rs.getString("data_source"),
            PublishStatus.valueOf(rs.getString("status")),
            rs.getString("requested_by"),
            rs.getObject("requested_at", OffsetDateTime.class),
            rs.getString("request_comment"),
            rs.getString("decided_by"),
            rs.getObject("decided_at", OffsetDateTime.class),
            rs.getString("decision_comment"));

    private final JdbcClient jdbc;

    PublishRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long tableId, Environment environment, int version, long dataSourceId, String requestedBy, String comment) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into publish_requests (table_id, environment, version, data_source_id, status, requested_by, requested_at, request_comment)
                values (?, ?, ?, ?, 'PENDING', ?, ?, ?)""")
                .params(tableId, environment.name(), version, dataSourceId, requestedBy, OffsetDateTime.now(), comment)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<PublishRequest> find(long id) {
        return jdbc.sql(SELECT + " where r.id = ?").param(id).query(REQUEST).optional();
    }

    Optional<PublishRequest> pending(long tableId, Environment environment) {
        return jdbc.sql(SELECT + " where r.table_id = ? and r.environment = ? and r.status = 'PENDING'")
                .params(tableId, environment.name())
                .query(REQUEST)
                .optional();
    }

    /** Moves a pending request to its end state; false when another decision got there first. */
    boolean decide(long id, PublishStatus status, String decidedBy, String comment) {
        return jdbc.sql("""
                update publish_requests set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                where id = ? and status = 'PENDING'""")
                        .params(status.name(), decidedBy, OffsetDateTime.now(), comment, id)
                        .update()
                == 1;
    }

    /** Requests as far as the caller may see their tables. */
    PageResult<PublishRequest> list(
            UserAccount caller, PublishStatus status, Environment environment, String requestedBy, String table, PageQuery page) {
        return TableVisibility.limit(new Filter(), caller, "t.id", "t.owner_project_id")
                .and("r.status = ?", status == null ? null : status.name())
                .and("r.environment = ?", environment == null ? null : environment.name())
                .and("r.requested_by = ?", requestedBy)
                .and("t.name = ?", table)
                .page(jdbc, "publish_requests r join catalog_tables t on t.id = r.table_id", SELECT, "r.id desc", REQUEST, page);
    }
}
