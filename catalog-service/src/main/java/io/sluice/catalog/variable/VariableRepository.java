package io.sluice.catalog.variable;

import io.sluice.catalog.common.Environment;
import io.sluice.catalog.datasource.SecretCipher;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Stores project variables; a secret's value is sealed on the way in and opened on the way out. */
@Repository
class VariableRepository {

    private final JdbcClient jdbc;
    private final SecretCipher cipher;

    VariableRepository(JdbcClient jdbc, SecretCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    /** Every value of the project's variables by name, the project's first; secret values left out. */
    List<StoredVariable> shown(long projectId) {
        return all(projectId, false);
    }

    /** The same with every value, secrets opened. */
    List<StoredVariable> opened(long projectId) {
        return all(projectId, true);
    }

    /** Sets the value for the project ({@code environment} null) or one environment, replacing the one it had. */
    void put(long projectId, StoredVariable variable, String user) {
        delete(projectId, variable.name(), variable.environment());
        jdbc.sql("""
                insert into project_variables (project_id, name, environment, kind, value_text, secret, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(projectId, variable.name(), variable.environment() == null ? null : variable.environment().name(),
                        variable.kind().name(), variable.secret() ? cipher.seal(variable.value()) : variable.value(),
                        variable.secret(), user, OffsetDateTime.now())
                .update();
    }

    boolean delete(long projectId, String name, Environment environment) {
        return (environment == null
                        ? jdbc.sql("delete from project_variables where project_id = ? and name = ? and environment is null")
                                .params(projectId, name)
                        : jdbc.sql("delete from project_variables where project_id = ? and name = ? and environment = ?")
                                .params(projectId, name, environment.name()))
                .update() > 0;
    }

    private List<StoredVariable> all(long projectId, boolean openSecrets) {
        return jdbc.sql("select * from project_variables where project_id = ? order by name, environment nulls first")
                .param(projectId)
                .query((rs, n) -> row(rs, openSecrets))
                .list();
    }

    private StoredVariable row(ResultSet rs, boolean openSecrets) throws SQLException {
        String environment = rs.getString("environment");
        boolean secret = rs.getBoolean("secret");
        String value = !secret ? rs.getString("value_text") : openSecrets ? cipher.open(rs.getString("value_text")) : null;
        return new StoredVariable(rs.getString("name"), environment == null ? null : Environment.valueOf(environment),
                VariableKind.valueOf(rs.getString("kind")), value, secret);
    }
}
