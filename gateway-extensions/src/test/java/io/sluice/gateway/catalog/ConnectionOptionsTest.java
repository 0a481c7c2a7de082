package io.sluice.gateway.catalog;

import io.sluice.contract.ConnectionView;
import io.sluice.contract.connection.ConnectionKind;
import io.sluice.contract.connection.HostileConnections;
import io.sluice.dimtable.CacheConfig;

import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The gateway checks a connection from catalog-service with the same rules as catalog-service before it builds any
 * connector option from it: a config stored around the service (written to its database directly, or by an older
 * version) never reaches a driver or client.
 */
class ConnectionOptionsTest {

    private static final ObjectIdentifier TABLE = ObjectIdentifier.of("test", "corpus_source", "t");

    static Stream<HostileConnections.Row> corpus() {
        return HostileConnections.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyConfigOfTheHostileCorpusIsRefusedBeforeAnyConnectorOptionIsBuilt(HostileConnections.Row row) {
        ConnectionView connection =
                new ConnectionView("corpus_source", row.kind().spelling(), "test", row.properties(), row.secrets());
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> build(connection));
        assertThat(refused).as(row.toString()).isNotNull();
        assertThat(refused.getMessage())
                .contains("data source 'corpus_source' in environment 'test'", ": " + row.refusedField() + ": ")
                .doesNotContain(row.value());
    }

    @Test
    void anOrdinaryJdbcConnectionReachesTheConnectorWithItsUrlRebuiltFromTheCheckedParts() {
        Map<String, String> options =
                ConnectionOptions.forConnector(
                        new ConnectionView(
                                "pg", "postgresql", "test",
                                Map.of("url", "jdbc:postgresql://127.0.0.1/postgres?sslmode=disable", "username", "postgres"),
                                Map.of("password", "pw")));
        assertThat(options)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(
                                "url", "jdbc:postgresql://127.0.0.1:5432/postgres?sslmode=disable",
                                "username", "postgres",
                                "password", "pw"));
    }

    @Test
    void ordinaryKafkaAndRedisConnectionsReachTheirConnectors() {
        assertThat(ConnectionOptions.forConnector(view(ConnectionKind.KAFKA)))
                .containsEntry("properties.bootstrap.servers", "127.0.0.1:9092");
        assertThat(ConnectionOptions.forRedisLookup(view(ConnectionKind.REDIS), TABLE, List.of("id"), CacheConfig.none()))
                .containsEntry("connector", ConnectionOptions.DIM_CONNECTOR);
    }

    @Test
    void aKindTheRulesDoNotKnowIsRefusedWithoutEchoingIt() {
        ValidationException refused =
                catchThrowableOfType(
                        ValidationException.class,
                        () -> ConnectionOptions.forConnector(
                                new ConnectionView("odd", "h2-please", "test", Map.of("url", "jdbc:h2:mem:x"), Map.of())));
        assertThat(refused.getMessage()).contains("data source 'odd'", ": kind: ").doesNotContain("h2-please", "jdbc:h2");
    }

    private static ConnectionView view(ConnectionKind kind) {
        return new ConnectionView("ordinary", kind.spelling(), "test", HostileConnections.ordinaryProperties(kind), Map.of());
    }

    /** What the table factory builds for a table of this connection's kind. */
    private static Map<String, String> build(ConnectionView connection) {
        return ConnectionOptions.REDIS.equals(connection.kind())
                ? ConnectionOptions.forRedisLookup(connection, TABLE, List.of("id"), CacheConfig.none())
                : ConnectionOptions.forConnector(connection);
    }
}
