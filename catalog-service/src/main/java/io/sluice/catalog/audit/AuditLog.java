package io.sluice.catalog.audit;

import io.sluice.catalog.common.PageQuery;
import io.sluice.catalog.common.PageResult;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
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
        jdbc.sql("""
                insert into audit_entries (at, actor, action, object_type, object_name, outcome, detail)
                values (?, ?, ?, ?, ?, ?, ?)""")
                .params(OffsetDateTime.now(), actor, action, objectType, objectName, outcome.name(), truncate(detail))
                .update();
    }

    /** Which entries to list; every criterion is optional. */
    public record Query(
            String actor, String action, String objectType, String objectName, Outcome outcome,
            OffsetDateTime from, OffsetDateTime to) {}

    @Transactional(readOnly = true)
    public PageResult<AuditEntry> query(Query q, PageQuery page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        List<Object> params = new ArrayList<>();
        criterion(where, params, "actor = ?", q.actor());
        criterion(where, params, "action = ?", q.action());
        criterion(where, params, "object_type = ?", q.objectType());
        criterion(where, params, "object_name = ?", q.objectName());
        criterion(where, params, "outcome = ?", q.outcome() == null ? null : q.outcome().name());
        criterion(where, params, "at >= ?", q.from());
        criterion(where, params, "at < ?", q.to());
        long total = jdbc.sql("select count(*) from audit_entries" + where).params(params).query(Long.class).single();
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.size());
        pageParams.add(page.offset());
        List<AuditEntry> items = jdbc.sql("select * from audit_entries" + where + " order by id desc limit ? offset ?")
                .params(pageParams)
                .query((rs, n) -> new AuditEntry(
                        rs.getLong("id"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getString("action"),
                        rs.getString("object_type"),
                        rs.getString("object_name"),
                        Outcome.valueOf(rs.getString("outcome")),
                        rs.getString("detail")))
                .list();
        return page.result(items, total);
    }

    private static void criterion(StringBuilder where, List<Object> params, String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            params.add(value);
        }
    }

    private static String truncate(String detail) {
        return detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }
}
