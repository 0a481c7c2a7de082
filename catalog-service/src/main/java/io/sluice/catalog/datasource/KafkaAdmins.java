package io.sluice.catalog.datasource;

import io.sluice.contract.connection.CheckedConnection;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/** Opens Kafka admin clients on a connection config with timeouts short enough for an HTTP request. */
public final class KafkaAdmins {

    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    private KafkaAdmins() {}

    /** Checks the config again first: a stored one may predate a rule, and the client would act on any setting. */
    public static Admin open(ConnectionConfig config) {
        CheckedConnection checked = config.checked(DataSourceKind.KAFKA, "connection");
        Properties props = new Properties();
        props.putAll(checked.properties());
        props.putAll(checked.secrets());
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis() / 2);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        props.put(AdminClientConfig.SOCKET_CONNECTION_SETUP_TIMEOUT_MAX_MS_CONFIG, 3000);
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return Admin.create(props);
    }

    /** The bootstrap servers, for messages. */
    public static String servers(ConnectionConfig config) {
        return config.property(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG);
    }
}
