package io.sluice.hive.testserver;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.metastore.HiveMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.Database;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.SerDeInfo;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf;

/**
 * Runs in a child JVM on the metastore server's classpath: reads commands from standard input (see
 * {@link MetastoreServer#seed}) and carries them out with Hive's own client, as a Hive user would.
 */
public final class Seeder {

    private static final Map<String, String[]> FORMATS = Map.of(
            "parquet", new String[] {"org.apache.hadoop.hive.ql.io.parquet.MapredParquetInputFormat",
                    "org.apache.hadoop.hive.ql.io.parquet.MapredParquetOutputFormat",
                    "org.apache.hadoop.hive.ql.io.parquet.serde.ParquetHiveSerDe"},
            "orc", new String[] {"org.apache.hadoop.hive.ql.io.orc.OrcInputFormat",
                    "org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat", "org.apache.hadoop.hive.ql.io.orc.OrcSerde"},
            "textfile", new String[] {"org.apache.hadoop.mapred.TextInputFormat",
                    "org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat",
                    "org.apache.hadoop.hive.serde2.lazy.LazySimpleSerDe"});

    private static String warehouse;

    private Seeder() {}

    public static void main(String[] args) throws Exception {
        Configuration conf = MetastoreConf.newMetastoreConf();
        MetastoreConf.setVar(conf, MetastoreConf.ConfVars.THRIFT_URIS, args[0]);
        MetastoreConf.setBoolVar(conf, MetastoreConf.ConfVars.EXECUTE_SET_UGI, false);
        warehouse = args[1].endsWith("/") ? args[1] : args[1] + "/";
        HiveMetaStoreClient client = new HiveMetaStoreClient(conf);
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (!line.isBlank()) {
                    run(client, line.split("\t", -1));
                }
            }
        } finally {
            client.close();
        }
    }

    private static void run(HiveMetaStoreClient client, String[] f) throws Exception {
        switch (f[0]) {
            case "database" -> {
                Database database = new Database();
                database.setName(f[1]);
                database.setParameters(new HashMap<>());
                client.createDatabase(database);
            }
            case "table" -> client.createTable(table(f[1], f[2], columns(f[3]),
                    f.length > 4 ? columns(f[4]) : List.of(), f.length > 5 ? f[5] : "parquet"));
            case "many" -> {
                for (int i = 0; i < Integer.parseInt(f[3]); i++) {
                    client.createTable(table(f[1], f[2] + i, columns(f[4]), List.of(), "parquet"));
                }
            }
            case "columns" -> {
                Table table = client.getTable(f[1], f[2]);
                table.getSd().setCols(columns(f[3]));
                client.alter_table(f[1], f[2], table);
            }
            case "partitions" -> {
                // Hive cannot change a table's partition keys in place: the table is made again, as a user would
                Table table = client.getTable(f[1], f[2]);
                client.dropTable(f[1], f[2]);
                table.setPartitionKeys(columns(f[3]));
                client.createTable(table);
            }
            case "drop" -> client.dropTable(f[1], f[2]);
            default -> throw new IllegalArgumentException("unknown seed command " + f[0]);
        }
    }

    private static Table table(String database, String name, List<FieldSchema> columns, List<FieldSchema> partitions, String format) {
        String[] classes = FORMATS.get(format);
        StorageDescriptor sd = new StorageDescriptor();
        sd.setCols(columns);
        sd.setInputFormat(classes[0]);
        sd.setOutputFormat(classes[1]);
        sd.setSerdeInfo(new SerDeInfo(name, classes[2], new HashMap<>()));
        sd.setLocation(warehouse + database + ".db/" + name);
        Table table = new Table();
        table.setDbName(database);
        table.setTableName(name);
        table.setTableType("EXTERNAL_TABLE");
        table.setSd(sd);
        table.setPartitionKeys(partitions);
        Map<String, String> parameters = new HashMap<>();
        parameters.put("EXTERNAL", "TRUE");
        parameters.put("comment", "the " + name + " table");
        table.setParameters(parameters);
        return table;
    }

    private static List<FieldSchema> columns(String spec) {
        List<FieldSchema> columns = new ArrayList<>();
        if (spec.isBlank()) {
            return columns;
        }
        for (String column : spec.split("\\|")) {
            String[] parts = column.split("=", 3);
            columns.add(new FieldSchema(parts[0], parts[1], parts.length > 2 ? parts[2] : null));
        }
        return columns;
    }
}
