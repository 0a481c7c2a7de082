package io.sluice.catalog.changes;

import io.sluice.catalog.common.Environment;
import io.sluice.contract.ChangeEvent;
import io.sluice.contract.ChangeFeedEnd;
import io.sluice.contract.ChangeKind;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ordered feed of catalog and access changes, read by gateways as "events after the last id I saw".
 *
 * <p>That read is only safe if ids grow in the order changes commit. So a change does not take its id when it is
 * recorded: its events wait in the transaction and are numbered just before it commits, from a one-row counter
 * whose row lock is held until the commit. The next change's events are numbered only after this one committed,
 * so no event can become visible after one with a higher id. Numbering is the last thing a transaction does, so
 * the counter's lock is never held while waiting for another lock, and a rolled-back change leaves no event.
 */
@Service
public class ChangeFeed {

    public static final int MAX_BATCH = 1000;

    private final JdbcClient jdbc;

    ChangeFeed(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private record Pending(
            ChangeKind kind, Environment environment, String table, String dataSource, String project, String function) {}

    @Transactional
    public void record(ChangeKind kind, Environment environment, String table) {
        pend(new Pending(kind, environment, table, null, null, null));
    }

    @Transactional
    public void recordConnection(Environment environment, String dataSource) {
        pend(new Pending(ChangeKind.CONNECTION, environment, null, dataSource, null, null));
    }

    @Transactional
    public void recordQuota(String project) {
        pend(new Pending(ChangeKind.QUOTA, null, null, null, project, null));
    }

    @Transactional
    public void recordFunction(String project, Environment environment, String function) {
        pend(new Pending(ChangeKind.FUNCTION, environment, null, null, project, function));
    }

    /** Events after {@code after}, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<ChangeEvent> after(long after, int limit) {
        return jdbc.sql("select * from change_events where id > ? order by id limit ?")
                .params(after, Math.min(Math.max(limit, 1), MAX_BATCH))
                .query((rs, n) -> new ChangeEvent(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        ChangeKind.valueOf(rs.getString("kind")),
                        rs.getString("environment") == null
                                ? null
                                : Environment.valueOf(rs.getString("environment")).spelling(),
                        rs.getString("table_name"),
                        rs.getString("data_source"),
                        rs.getString("project"),
                        rs.getString("function_name")))
                .list();
    }

    /**
     * Where the feed ends now: a reader with nothing cached starts here. Every change to what an environment's
     * catalog shows records an event in its own transaction, and ids follow commit order, so a view read after the
     * end was {@code n} is current for as long as the end stays {@code n}.
     */
    @Transactional(readOnly = true)
    public ChangeFeedEnd end() {
        return new ChangeFeedEnd(jdbc.sql("select last_id from change_feed_end where id = 1").query(Long.class).single());
    }

    @SuppressWarnings("unchecked")
    private void pend(Pending event) {
        List<Pending> pending = (List<Pending>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Pending> events = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, events);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    number(events);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResource(ChangeFeed.this);
                }
            });
            pending = events;
        }
        pending.add(event);
    }

    private void number(List<Pending> events) {
        // the update takes the counter's row lock, held until this transaction commits
        jdbc.sql("update change_feed_end set last_id = last_id + ? where id = 1").param(events.size()).update();
        long id = jdbc.sql("select last_id from change_feed_end where id = 1").query(Long.class).single() - events.size();
        OffsetDateTime at = OffsetDateTime.now();
        for (Pending event : events) {
            jdbc.sql("insert into change_events (id, at, kind, environment, table_name, data_source, project, function_name) "
                            + "values (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(++id, at, event.kind().name(),
                            event.environment() == null ? null : event.environment().name(),
                            event.table(), event.dataSource(), event.project(), event.function())
                    .update();
        }
    }
}
