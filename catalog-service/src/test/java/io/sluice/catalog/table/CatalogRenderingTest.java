package io.sluice.catalog.table;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.contract.ColumnView;
import io.sluice.contract.TableView;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A catalog kept table by table renders byte for byte as the whole view does, before and after changes. */
class CatalogRenderingTest {

    /** As the service's mapper writes: without null fields. */
    private final ObjectMapper mapper = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    @Test
    void joinedPiecesAreTheWholeViewRendered() throws Exception {
        List<TableService.CatalogEntry> entries = List.of(
                entry("kafka_a", "alpha", "first \"quoted\" \u00e9"),
                entry("kafka_a", "beta", null),
                entry("pg_b", "gamma", "a table"));
        CatalogRendering rendering = CatalogRendering.of("test", 7, entries, mapper);
        assertThat(new String(rendering.json())).isEqualTo(whole(entries));
        assertThat(rendering.head()).isEqualTo(7);
        assertThat(rendering.at(9).json()).isSameAs(rendering.json());
    }

    @Test
    void aChangeReplacesDropsAndAddsOnlyTheTablesItNames() throws Exception {
        List<TableService.CatalogEntry> before = List.of(
                entry("kafka_a", "alpha", "old"), entry("kafka_a", "beta", null), entry("pg_b", "gamma", "only one"));
        CatalogRendering rendering = CatalogRendering.of("test", 1, before, mapper);

        // alpha edited, gamma no longer published (its database goes with it), delta new in a new database
        List<TableService.CatalogEntry> changed = List.of(entry("kafka_a", "alpha", "new"), entry("redis_c", "delta", "x"));
        CatalogRendering after = rendering.with(2, Set.of("alpha", "gamma", "delta"), changed, mapper);

        List<TableService.CatalogEntry> now = List.of(
                entry("kafka_a", "alpha", "new"), entry("kafka_a", "beta", null), entry("redis_c", "delta", "x"));
        assertThat(new String(after.json())).isEqualTo(whole(now));
        assertThat(after.head()).isEqualTo(2);
        assertThat(new String(rendering.json())).as("the kept rendering is unchanged").isEqualTo(whole(before));

        CatalogRendering empty = after.with(3, Set.of("alpha", "beta", "delta"), List.of(), mapper);
        assertThat(new String(empty.json())).isEqualTo("{\"environment\":\"test\",\"databases\":[]}");
    }

    private static TableService.CatalogEntry entry(String database, String table, String description) {
        return new TableService.CatalogEntry(database, database.substring(0, database.indexOf('_')), new TableView(
                table, table.toUpperCase(), "proj", "topic", "append", "json", 3, 24L, description, 1,
                List.of(new ColumnView("id", "BIGINT NOT NULL", null), new ColumnView("name", "STRING", "who")),
                List.of("id"), null, List.of()));
    }

    /** The catalog view of the entries, rendered at once. */
    private String whole(List<TableService.CatalogEntry> entries) throws Exception {
        return mapper.writeValueAsString(TableService.catalogOf("test", entries));
    }
}
