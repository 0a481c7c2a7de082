package io.sluice.bench.dimtable;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.table.api.Schema;
import org.apache.flink.table.api.Table;
import org.apache.flink.table.api.bridge.java.StreamTableEnvironment;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.types.DataType;
import org.apache.flink.types.Row;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One benchmark process. {@code run} executes warm-up jobs, then the measured jobs of one variant,
 * and prints RESULT lines; bench/dim-table/run.sh starts a fresh JVM per variant and round.
 *
 * <pre>
 * setup    TABLE KEYS
 * run      VARIANT ROWS TABLE KEYS   (measures the uniform and the zipf key distribution)
 * teardown TABLE
 * report   RESULTS_FILE
 * </pre>
 */
public final class DimTableBench {

    private static final String[] DISTRIBUTIONS = {"uniform", "zipf"};
    /** PostgreSQL flushes a backend's table statistics when it exits; the job's backends just did. */
    private static final long STATS_FLUSH_WAIT_MS = 700;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "setup":
                BenchDatabase.create(args[1], Integer.parseInt(args[2]));
                break;
            case "teardown":
                BenchDatabase.drop(args[1]);
                break;
            case "run":
                run(Variant.of(args[1]), Long.parseLong(args[2]), args[3], Integer.parseInt(args[4]));
                break;
            case "report":
                System.out.print(BenchReport.markdown(Path.of(args[1])));
                break;
            default:
                throw new IllegalArgumentException("usage: setup|run|teardown|report ...");
        }
    }

    /**
     * Warm-up jobs over both distributions, then one measured job per distribution. Each job
     * builds its lookup function anew, so every measured job starts with an empty cache.
     */
    private static void run(Variant variant, long rows, String table, int keys) throws Exception {
        for (String distribution : DISTRIBUTIONS) {
            job(variant, KeyDistribution.of(distribution, keys), Math.max(2, rows / 8), table, keys);
        }
        for (String distribution : DISTRIBUTIONS) {
            Thread.sleep(STATS_FLUSH_WAIT_MS);
            long readsBefore = BenchDatabase.reads(table);
            int vertices = job(variant, KeyDistribution.of(distribution, keys), rows, table, keys);
            Thread.sleep(STATS_FLUSH_WAIT_MS);
            long reads = BenchDatabase.reads(table) - readsBefore;
            System.out.printf(
                    "RESULT\t%s\t%s\t%d\t%d\t%d\t%d\t%d%n",
                    variant.id, distribution, rows, Measurement.wallNanos(), Measurement.cpuNanos(), reads, vertices);
        }
    }

    /** Runs one job; returns its number of job vertices (1 = fully chained). */
    private static int job(Variant variant, KeyDistribution keys, long rows, String table, int keyCount) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        StreamTableEnvironment tEnv = StreamTableEnvironment.create(env);
        DataGeneratorSource<Row> source =
                new DataGeneratorSource<>(
                        new ProbeGenerator(keys, rows), rows, Types.ROW_NAMED(new String[] {"id", "k"}, Types.LONG, Types.INT));
        DataStream<Row> stream = env.fromSource(source, WatermarkStrategy.noWatermarks(), "probe");
        tEnv.createTemporaryView("s", stream, Schema.newBuilder().columnByExpression("proc_time", "PROCTIME()").build());

        Map<String, String> options = variant.options(table, keyCount);
        String query;
        if (options == null) {
            query = "SELECT s.id, s.k FROM s";
        } else {
            String with =
                    options.entrySet().stream()
                            .map(e -> String.format("'%s' = '%s'", e.getKey(), e.getValue()))
                            .collect(Collectors.joining(", "));
            tEnv.executeSql(
                    "CREATE TEMPORARY TABLE d (id INT, name STRING, category INT, price DECIMAL(10, 2)) WITH (" + with + ")");
            query =
                    "SELECT s.id, s.k, d.name, d.category, d.price FROM s "
                            + "JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id";
        }
        // The sink takes Flink's internal rows: no conversion to Row objects, whose cost would be
        // the same for every variant and only blur the differences between them.
        Table result = tEnv.sqlQuery(query);
        DataType internalRows = result.getResolvedSchema().toPhysicalRowDataType().bridgedTo(RowData.class);
        tEnv.toDataStream(result, internalRows).sinkTo(new DiscardingSink<>());
        int vertices = env.getStreamGraph(false).getJobGraph().getNumberOfVertices();
        env.execute(variant.id);
        return vertices;
    }

    private DimTableBench() {}
}
