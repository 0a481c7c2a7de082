package io.sluice.contract.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** The per-kind allow-lists directly: the hostile corpus refused naming the field, ordinary configs accepted. */
class ConnectionRulesTest {

    static Stream<HostileConnections.Row> corpus() {
        return HostileConnections.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void everyHostileConfigIsRefusedNamingTheFieldWithoutItsValue(HostileConnections.Row row) {
        ConnectionRefused refused = catchThrowableOfType(ConnectionRefused.class,
                () -> ConnectionRules.check(row.kind(), row.properties(), row.secrets()));
        assertThat(refused).as(row.toString()).isNotNull();
        assertThat(refused.field()).isEqualTo(row.refusedField());
        assertThat(refused.getMessage()).doesNotContain(row.value());
    }

    @org.junit.jupiter.api.Test
    void theCorpusHoldsAtLeastFortyRowsAndEveryKind() {
        assertThat(HostileConnections.rows()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(HostileConnections.rows().stream().map(HostileConnections.Row::kind).distinct())
                .containsExactlyInAnyOrder(ConnectionKind.values());
    }

    /** The control for the corpus: what each row changes is the only thing wrong with it. */
    @ParameterizedTest
    @EnumSource(ConnectionKind.class)
    void theOrdinaryConfigOfEveryKindIsAccepted(ConnectionKind kind) {
        assertThatCode(() -> ConnectionRules.check(kind, HostileConnections.ordinaryProperties(kind), Map.of()))
                .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            postgresql | jdbc:postgresql://127.0.0.1/postgres                   | jdbc:postgresql://127.0.0.1:5432/postgres
            postgresql | jdbc:postgresql://db.example:5432/app?sslmode=verify-full&connectTimeout=5&ApplicationName=sluice | jdbc:postgresql://db.example:5432/app?sslmode=verify-full&connectTimeout=5&ApplicationName=sluice
            mysql      | jdbc:mariadb://127.0.0.1:3306/test?sslMode=trust&connectTimeout=5000 | jdbc:mariadb://127.0.0.1:3306/test?sslMode=trust&connectTimeout=5000
            mysql      | jdbc:mysql://[::1]/test                                 | jdbc:mysql://[::1]:3306/test
            jdbc       | jdbc:postgresql://h:5432/db                             | jdbc:postgresql://h:5432/db
            """)
    void ordinaryJdbcUrlsAreAcceptedAndRebuiltFromTheirParts(String kind, String url, String rebuilt) {
        CheckedConnection checked = ConnectionRules.check(ConnectionKind.of(kind), Map.of("url", url, "username", "u"), Map.of());
        assertThat(checked.property("url")).isEqualTo(rebuilt);
        assertThat(checked.jdbcUrl().orElseThrow().canonical()).isEqualTo(rebuilt);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="p";
            org.apache.kafka.common.security.scram.ScramLoginModule required username="u" password="p w!";
            """)
    void plainAndScramLoginsAreAccepted(String jaas) {
        Map<String, String> properties = Map.of(
                "bootstrap.servers", "broker1:9092,broker2:9092", "security.protocol", "SASL_SSL", "sasl.mechanism", "SCRAM-SHA-512");
        assertThatCode(() -> ConnectionRules.check(ConnectionKind.KAFKA, properties, Map.of("sasl.jaas.config", jaas)))
                .doesNotThrowAnyException();
    }

    @org.junit.jupiter.api.Test
    void anUnknownKindIsRefusedWithoutEchoingIt() {
        ConnectionRefused refused = catchThrowableOfType(ConnectionRefused.class, () -> ConnectionKind.of("h2-please"));
        assertThat(refused.field()).isEqualTo("kind");
        assertThat(refused.getMessage()).contains("postgresql").doesNotContain("h2-please");
    }
}
