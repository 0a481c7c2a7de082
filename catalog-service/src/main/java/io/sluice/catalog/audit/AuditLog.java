package io.sluice.catalog.audit;

import io.sluice.catalog.common.Filter;
import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import java.time.OffsetDateTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and queries the audit log. */
@Service
public class AuditLog {

    private static final int MAX_DETAIL = 2000;

    private final JdbcClient jdbc;

    AuditLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records an entry in a transaction of its own, so that a refusal that rolls back work is still logged. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(String actor, String action, String objectType, String objectName, Outcome outcome, String detail) {
        record(actor, null, action, objectType, objectName, outcome, detail);
    }

    /** The same, for an actor (the gateway) that acted on behalf of an end user ({@link OnBehalfOf}). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void record(
            String actor, String onBehalfOf, String action, String objectType, String objectName, Outcome outcome, String detail) {
        jdbc.sql("""
                insert into audit_entries (at, actor, on_behalf_of, action, object_type, object_name, outcome, detail)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.now(), actor, onBehalfOf, action, objectType, objectName, outcome.name(), truncate(detail))
                .update();
    }

    /** Which entries to list; every criterion is optional. */
    public record Query(
            String actor, String onBehalfOf, String action, String objectType, String objectName, Outcome outcome,
            OffsetDateTime from, OffsetDateTime to) {}

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> query(Query q, PageQuery page) {
        return new Filter()
                .and("actor = ?", q.actor())
                .and("on_behalf_of = ?", q.onBehalfOf())
                .and("action = ?", q.action())
                .and("object_type = ?", q.objectType())
                .and("object_name = ?", q.objectName())
                .and("outcome = ?", q.outcome() == null ? null : q.outcome().name())
                .and("at >= ?", q.from())
                .and("at < ?", q.to())
                .page(jdbc, "audit_entries", "select * from audit_entries", "id desc", AuditLog::entry, page);
    }

    private static AuditEntry entry(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new AuditEntry(
                rs.getLong("id"),
                rs.getObject("at", OffsetDateTime.class),
                rs.getString("actor"),
                rs.getString("on_behalf_of"),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_name"),
                Outcome.valueOf(rs.getString("outcome")),
                rs.getString("detail"));
    }


    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
