package io.sluice.hive.client;

import io.sluice.hive.HiveColumn;
import io.sluice.hive.HiveTable;
import io.sluice.hive.MetastoreClient;
import io.sluice.hive.MetastoreException;
import io.sluice.hive.MetastoreException.Reason;
import io.sluice.hive.StorageFormat;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hive.metastore.HiveMetaStoreClient;
import org.apache.hadoop.hive.metastore.api.FieldSchema;
import org.apache.hadoop.hive.metastore.api.NoSuchObjectException;
import org.apache.hadoop.hive.metastore.api.StorageDescriptor;
import org.apache.hadoop.hive.metastore.api.Table;
import org.apache.hadoop.hive.metastore.api.UnknownDBException;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf;
import org.apache.hadoop.hive.metastore.conf.MetastoreConf.ConfVars;
import org.apache.thrift.TException;
import org.apache.thrift.transport.TTransportException;

/**
 * {@link MetastoreClient} on Hive's own Thrift client. Its configuration is built here from nothing — no
 * {@code hive-site.xml}, no Hadoop defaults, no setting a user wrote — with only the metastore's addresses and
 * short timeouts, so a source config can never name a hook class, a file or a login to the client.
 */
public final class ThriftMetastoreClient implements MetastoreClient {

    private final HiveMetaStoreClient client;

    public ThriftMetastoreClient(List<String> uris, Duration timeout) {
        Configuration conf = new Configuration(false);
        MetastoreConf.setVar(conf, ConfVars.THRIFT_URIS, String.join(",", uris));
        MetastoreConf.setTimeVar(conf, ConfVars.CLIENT_SOCKET_TIMEOUT, timeout.toMillis(), TimeUnit.MILLISECONDS);
        MetastoreConf.setTimeVar(conf, ConfVars.CLIENT_CONNECTION_TIMEOUT, timeout.toMillis(), TimeUnit.MILLISECONDS);
        MetastoreConf.setTimeVar(conf, ConfVars.CLIENT_CONNECT_RETRY_DELAY, 0, TimeUnit.SECONDS);
        // one attempt per address; the caller decides whether to try again
        MetastoreConf.setLongVar(conf, ConfVars.THRIFT_CONNECTION_RETRIES, 1);
        MetastoreConf.setLongVar(conf, ConfVars.THRIFT_FAILURE_RETRIES, 0);
        MetastoreConf.setBoolVar(conf, ConfVars.USE_THRIFT_SASL, false);
        MetastoreConf.setBoolVar(conf, ConfVars.EXECUTE_SET_UGI, false);
        conf.set("hadoop.security.authentication", "simple");
        try {
            client = new HiveMetaStoreClient(conf, null, false);
        } catch (Exception e) {
            throw new MetastoreException(Reason.UNREACHABLE,
                    "no Hive Metastore answered at " + String.join(", ", uris) + " within " + timeout.toSeconds()
                            + " s: check the address and that the metastore is up (" + kind(e) + ")");
        }
    }

    @Override
    public List<String> databases() {
        try {
            return sorted(client.getAllDatabases());
        } catch (TException e) {
            throw failed("list the databases", e);
        }
    }

    @Override
    public List<String> tableNames(String database) {
        try {
            client.getDatabase(database);
            return sorted(client.getAllTables(database));
        } catch (NoSuchObjectException | UnknownDBException e) {
            throw noSuchDatabase(database);
        } catch (TException e) {
            throw failed("list the tables of database " + database, e);
        }
    }

    @Override
    public List<HiveTable> tables(String database, List<String> names) {
        List<HiveTable> tables = new ArrayList<>();
        try {
            for (int from = 0; from < names.size(); from += BATCH) {
                List<String> batch = names.subList(from, Math.min(names.size(), from + BATCH));
                for (Table table : client.getTableObjectsByName(database, batch)) {
                    tables.add(table(table));
                }
            }
        } catch (NoSuchObjectException | UnknownDBException e) {
            throw noSuchDatabase(database);
        } catch (TException e) {
            throw failed("read tables of database " + database, e);
        }
        return tables;
    }

    @Override
    public void close() {
        client.close();
    }

    private static HiveTable table(Table table) {
        StorageDescriptor sd = table.getSd();
        List<HiveColumn> columns = sd == null || sd.getCols() == null ? List.of() : columns(sd.getCols());
        StorageFormat storage = sd == null
                ? null
                : new StorageFormat(sd.getInputFormat(), sd.getOutputFormat(),
                        sd.getSerdeInfo() == null ? null : sd.getSerdeInfo().getSerializationLib());
        return new HiveTable(
                table.getDbName(),
                table.getTableName(),
                table.getTableType(),
                table.getParameters() == null ? null : table.getParameters().get("comment"),
                columns,
                table.getPartitionKeys() == null ? List.of() : columns(table.getPartitionKeys()),
                sd == null ? null : sd.getLocation(),
                storage);
    }

    private static List<HiveColumn> columns(List<FieldSchema> fields) {
        return fields.stream().map(f -> new HiveColumn(f.getName(), f.getType(), f.getComment())).toList();
    }

    private static List<String> sorted(List<String> names) {
        return names.stream().sorted().toList();
    }

    private static MetastoreException noSuchDatabase(String database) {
        return new MetastoreException(Reason.NO_SUCH_DATABASE, "the Hive Metastore has no database '" + database + "'");
    }

    /** The metastore's own message may quote its configuration or stack: only the kind of failure is told. */
    private static MetastoreException failed(String action, TException e) {
        Reason reason = e instanceof TTransportException ? Reason.UNREACHABLE : Reason.FAILED;
        return new MetastoreException(reason, "the Hive Metastore could not " + action + " (" + kind(e) + ")");
    }

    private static String kind(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ", " + root.getClass().getSimpleName();
    }
}
