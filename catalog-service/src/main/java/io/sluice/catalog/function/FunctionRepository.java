package io.sluice.catalog.function;

import io.sluice.catalog.common.Environment;
import io.sluice.catalog.workflow.PublishStatus;
import io.sluice.contract.ActiveFunctionView;
import io.sluice.contract.FunctionJobView;
import io.sluice.udf.DeclaredFunction;
import io.sluice.udf.ValidatedArtifact;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class FunctionRepository {

    private static final RowMapper<FunctionVersion> VERSION = (rs, n) -> new FunctionVersion(
            rs.getInt("version"),
            rs.getString("kind"),
            rs.getString("class_name"),
            rs.getString("description"),
            rs.getString("sha256"),
            rs.getLong("size_bytes"),
            rs.getString("origin"),
            rs.getString("created_by"),
            rs.getObject("created_at", OffsetDateTime.class));

    private static final String REQUESTS = """
            select r.*, f.name as function_name, p.name as project_name
            from function_activation_requests r
            join functions f on f.id = r.function_id
            join projects p on p.id = f.project_id
            """;

    private static final RowMapper<ActivationRequest> REQUEST = (rs, n) -> new ActivationRequest(
            rs.getLong("id"),
            rs.getLong("function_id"),
            rs.getString("project_name"),
            rs.getString("function_name"),
            Environment.valueOf(rs.getString("environment")),
            rs.getInt("version"),
            PublishStatus.valueOf(rs.getString("status")),
            rs.getString("requested_by"),
            rs.getObject("requested_at", OffsetDateTime.class),
            rs.getString("request_comment"),
            rs.getString("decided_by"),
            rs.getObject("decided_at", OffsetDateTime.class),
            rs.getString("decision_comment"));

    private final JdbcClient jdbc;

    FunctionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The project's artifact with these bytes, stored once however often it is uploaded. */
    long artifact(long projectId, ValidatedArtifact artifact, String origin, String user) {
        Optional<Long> existing = jdbc.sql("select id from function_artifacts where project_id = ? and sha256 = ?")
                .params(projectId, artifact.sha256()).query(Long.class).optional();
        if (existing.isPresent()) {
            return existing.get();
        }
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into function_artifacts (project_id, sha256, size_bytes, content, origin, uploaded_by, uploaded_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(projectId, artifact.sha256(), artifact.size(), artifact.jar(), origin, user, OffsetDateTime.now())
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<byte[]> artifactContent(long projectId, String sha256) {
        return jdbc.sql("select content from function_artifacts where project_id = ? and sha256 = ?")
                .params(projectId, sha256).query((rs, n) -> rs.getBytes("content")).optional();
    }

    Optional<Long> function(long projectId, String name) {
        return jdbc.sql("select id from functions where project_id = ? and name = ?")
                .params(projectId, name).query(Long.class).optional();
    }

    long insertFunction(long projectId, String name, String user) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into functions (project_id, name, created_by, created_at) values (?, ?, ?, ?)")
                .params(projectId, name, user, OffsetDateTime.now()).update(key, "id");
        return key.getKey().longValue();
    }

    List<String> names(long projectId) {
        return jdbc.sql("select name from functions where project_id = ? order by name").param(projectId).query(String.class).list();
    }

    /** Versions, newest first. */
    List<FunctionVersion> versions(long functionId) {
        return jdbc.sql("""
                        select v.*, a.sha256, a.size_bytes, a.origin from function_versions v
                        join function_artifacts a on a.id = v.artifact_id
                        where v.function_id = ? order by v.version desc""")
                .param(functionId).query(VERSION).list();
    }

    void insertVersion(long functionId, int version, long artifactId, DeclaredFunction declared, String user) {
        jdbc.sql("insert into function_versions (function_id, version, artifact_id, class_name, kind, description, created_by, created_at) "
                        + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(functionId, version, artifactId, declared.className(), declared.kind().spelling(),
                        declared.description(), user, OffsetDateTime.now())
                .update();
    }

    boolean deleteVersion(long functionId, int version) {
        return jdbc.sql("delete from function_versions where function_id = ? and version = ?")
                .params(functionId, version).update() == 1;
    }

    /** Environment spelling → active version. */
    Map<String, Integer> active(long functionId) {
        Map<String, Integer> active = new LinkedHashMap<>();
        jdbc.sql("select environment, version from function_activations where function_id = ? order by environment desc")
                .param(functionId)
                .query(rs -> {
                    active.put(Environment.valueOf(rs.getString("environment")).spelling(), rs.getInt("version"));
                });
        return active;
    }

    void activate(long functionId, Environment environment, int version, String user) {
        jdbc.sql("delete from function_activations where function_id = ? and environment = ?")
                .params(functionId, environment.name()).update();
        jdbc.sql("insert into function_activations (function_id, environment, version, activated_by, activated_at) values (?, ?, ?, ?, ?)")
                .params(functionId, environment.name(), version, user, OffsetDateTime.now()).update();
    }

    /** Every function a project runs in an environment, with its artifact, in one query. */
    List<ActiveFunctionView> activeIn(long projectId, Environment environment) {
        return jdbc.sql("""
                        select f.name, v.kind, v.class_name, v.description, v.version, a.sha256
                        from function_activations x
                        join functions f on f.id = x.function_id
                        join function_versions v on v.function_id = x.function_id and v.version = x.version
                        join function_artifacts a on a.id = v.artifact_id
                        where f.project_id = ? and x.environment = ?
                        order by f.name""")
                .params(projectId, environment.name())
                .query((rs, n) -> new ActiveFunctionView(
                        rs.getString("name"), rs.getString("kind"), rs.getString("class_name"),
                        rs.getString("description"), rs.getInt("version"), rs.getString("sha256")))
                .list();
    }

    List<String> jobsUsing(long functionId, int version) {
        return jdbc.sql("select job_id, job_name from function_version_jobs where function_id = ? and version = ? order by job_id")
                .params(functionId, version)
                .query((rs, n) -> rs.getString("job_name") == null
                        ? rs.getString("job_id")
                        : rs.getString("job_name") + " (" + rs.getString("job_id") + ")")
                .list();
    }

    void putJob(long functionId, int version, String jobId, String jobName) {
        jdbc.sql("delete from function_version_jobs where function_id = ? and version = ? and job_id = ?")
                .params(functionId, version, jobId).update();
        jdbc.sql("insert into function_version_jobs (function_id, version, job_id, job_name, reported_at) values (?, ?, ?, ?, ?)")
                .params(functionId, version, jobId, jobName, OffsetDateTime.now()).update();
    }

    List<FunctionJobView> jobs() {
        return jdbc.sql("""
                        select distinct p.name, j.job_id
                        from function_version_jobs j
                        join functions f on f.id = j.function_id
                        join projects p on p.id = f.project_id
                        order by p.name, j.job_id""")
                .query((rs, n) -> new FunctionJobView(rs.getString("name"), rs.getString("job_id")))
                .list();
    }

    int removeJob(long projectId, String jobId) {
        return jdbc.sql("delete from function_version_jobs where job_id = ? and function_id in (select id from functions where project_id = ?)")
                .params(jobId, projectId).update();
    }

    long insertRequest(long functionId, Environment environment, int version, String user, String comment) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into function_activation_requests (function_id, environment, version, status, requested_by, requested_at, request_comment) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")
                .params(functionId, environment.name(), version, PublishStatus.PENDING.name(), user, OffsetDateTime.now(), comment)
                .update(key, "id");
        return key.getKey().longValue();
    }

    Optional<ActivationRequest> request(long id) {
        return jdbc.sql(REQUESTS + " where r.id = ?").param(id).query(REQUEST).optional();
    }

    List<ActivationRequest> pending(long functionId) {
        return jdbc.sql(REQUESTS + " where r.function_id = ? and r.status = 'PENDING' order by r.id")
                .param(functionId).query(REQUEST).list();
    }

    List<ActivationRequest> requests(PublishStatus status) {
        return jdbc.sql(REQUESTS + " where r.status = ? order by r.id").param(status.name()).query(REQUEST).list();
    }

    /** Decides a request that is still pending; false when someone else decided it first. */
    boolean decide(long id, PublishStatus status, String user, String comment) {
        return jdbc.sql("update function_activation_requests set status = ?, decided_by = ?, decided_at = ?, decision_comment = ? "
                        + "where id = ? and status = 'PENDING'")
                .params(status.name(), user, OffsetDateTime.now(), comment, id).update() == 1;
    }
}
