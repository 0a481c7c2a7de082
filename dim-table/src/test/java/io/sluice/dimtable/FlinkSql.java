package io.sluice.dimtable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.java.typeutils.RowTypeInfo;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.types.Row;
import org.apache.flink.util.CloseableIterator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs lookup joins on a local Flink mini cluster. */
final class FlinkSql {

    private final StreamExecutionEnvironment env;
    final StreamTableEnvironment tEnv;

    FlinkSql() {
        this(new Configuration());
    }

    FlinkSql(Configuration configuration) {
        env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);
        env.setParallelism(1);
        tEnv = StreamTableEnvironment.create(env);
    }

    /** Registers a bounded probe stream {@code name} with the given columns and a {@code proc_time}. */
    FlinkSql probe(String name, String[] columns, TypeInformation<?>[] types, Row... rows) {
        RowTypeInfo typeInfo = new RowTypeInfo(types, columns);
        tEnv.createTemporaryView(
                name,
                tEnv.fromDataStream(
                        env.fromData(typeInfo, rows),
                        Schema.newBuilder().columnByExpression("proc_time", "PROCTIME()").build()));
        return this;
    }

    /** CREATE TABLE name (columns) WITH ('connector' = 'dim', options). */
    FlinkSql dimTable(String name, String columns, Map<String, String> options) {
        String with =
                options.entrySet().stream()
                        .map(e -> String.format("'%s' = '%s'", e.getKey(), e.getValue()))
                        .collect(Collectors.joining(", "));
        String connector = options.containsKey("connector") ? "" : "'connector' = 'dim', ";
        tEnv.executeSql(String.format("CREATE TEMPORARY TABLE %s (%s) WITH (%s%s)", name, columns, connector, with));
        return this;
    }

    /** All result rows, as strings, sorted. */
    List<String> query(String sql) throws Exception {
        List<String> rows = new ArrayList<>();
        try (CloseableIterator<Row> it = tEnv.executeSql(sql).collect()) {
            it.forEachRemaining(row -> rows.add(row.toString()));
        }
        rows.sort(null);
        return rows;
    }
}
