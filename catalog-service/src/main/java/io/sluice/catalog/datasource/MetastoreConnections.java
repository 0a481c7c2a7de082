package io.sluice.catalog.datasource;

import io.sluice.hive.MetastoreClient;
import io.sluice.hive.MetastoreClients;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Opens Hive Metastore clients on a hive source's connection. The config is checked again first (a stored one may
 * predate a rule): the client is given the checked {@code thrift://host:port} addresses and nothing else.
 */
public final class MetastoreConnections {

    /** Within {@link KafkaAdmins#TIMEOUT}, the bound of a connectivity test, so a dead metastore answers as such. */
    public static final Duration TIMEOUT = KafkaAdmins.TIMEOUT.minusSeconds(2);

    private MetastoreConnections() {}

    public static MetastoreClient open(ConnectionConfig config) {
        return MetastoreClients.open(uris(config), TIMEOUT);
    }

    static List<String> uris(ConnectionConfig config) {
        String uris = config.checked(DataSourceKind.HIVE, "connection").properties().get("hive.metastore.uris");
        return Arrays.stream(uris.split(",")).map(String::trim).toList();
    }
}
