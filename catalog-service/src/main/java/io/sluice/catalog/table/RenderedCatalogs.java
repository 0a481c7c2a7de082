package io.sluice.catalog.table;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.changes.ChangeFeed;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.identity.UserAccount;
import io.sluice.contract.ChangeEvent;
import io.sluice.contract.ChangeKind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each environment's catalog as the JSON the API answers, kept per head of the change feed. Every gateway reads it
 * whenever the feed moved; checking the head is one indexed query. When the feed moved, only what it names is read
 * again: events of other kinds (grants, connections, quotas, functions) or other environments leave the catalog as it
 * was, and a few published tables are re-read and re-rendered alone ({@link CatalogRendering}); only a large change
 * renders the whole catalog again. The caller's right to read the catalog is checked on every call, before anything
 * kept is handed out.
 */
@Component
class RenderedCatalogs {

    /** Past this many changed tables, reading the whole catalog once is cheaper than reading them by name. */
    static final int MOST_TABLES_REREAD = 500;

    private final TableService tables;
    private final ChangeFeed changes;
    private final ObjectMapper json;
    private final Map<Environment, CatalogRendering> byEnvironment = new ConcurrentHashMap<>();

    RenderedCatalogs(TableService tables, ChangeFeed changes, ObjectMapper json) {
        this.tables = tables;
        this.changes = changes;
        this.json = json;
    }

    /** The catalog of {@code environment} for a user who may mount it, current as of this call. */
    @Transactional(readOnly = true)
    public byte[] json(UserAccount actor, Environment environment) {
        tables.requireCatalogReader(actor, environment);
        // read before the catalog: a change committed in between is in what is read, and only moves the head on
        long head = changes.end().lastId();
        CatalogRendering kept = byEnvironment.get(environment);
        if (kept != null && kept.head() == head) {
            return kept.json();
        }
        CatalogRendering rendered = kept == null ? null : caughtUp(kept, head, environment);
        if (rendered == null) {
            rendered = CatalogRendering.of(environment.spelling(), head, tables.catalogEntries(environment, null), json);
        }
        // of two readers rendering at once, the one that saw the newer head stays
        byEnvironment.merge(environment, rendered, (old, fresh) -> fresh.head() >= old.head() ? fresh : old);
        return rendered.json();
    }

    /**
     * The kept rendering brought to {@code head} by re-reading the tables the feed names since; null when the change is
     * too large for that (or names no table), and the whole catalog must be read. Ids follow commit order, so the
     * events up to a head read before are all there is.
     */
    private CatalogRendering caughtUp(CatalogRendering kept, long head, Environment environment) {
        if (head - kept.head() > ChangeFeed.MAX_BATCH) {
            return null;
        }
        List<ChangeEvent> events = changes.after(kept.head(), ChangeFeed.MAX_BATCH);
        Set<String> changed = new TreeSet<>();
        for (ChangeEvent event : events) {
            if (event.id() > head || event.kind() != ChangeKind.PUBLISHED
                    || !environment.spelling().equals(event.environment())) {
                continue;
            }
            if (event.table() == null || changed.size() == MOST_TABLES_REREAD) {
                return null;
            }
            changed.add(event.table());
        }
        return changed.isEmpty() ? kept.at(head)
                : kept.with(head, changed, tables.catalogEntries(environment, changed), json);
    }
}
