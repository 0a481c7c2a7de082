package io.sluice.catalog.access;

import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Filter;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ApplicationRepository {

    private static final String SELECT = """
            select a.*, t.name as table_name, p.name as project_name,
                   case when a.grantee_type = 'PROJECT' then gp.name else gu.username end as grantee
            from access_applications a
            join catalog_tables t on t.id = a.table_id
            join projects p on p.id = a.project_id
            left join projects gp on a.grantee_type = 'PROJECT' and gp.id = a.grantee_id
            left join users gu on a.grantee_type = 'USER' and gu.id = a.grantee_id
            """;

    private final JdbcClient jdbc;
    private final AccessRepository access;

    ApplicationRepository(JdbcClient jdbc, AccessRepository access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    long insert(long tableId, Environment environment, String applicant, long projectId, GranteeType type, long granteeId,
                List<Privilege> privileges, List<String> columns, String reason) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into access_applications (table_id, environment, applicant, project_id, grantee_type, grantee_id, privileges,
                    columns, reason, status, applied_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?)""")
                .params(tableId, environment.name(), applicant, projectId, type.name(), granteeId,
                        privileges.stream().map(Enum::name).collect(Collectors.joining(",")),
                        columns == null ? null : access.writeColumns(columns), reason, OffsetDateTime.now())
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Application> find(long id) {
        return jdbc.sql(SELECT + " where a.id = ?").param(id).query(this::row).optional();
    }

    boolean pendingExists(long tableId, Environment environment, GranteeType type, long granteeId) {
        return jdbc.sql("""
                select count(*) from access_applications
                where table_id = ? and environment = ? and grantee_type = ? and grantee_id = ? and status = 'PENDING'""")
                        .params(tableId, environment.name(), type.name(), granteeId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    boolean decide(long id, ApplicationStatus status, String decidedBy, String comment) {
        return jdbc.sql("""
                update access_applications set status = ?, decided_by = ?, decided_at = ?, decision_comment = ?
                where id = ? and status = 'PENDING'""")
                        .params(status.name(), decidedBy, OffsetDateTime.now(), comment, id)
                        .update()
                == 1;
    }

    /** In-progress or ended applications, of one applicant or of everyone, newest first. */
    PageResult<Application> list(boolean ended, String applicant, PageQuery page) {
        return new Filter()
                .and(ended ? "a.status <> 'PENDING'" : "a.status = 'PENDING'")
                .and("a.applicant = ?", applicant)
                .page(jdbc, "access_applications a", SELECT, "a.id desc", this::row, page);
    }

    private Application row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Application(
                rs.getLong("id"),
                rs.getString("table_name"),
                rs.getLong("table_id"),
                Environment.valueOf(rs.getString("environment")),
                rs.getString("applicant"),
                rs.getString("project_name"),
                GranteeType.valueOf(rs.getString("grantee_type")),
                rs.getString("grantee"),
                rs.getLong("grantee_id"),
                Arrays.stream(rs.getString("privileges").split(",")).map(Privilege::valueOf).toList(),
                access.readColumns(rs.getString("columns")),
                rs.getString("reason"),
                ApplicationStatus.valueOf(rs.getString("status")),
                rs.getObject("applied_at", OffsetDateTime.class),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("decision_comment"));
    }
}
