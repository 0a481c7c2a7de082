package io.sluice.catalog.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.catalog.changes.ChangeFeed;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.identity.UserAccount;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each environment's catalog as the JSON the API answers, rendered once per head of the change feed. Building it
 * reads and renders every published table (tens of milliseconds at 10,000 tables), while every gateway reads it
 * whenever the feed says it changed; checking the head is one indexed query. The caller's right to read the
 * catalog is checked on every call, before anything cached is handed out.
 */
@Component
class RenderedCatalogs {

    /** A catalog as rendered after the feed's head was {@code head}. */
    private record Rendered(long head, byte[] json) {}

    private final TableService tables;
    private final ChangeFeed changes;
    private final ObjectMapper json;
    private final Map<Environment, Rendered> byEnvironment = new ConcurrentHashMap<>();

    RenderedCatalogs(TableService tables, ChangeFeed changes, ObjectMapper json) {
        this.tables = tables;
        this.changes = changes;
        this.json = json;
    }

    /** The catalog of {@code environment} for a user who may mount it, current as of this call. */
    @Transactional(readOnly = true)
    public byte[] json(UserAccount actor, Environment environment) {
        tables.requireCatalogReader(actor, environment);
        // read before the catalog: a change committed in between is in what is rendered, and only moves the head on
        long head = changes.end().lastId();
        Rendered cached = byEnvironment.get(environment);
        if (cached != null && cached.head() == head) {
            return cached.json();
        }
        Rendered rendered = new Rendered(head, render(tables.catalog(environment)));
        // of two readers rendering at once, the one that saw the newer head stays
        byEnvironment.merge(environment, rendered, (old, fresh) -> fresh.head() >= old.head() ? fresh : old);
        return rendered.json();
    }

    private byte[] render(Object catalog) {
        try {
            return json.writeValueAsBytes(catalog);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a catalog always renders", e);
        }
    }
}
