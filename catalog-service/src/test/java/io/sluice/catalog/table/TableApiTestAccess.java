package io.sluice.catalog.table;

import java.util.List;
import java.util.Map;

/** Table bodies other packages' tests design with. */
public final class TableApiTestAccess {

    private TableApiTestAccess() {}

    public static Map<String, Object> topic(String name, String project, String kind, List<String> key) {
        return TableApiTest.topic(name, project, kind, TableApiTest.orderColumns(), key);
    }
}
