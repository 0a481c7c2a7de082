package io.sluice.catalog.datasource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Filter;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** Stores data sources; connection secrets are sealed on the way in and opened on the way out. */
@Repository
class DataSourceRepository {

    private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final ObjectMapper json;

    DataSourceRepository(JdbcClient jdbc, SecretCipher cipher, ObjectMapper json) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.json = json;
    }

    long insert(DataSourceService.NewDataSource source, String createdBy) {
        var now = OffsetDateTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into data_sources (name, kind, management_mode, environment_scope, description, created_by, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(source.name(), source.kind().name(), source.managementMode().name(),
                        source.environmentScope().name(), source.description(), createdBy, now, now)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        source.connections().forEach((env, config) -> insertConnection(id, env, config));
        return id;
    }

    void replaceConnection(long id, Environment environment, ConnectionConfig config) {
        jdbc.sql("delete from data_source_connections where data_source_id = ? and environment = ?")
                .params(id, environment.name())
                .update();
        insertConnection(id, environment, config);
        jdbc.sql("update data_sources set updated_at = ? where id = ?").params(OffsetDateTime.now(), id).update();
    }

    void updateDescription(long id, String description) {
        jdbc.sql("update data_sources set description = ?, updated_at = ? where id = ?")
                .params(description, OffsetDateTime.now(), id)
                .update();
    }

    boolean exists(String name) {
        return jdbc.sql("select count(*) from data_sources where lower(name) = lower(?)").param(name).query(Long.class).single() > 0;
    }

    Optional<DataSource> find(String name) {
        return jdbc.sql("select * from data_sources where name = ?").param(name).query(this::row).optional();
    }

    Optional<DataSource> findById(long id) {
        return jdbc.sql("select * from data_sources where id = ?").param(id).query(this::row).optional();
    }

    PageResult<DataSource> list(PageQuery page) {
        return new Filter().page(jdbc, "data_sources", "select * from data_sources", "name", this::row, page);
    }

    private void insertConnection(long id, Environment environment, ConnectionConfig config) {
        jdbc.sql("insert into data_source_connections (data_source_id, environment, properties, sealed_secrets) values (?, ?, ?, ?)")
                .params(id, environment.name(), write(config.properties()),
                        config.secrets().isEmpty() ? null : cipher.seal(write(config.secrets())))
                .update();
    }

    private DataSource row(ResultSet rs, int n) throws SQLException {
        long id = rs.getLong("id");
        Map<Environment, ConnectionConfig> connections = new EnumMap<>(Environment.class);
        jdbc.sql("select environment, properties, sealed_secrets from data_source_connections where data_source_id = ?")
                .param(id)
                .query((c, i) -> {
                    String sealed = c.getString("sealed_secrets");
                    connections.put(
                            Environment.valueOf(c.getString("environment")),
                            new ConnectionConfig(read(c.getString("properties")), sealed == null ? Map.of() : read(cipher.open(sealed))));
                    return null;
                })
                .list();
        return new DataSource(
                id,
                rs.getString("name"),
                DataSourceKind.valueOf(rs.getString("kind")),
                ManagementMode.valueOf(rs.getString("management_mode")),
                EnvironmentScope.valueOf(rs.getString("environment_scope")),
                rs.getString("description"),
                connections,
                rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("updated_at", OffsetDateTime.class));
    }

    private String write(Map<String, String> map) {
        try {
            return json.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string map always serializes", e);
        }
    }

    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, STRING_MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored connection config is not JSON", e);
        }
    }
}
