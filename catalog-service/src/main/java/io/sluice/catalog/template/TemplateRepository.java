package io.sluice.catalog.template;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.contract.TemplateParameterView;
import io.sluice.contract.TemplateView;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Template versions, of a project ({@code projectId}) or of the platform ({@code projectId} null: the presets).
 * Versions are only ever inserted.
 */
@Repository
class TemplateRepository {

    private static final TypeReference<List<TemplateParameterView>> PARAMETERS = new TypeReference<>() {};

    private static final String SELECT = """
            select v.*, p.name as project_name from template_versions v left join projects p on p.id = v.project_id
            """;

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    TemplateRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Versions of a name, newest first; empty when the owner has no template of that name. */
    List<TemplateView> versions(Long projectId, String name) {
        return jdbc.sql(SELECT + " where " + owner(projectId) + " and v.name = ? order by v.version desc")
                .params(params(projectId, name)).query(this::view).list();
    }

    Optional<TemplateView> newest(Long projectId, String name) {
        return versions(projectId, name).stream().findFirst();
    }

    /** The newest version of each of the owner's templates, by name. */
    List<TemplateView> newestOfEach(Long projectId) {
        return jdbc.sql(SELECT + " where " + owner(projectId) + """
                         and v.version = (select max(n.version) from template_versions n
                             where n.name = v.name and (n.project_id = v.project_id or (n.project_id is null and v.project_id is null)))
                        order by v.name""")
                .params(params(projectId)).query(this::view).list();
    }

    /** Stores the next version; a concurrent save of the same version fails on the unique key and changes nothing. */
    void insert(Long projectId, TemplateView version) {
        jdbc.sql("""
                insert into template_versions (project_id, name, version, description, sql_text, parameters, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, version.name(), version.version(), version.description(), version.sql(),
                        write(version.parameters()), version.createdBy(), OffsetDateTime.now())
                .update();
    }

    private static String owner(Long projectId) {
        return projectId == null ? "v.project_id is null" : "v.project_id = ?";
    }

    private static Object[] params(Long projectId, Object... more) {
        if (projectId == null) {
            return more;
        }
        Object[] all = new Object[more.length + 1];
        all[0] = projectId;
        System.arraycopy(more, 0, all, 1, more.length);
        return all;
    }

    private TemplateView view(ResultSet rs, int n) throws SQLException {
        try {
            return new TemplateView(rs.getString("name"), rs.getInt("version"), rs.getString("project_name"),
                    rs.getString("description"), rs.getString("sql_text"), json.readValue(rs.getString("parameters"), PARAMETERS),
                    rs.getString("created_by"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template " + rs.getString("name") + " has unreadable stored parameters", e);
        }
    }

    private String write(List<TemplateParameterView> parameters) {
        try {
            return json.writeValueAsString(parameters);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("template parameters always serialize", e);
        }
    }
}
