package io.sluice.catalog.datasource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import io.sluice.contract.connection.JdbcUrl;
import java.time.Duration;
import java.util.Base64;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.springframework.stereotype.Component;

/**
 * Really connects to a data source: a Kafka admin request, a JDBC connection with a validity check, a
 * Redis PING, an Elasticsearch HTTP request, a Hive Metastore's list of databases, or a TCP connection to ZooKeeper. Each
 * attempt is bounded so a black-holed address answers in seconds, with a reason a person can act on.
 */
@Component
class ConnectivityTester {

    private static final Duration TIMEOUT = KafkaAdmins.TIMEOUT;
    private static final int CONNECT_MILLIS = 5000;

    /** Throws with the reason when the source does not answer as it should. */
    private interface Probe {
        void run() throws Exception;
    }

    ConnectivityResult test(DataSourceKind kind, io.sluice.catalog.common.Environment environment, ConnectionConfig config) {
        long start = System.nanoTime();
        String reason = bounded(describe(kind, config), probe(kind, config));
        return new ConnectivityResult(
                environment, reason == null, withoutSecrets(reason, config), (System.nanoTime() - start) / 1_000_000);
    }

    private Probe probe(DataSourceKind kind, ConnectionConfig config) {
        return switch (kind) {
            case KAFKA -> () -> kafka(config);
            case MYSQL, POSTGRESQL, JDBC -> () -> jdbc(kind, config);
            case REDIS -> () -> redis(config);
            case ELASTICSEARCH -> () -> elasticsearch(config);
            case HIVE -> () -> hive(config);
            case HBASE -> () -> tcp(firstHostPort(config.property("hbase.zookeeper.quorum"), 2181));
        };
    }

    /** Runs a probe within the time limit; null when it succeeded, else the reason. */
    private static String bounded(String target, Probe probe) {
        CompletableFuture<Void> attempt = CompletableFuture.runAsync(() -> {
            try {
                probe.run();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        });
        try {
            attempt.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            attempt.cancel(true);
            return "no answer from " + target + " within " + TIMEOUT.toSeconds() + " s: check the address and that it is up";
        } catch (ExecutionException e) {
            return "cannot connect to " + target + ": " + FailureReason.of(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while connecting to " + target;
        }
    }

    private static void kafka(ConnectionConfig config) throws Exception {
        try (Admin admin = KafkaAdmins.open(config)) {
            int brokers = admin.describeCluster().nodes().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).size();
            if (brokers == 0) {
                throw new ProbeFailure("the cluster reports no brokers");
            }
        }
    }

    private static void jdbc(DataSourceKind kind, ConnectionConfig config) throws Exception {
        JdbcUrl url = jdbcUrl(kind, config);
        Properties props = new Properties();
        props.setProperty("user", config.property("username"));
        props.setProperty("password", config.secrets().getOrDefault("password", ""));
        boolean seconds = url.countsTimeoutsInSeconds();
        props.setProperty("connectTimeout", String.valueOf(seconds ? CONNECT_MILLIS / 1000 : CONNECT_MILLIS));
        try (Connection connection = DriverManager.getConnection(url.canonical(), props)) {
            if (!connection.isValid((int) TIMEOUT.toSeconds())) {
                throw new ProbeFailure("the connection opened but did not answer a validity check");
            }
        }
    }

    private static void redis(ConnectionConfig config) throws IOException {
        try (Socket socket = connect(config.property("host"), Integer.parseInt(config.property("port")))) {
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            String password = config.secrets().get("password");
            if (password != null && !password.isEmpty()) {
                expectRedis(out, in, "+OK", "AUTH", password);
            }
            expectRedis(out, in, "+PONG", "PING");
        }
    }

    private static void expectRedis(OutputStream out, InputStream in, String expected, String... command) throws IOException {
        StringBuilder resp = new StringBuilder("*").append(command.length).append("\r\n");
        for (String part : command) {
            resp.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
        }
        out.write(resp.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != -1 && c != '\r'; c = in.read()) {
            line.append((char) c);
        }
        if (!line.toString().equals(expected)) {
            // Only the error code: Redis quotes the command's arguments (a password) in its error text.
            String code = line.toString().replaceFirst("^[-+]", "").split(" ", 2)[0];
            throw new ProbeFailure("Redis refused " + command[0] + (code.matches("[A-Z]{1,20}") ? " (" + code + ")" : ""));
        }
    }

    private static void elasticsearch(ConnectionConfig config) throws Exception {
        String host = config.property("hosts").split(",")[0].trim();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(host)).timeout(TIMEOUT).GET();
        String user = config.property("username");
        if (user != null) {
            String pair = user + ":" + config.secrets().getOrDefault("password", "");
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<Void> response = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(CONNECT_MILLIS))
                .build()
                .send(request.build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 300) {
            throw new ProbeFailure("Elasticsearch answered HTTP " + response.statusCode());
        }
    }

    /** A real Thrift call: an open port alone could be anything. */
    private static void hive(ConnectionConfig config) {
        try (io.sluice.hive.MetastoreClient client = MetastoreConnections.open(config)) {
            client.databases();
        }
    }

    /** HBase speaks a protocol whose client cannot live in this service; reaching the port is the check. */
    private static void tcp(InetSocketAddress address) throws IOException {
        try (Socket ignored = connect(address.getHostString(), address.getPort())) {
            // Connected: the port is open.
        }
    }

    private static Socket connect(String host, int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress(host, port), CONNECT_MILLIS);
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        return socket;
    }

    /** The first host:port of a list such as {@code thrift://h1:9083,thrift://h2:9083} or {@code zk1:2181,zk2}. */
    private static InetSocketAddress firstHostPort(String list, int defaultPort) {
        String first = list.split(",")[0].trim().replaceFirst("^[a-z]+://", "");
        int colon = first.lastIndexOf(':');
        return colon < 0
                ? InetSocketAddress.createUnresolved(first, defaultPort)
                : InetSocketAddress.createUnresolved(first.substring(0, colon), Integer.parseInt(first.substring(colon + 1)));
    }

    private static String describe(DataSourceKind kind, ConnectionConfig config) {
        return switch (kind) {
            case KAFKA -> "Kafka at " + KafkaAdmins.servers(config);
            case MYSQL, POSTGRESQL, JDBC -> jdbcUrl(kind, config).target();
            case REDIS -> "Redis at " + config.property("host") + ":" + config.property("port");
            case ELASTICSEARCH -> "Elasticsearch at " + config.property("hosts");
            case HIVE -> "Hive Metastore at " + config.property("hive.metastore.uris");
            case HBASE -> "ZooKeeper at " + config.property("hbase.zookeeper.quorum");
        };
    }

    /** The URL rebuilt from its checked parts: a driver never sees the text as it was given. */
    private static JdbcUrl jdbcUrl(DataSourceKind kind, ConnectionConfig config) {
        return config.checked(kind, "connection").jdbcUrl().orElseThrow();
    }

    /** A belt to {@link FailureReason}'s braces: a reason must never carry a secret back to the caller. */
    private static String withoutSecrets(String reason, ConnectionConfig config) {
        if (reason == null) {
            return null;
        }
        String scrubbed = reason;
        for (String secret : config.secrets().values()) {
            if (!secret.isEmpty()) {
                scrubbed = scrubbed.replace(secret, "****");
            }
        }
        return scrubbed;
    }
}
