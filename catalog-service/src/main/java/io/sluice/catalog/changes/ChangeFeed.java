package io.sluice.catalog.changes;

import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ordered feed of catalog and access changes. Events are written in the transaction of the change
 * itself, so a reader never sees an event for a change that rolled back.
 */
@Service
public class ChangeFeed {

    public static final int MAX_BATCH = 1000;

    private final JdbcClient jdbc;

    ChangeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void record(ChangeKind kind, Environment environment, String table) {
        jdbc.sql("insert into change_events (at, kind, environment, table_name) values (?, ?, ?, ?)")
                .params(OffsetDateTime.now(), kind.name(), environment.name(), table)
                .update();
    }

    @Transactional
    public void recordConnection(Environment environment, String dataSource) {
        jdbc.sql("insert into change_events (at, kind, environment, data_source) values (?, ?, ?, ?)")
                .params(OffsetDateTime.now(), ChangeKind.CONNECTION.name(), environment.name(), dataSource)
                .update();
    }

    @Transactional
    public void recordQuota(String project) {
        jdbc.sql("insert into change_events (at, kind, project) values (?, ?, ?)")
                .params(OffsetDateTime.now(), ChangeKind.QUOTA.name(), project)
                .update();
    }

    /**
     * The id of the newest event, 0 before the first. Every change to what an environment's catalog shows records
     * an event in its own transaction, so a view of the catalog read after the head was {@code h} is current for as
     * long as the head stays {@code h} (given ids in commit order).
     */
    @Transactional(readOnly = true)
    public long head() {
        return jdbc.sql("select coalesce(max(id), 0) from change_events").query(Long.class).single();
    }

    /** Events after {@code after}, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ChangeEvent> after(long after, int limit) {
        return jdbc.sql("select * from change_events where id > ? order by id limit ?")
                .params(after, Math.min(Math.max(limit, 1), MAX_BATCH))
                .query((rs, n) -> new ChangeEvent(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class),
                        ChangeKind.valueOf(rs.getString("kind")),
                        rs.getString("environment") == null ? null : Environment.valueOf(rs.getString("environment")),
                        rs.getString("table_name"),
                        rs.getString("data_source"),
                        rs.getString("project")))
                .list();
    }
}
