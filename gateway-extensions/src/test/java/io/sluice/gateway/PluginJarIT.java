package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;
import io.sluice.localstack.ChildJvm;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shaded plugin jar as Flink's lib/ holds it: Flink's own {@code SqlGateway} main, in a JVM of its own, with
 * Flink's jars, the connectors and this jar only (not this module's classes, Caffeine, the contract records or the
 * dim connector), configured by a {@code config.yaml} like the README's. A JDBC client logs in and reads a Kafka
 * table through it.
 */
class PluginJarIT {

    @TempDir Path work;

    @Test
    void flinksGatewayRunsTheSluiceEndpointFromThePluginJar() throws Exception {
        GatewayStack stack = GatewayStack.get();
        stack.produce("orders", List.of("{\"order_id\":7,\"customer\":\"lib\",\"amount\":1.00,\"order_time\":\"2026-11-03 09:00:00\"}"));
        URI cluster = stack.miniCluster.getRestAddress().get();
        int port = GatewayStack.freePort();
        Path conf = Files.createDirectories(work.resolve("conf"));
        Path token = work.resolve("gateway.token");
        Files.writeString(token, stack.issueToken("gateway", "gateway-password"));
        Files.writeString(
                conf.resolve("config.yaml"),
                String.join(
                        "\n",
                        "sql-gateway.endpoint.type: sluice",
                        "sql-gateway.endpoint.sluice.address: 127.0.0.1",
                        "sql-gateway.endpoint.sluice.port: " + port,
                        "sql-gateway.endpoint.sluice.catalog-service.url: " + stack.catalogServiceUrl,
                        "sql-gateway.endpoint.sluice.catalog-service.token-file: " + token,
                        // the JDBC client below sends its credentials only when it connects
                        "sql-gateway.endpoint.sluice.session.accept-handle-only-requests: true",
                        // small, so that an oversized body is cheap to send
                        "rest.server.max-content-length: 65536",
                        "execution.target: remote",
                        "rest.address: " + cluster.getHost(),
                        "rest.port: " + cluster.getPort(),
                        ""));
        Path logConfig = work.resolve("log4j2.properties");
        Files.writeString(
                logConfig,
                String.join(
                        "\n",
                        "rootLogger.level = WARN",
                        "rootLogger.appenderRef.console.ref = console",
                        "appender.console.type = Console",
                        "appender.console.name = console",
                        "appender.console.layout.type = PatternLayout",
                        "appender.console.layout.pattern = %-5p %c{1} - %m%n",
                        "logger.sluice.name = io.sluice",
                        "logger.sluice.level = INFO",
                        ""));
        try (ChildJvm gateway =
                ChildJvm.start(
                        "flink-sql-gateway",
                        List.of(
                                "-Xmx512m",
                                "-Dlog4j2.configurationFile=" + logConfig,
                                "-cp", libClasspath(),
                                "org.apache.flink.table.gateway.SqlGateway"),
                        Map.of("FLINK_CONF_DIR", conf.toString()))) {
            gateway.awaitLine(line -> line.contains("Rest endpoint listening at"), Duration.ofSeconds(90));

            Properties login = new Properties();
            login.setProperty("user", ALICE);
            login.setProperty("password", ALICE_PASSWORD);
            try (Connection connection = DriverManager.getConnection("jdbc:flink://127.0.0.1:" + port, login);
                    Statement statement = connection.createStatement();
                    ResultSet rows =
                            statement.executeQuery(
                                    "SELECT customer FROM test.demo_kafka.orders "
                                            + "/*+ OPTIONS('scan.bounded.mode'='latest-offset') */ WHERE order_id = 7")) {
                assertThat(rows.next()).as(gateway.output()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("lib");
            }

            // the error net comes with the jar (found through the ServiceLoader): Netty's bare 413 becomes JSON
            HttpResponse<String> oversized =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/sessions"))
                                            .POST(HttpRequest.BodyPublishers.ofString("{\"properties\":{\"x\":\""
                                                    + "x".repeat(70_000) + "\"}}"))
                                            .header("Content-Type", "application/json")
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(oversized.statusCode()).isEqualTo(413);
            assertThat(oversized.body())
                    .isEqualTo("{\"errors\":[\"The request is larger than this gateway accepts (65536 bytes): send a "
                            + "shorter statement.\"]}");
        }
    }

    /** The test classpath less this module's classes and what the plugin jar shades, plus the plugin jar. */
    private static String libClasspath() {
        String pluginJar = System.getProperty("plugin.jar");
        assertThat(new File(pluginJar)).as("the shaded plugin jar").exists();
        String lib =
                Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                        .filter(entry -> !entry.contains("gateway-extensions" + File.separator + "target"))
                        .filter(entry -> !entry.contains("catalog-contract"))
                        .filter(entry -> !entry.contains("dim-table"))
                        .filter(entry -> !new File(entry).getName().startsWith("caffeine-"))
                        .collect(Collectors.joining(File.pathSeparator));
        return lib + File.pathSeparator + pluginJar;
    }
}
