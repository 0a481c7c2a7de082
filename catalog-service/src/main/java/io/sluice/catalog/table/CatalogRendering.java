package io.sluice.catalog.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.sluice.contract.DatabaseView;
import io.sluice.contract.EnvironmentCatalogView;
import java.io.ByteArrayOutputStream;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One environment's catalog JSON, kept table by table, so that a change re-reads and re-renders only the tables it
 * names: at 10,000 tables, rendering all of them after every description edit took most of a second. The whole
 * answer is the kept pieces joined, byte for byte what rendering the {@link EnvironmentCatalogView} at once gives
 * (the envelopes are rendered by the same mapper, and tables and databases kept in name order, as the catalog read
 * orders them). Immutable: a change makes a new rendering.
 */
final class CatalogRendering {

    /** What closes an envelope after its list: {@code ]}}. */
    private static final byte[] CLOSE = {']', '}'};

    /** A data source's tables, rendered, by name. */
    private record Database(String kind, TreeMap<String, byte[]> tables) {}

    private final String environment;
    private final long head;
    private final TreeMap<String, Database> databases;
    private final byte[] json;

    private CatalogRendering(String environment, long head, TreeMap<String, Database> databases, ObjectMapper mapper) {
        this.environment = environment;
        this.head = head;
        this.databases = databases;
        this.json = join(mapper);
    }

    private CatalogRendering(CatalogRendering same, long head) {
        this.environment = same.environment;
        this.head = head;
        this.databases = same.databases;
        this.json = same.json;
    }

    /** The catalog of {@code entries}, all the tables published to the environment, current at feed head {@code head}. */
    static CatalogRendering of(String environment, long head, List<TableService.CatalogEntry> entries, ObjectMapper mapper) {
        TreeMap<String, Database> databases = new TreeMap<>();
        add(databases, entries, mapper);
        return new CatalogRendering(environment, head, databases, mapper);
    }

    long head() {
        return head;
    }

    byte[] json() {
        return json;
    }

    /** The same catalog, current at a later head: nothing between changed what it shows. */
    CatalogRendering at(long laterHead) {
        return new CatalogRendering(this, laterHead);
    }

    /**
     * This catalog with the tables named {@code changed} as {@code entries} has them now (a changed table missing
     * from the entries is no longer published here).
     */
    CatalogRendering with(long laterHead, Collection<String> changed, List<TableService.CatalogEntry> entries,
            ObjectMapper mapper) {
        TreeMap<String, Database> copy = new TreeMap<>();
        databases.forEach((name, database) -> {
            TreeMap<String, byte[]> tables = new TreeMap<>(database.tables());
            tables.keySet().removeAll(changed);
            if (!tables.isEmpty()) {
                copy.put(name, new Database(database.kind(), tables));
            }
        });
        add(copy, entries, mapper);
        return new CatalogRendering(environment, laterHead, copy, mapper);
    }

    private static void add(TreeMap<String, Database> databases, List<TableService.CatalogEntry> entries,
            ObjectMapper mapper) {
        for (TableService.CatalogEntry entry : entries) {
            databases.computeIfAbsent(entry.database(), name -> new Database(entry.databaseKind(), new TreeMap<>()))
                    .tables().put(entry.table().name(), render(mapper, entry.table()));
        }
    }

    private byte[] join(ObjectMapper mapper) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(estimatedSize());
        writeOpen(out, render(mapper, new EnvironmentCatalogView(environment, List.of())));
        boolean firstDatabase = true;
        for (Map.Entry<String, Database> database : databases.entrySet()) {
            if (!firstDatabase) {
                out.write(',');
            }
            firstDatabase = false;
            writeOpen(out, render(mapper, new DatabaseView(database.getKey(), database.getValue().kind(), List.of())));
            boolean firstTable = true;
            for (byte[] table : database.getValue().tables().values()) {
                if (!firstTable) {
                    out.write(',');
                }
                firstTable = false;
                out.writeBytes(table);
            }
            out.writeBytes(CLOSE);
        }
        out.writeBytes(CLOSE);
        return out.toByteArray();
    }

    /** An object whose last field is an empty list ({@code {…,"tables":[]}}), open for the list's elements. */
    private static void writeOpen(ByteArrayOutputStream out, byte[] withEmptyList) {
        int open = withEmptyList.length - CLOSE.length;
        if (open < 1 || withEmptyList[open - 1] != '[' || withEmptyList[open] != ']' || withEmptyList[open + 1] != '}') {
            throw new IllegalStateException("a catalog envelope ends with its (empty) list of tables or databases");
        }
        out.write(withEmptyList, 0, open);
    }

    private int estimatedSize() {
        int size = 64;
        for (Database database : databases.values()) {
            for (byte[] table : database.tables().values()) {
                size += table.length + 1;
            }
        }
        return size;
    }

    private static byte[] render(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a catalog always renders", e);
        }
    }
}
