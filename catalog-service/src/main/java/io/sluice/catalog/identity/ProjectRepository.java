package io.sluice.catalog.identity;

import io.sluice.catalog.common.Filter;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class ProjectRepository {

    private static final RowMapper<Project> PROJECT = (rs, n) -> new Project(
            rs.getLong("id"), rs.getString("name"), rs.getString("display_name"), rs.getString("description"));
    private static final RowMapper<Member> MEMBER = (rs, n) -> new Member(
            rs.getString("project"), rs.getString("username"), ProjectRole.valueOf(rs.getString("role")));
    private static final String MEMBERS = """
            select p.name as project, u.username, m.role
            from project_members m join projects p on p.id = m.project_id join users u on u.id = m.user_id
            """;

    private final JdbcClient jdbc;

    ProjectRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Project insert(String name, String displayName, String description) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into projects (name, display_name, description, created_at) values (?, ?, ?, ?)")
                .params(name, displayName, description, OffsetDateTime.now())
                .update(keys, "id");
        return new Project(keys.getKey().longValue(), name, displayName, description);
    }

    boolean exists(String name) {
        return jdbc.sql("select count(*) from projects where lower(name) = lower(?)")
                        .param(name)
                        .query(Long.class)
                        .single()
                > 0;
    }

    Optional<Project> find(String name) {
        return jdbc.sql("select * from projects where name = ?").param(name).query(PROJECT).optional();
    }

    Optional<Project> findById(long id) {
        return jdbc.sql("select * from projects where id = ?").param(id).query(PROJECT).optional();
    }

    PageResult<Project> list(PageQuery page) {
        return new Filter().page(jdbc, "projects", "select * from projects", "name", PROJECT, page);
    }

    void putMember(long projectId, long userId, ProjectRole role) {
        int updated = jdbc.sql("update project_members set role = ? where project_id = ? and user_id = ?")
                .params(role.name(), projectId, userId)
                .update();
        if (updated == 0) {
            jdbc.sql("insert into project_members (project_id, user_id, role) values (?, ?, ?)")
                    .params(projectId, userId, role.name())
                    .update();
        }
    }

    boolean removeMember(long projectId, long userId) {
        return jdbc.sql("delete from project_members where project_id = ? and user_id = ?")
                        .params(projectId, userId)
                        .update()
                > 0;
    }

    List<Member> members(long projectId) {
        return jdbc.sql(MEMBERS + " where m.project_id = ? order by u.username").param(projectId).query(MEMBER).list();
    }

    List<Member> membershipsOf(long userId) {
        return jdbc.sql(MEMBERS + " where m.user_id = ? order by p.name").param(userId).query(MEMBER).list();
    }
}
