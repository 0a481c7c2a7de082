package io.sluice.catalog.quota;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A project's own quota values, kept on its row of {@code projects}. */
@Repository
class QuotaRepository {

    private final JdbcClient jdbc;

    QuotaRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<QuotaSettings> find(String project) {
        return jdbc.sql("select max_parallelism, max_task_slots, max_sessions_per_user from projects where name = ?")
                .param(project)
                .query((rs, n) -> new QuotaSettings(
                        rs.getObject("max_parallelism", Integer.class),
                        rs.getObject("max_task_slots", Integer.class),
                        rs.getObject("max_sessions_per_user", Integer.class)))
                .optional();
    }

    void save(String project, QuotaSettings quota) {
        jdbc.sql("update projects set max_parallelism = ?, max_task_slots = ?, max_sessions_per_user = ? where name = ?")
                .params(quota.maxParallelism(), quota.maxTaskSlots(), quota.maxSessionsPerUser(), project)
                .update();
    }
}
