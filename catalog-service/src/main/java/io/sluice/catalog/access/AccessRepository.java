package io.sluice.catalog.access;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Grants, public flags and blacklist entries, per table and environment. */
@Repository
class AccessRepository {

    private static final String SELECT_GRANT = """
            select g.*, t.name as table_name,
                   case when g.grantee_type = 'PROJECT' then p.name else u.username end as grantee
            from grants g
            join catalog_tables t on t.id = g.table_id
            left join projects p on g.grantee_type = 'PROJECT' and p.id = g.grantee_id
            left join users u on g.grantee_type = 'USER' and u.id = g.grantee_id
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    AccessRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    List<Grant> grants(long tableId, Environment environment) {
        return jdbc.sql(SELECT_GRANT + " where g.table_id = ? and g.environment = ? order by g.id")
                .params(tableId, environment.name())
                .query(this::grantRow)
                .list();
    }

    Optional<Grant> grant(long id) {
        return jdbc.sql(SELECT_GRANT + " where g.id = ?").param(id).query(this::grantRow).optional();
    }

    private Grant grantRow(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Grant(
                rs.getLong("id"),
                rs.getString("table_name"),
                Environment.valueOf(rs.getString("environment")),
                GranteeType.valueOf(rs.getString("grantee_type")),
                rs.getString("grantee"),
                Privilege.valueOf(rs.getString("privilege")),
                readColumns(rs.getString("columns")),
                (Long) rs.getObject("application_id", Long.class),
                rs.getString("granted_by"),
                rs.getObject("granted_at", OffsetDateTime.class));
    }

    /**
     * Writes a grant, merging with what the grantee already holds: a whole-table grant absorbs a column
     * grant, and column grants add up.
     */
    void grant(long tableId, Environment environment, GranteeType type, long granteeId, Privilege privilege,
               List<String> columns, Long applicationId, String grantedBy) {
        Optional<String> existing = jdbc.sql("""
                select coalesce(columns, '*') from grants
                where table_id = ? and environment = ? and grantee_type = ? and grantee_id = ? and privilege = ?""")
                .params(tableId, environment.name(), type.name(), granteeId, privilege.name())
                .query(String.class)
                .optional();
        List<String> merged = columns;
        if (existing.isPresent()) {
            if (existing.get().equals("*")) {
                return;
            }
            if (columns != null) {
                Set<String> union = new java.util.LinkedHashSet<>(readColumns(existing.get()));
                union.addAll(columns);
                merged = List.copyOf(union);
            }
            jdbc.sql("delete from grants where table_id = ? and environment = ? and grantee_type = ? and grantee_id = ? and privilege = ?")
                    .params(tableId, environment.name(), type.name(), granteeId, privilege.name())
                    .update();
        }
        jdbc.sql("""
                insert into grants (table_id, environment, grantee_type, grantee_id, privilege, columns, application_id, granted_by, granted_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(tableId, environment.name(), type.name(), granteeId, privilege.name(),
                        merged == null ? null : writeColumns(merged), applicationId, grantedBy, OffsetDateTime.now())
                .update();
    }

    boolean revoke(long grantId) {
        return jdbc.sql("delete from grants where id = ?").param(grantId).update() > 0;
    }

    boolean isPublic(long tableId, Environment environment) {
        return jdbc.sql("select count(*) from public_tables where table_id = ? and environment = ?")
                        .params(tableId, environment.name())
                        .query(Long.class)
                        .single()
                > 0;
    }

    void setPublic(long tableId, Environment environment, boolean isPublic, String by) {
        jdbc.sql("delete from public_tables where table_id = ? and environment = ?").params(tableId, environment.name()).update();
        if (isPublic) {
            jdbc.sql("insert into public_tables (table_id, environment, set_by, set_at) values (?, ?, ?, ?)")
                    .params(tableId, environment.name(), by, OffsetDateTime.now())
                    .update();
        }
    }

    Set<String> blacklisted(long tableId, Environment environment, GranteeType type) {
        String name = type == GranteeType.PROJECT ? "(select name from projects where id = b.subject_id)" : "(select username from users where id = b.subject_id)";
        return new HashSet<>(jdbc.sql("select " + name + " from blacklist_entries b where b.table_id = ? and b.environment = ? and b.subject_type = ?")
                .params(tableId, environment.name(), type.name())
                .query(String.class)
                .list());
    }

    void blacklist(long tableId, Environment environment, GranteeType type, long subjectId, boolean listed, String by) {
        jdbc.sql("delete from blacklist_entries where table_id = ? and environment = ? and subject_type = ? and subject_id = ?")
                .params(tableId, environment.name(), type.name(), subjectId)
                .update();
        if (listed) {
            jdbc.sql("insert into blacklist_entries (table_id, environment, subject_type, subject_id, added_by, added_at) values (?, ?, ?, ?, ?, ?)")
                    .params(tableId, environment.name(), type.name(), subjectId, by, OffsetDateTime.now())
                    .update();
        }
    }

    String writeColumns(List<String> columns) {
        try {
            return json.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string list always serializes", e);
        }
    }

    List<String> readColumns(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, new TypeReference<List<String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored columns are not JSON", e);
        }
    }
}
