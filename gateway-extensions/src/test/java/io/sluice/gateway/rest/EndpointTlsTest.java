package io.sluice.gateway.rest;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.table.api.ValidationException;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** (No stack) the endpoint's own TLS options over the gateway's top-level ones, and TLS never half-configured. */
class EndpointTlsTest {

    private static final String PREFIX = "sql-gateway.endpoint.sluice.";

    @Test
    void theEndpointsOptionsWinOverTheTopLevelOnesForThisEndpointOnly() {
        Configuration topLevel = new Configuration();
        topLevel.setString("security.ssl.rest.keystore", "/top/level.p12");
        topLevel.setString("rest.port", "8081");
        Configuration applied = EndpointTls.applied(Map.of(
                "security.ssl.rest.enabled", "true",
                "security.ssl.rest.keystore", "/endpoint/gateway.p12",
                "security.ssl.rest.keystore-password", "k",
                "security.ssl.rest.key-password", "k"), topLevel, PREFIX);
        assertThat(SecurityOptions.isRestSSLEnabled(applied)).isTrue();
        assertThat(applied.get(SecurityOptions.SSL_REST_KEYSTORE)).isEqualTo("/endpoint/gateway.p12");
        assertThat(applied.getString("rest.port", null)).isEqualTo("8081");
        assertThat(SecurityOptions.isRestSSLEnabled(topLevel)).as("the gateway's own config is untouched").isFalse();
    }

    @Test
    void withoutEndpointOptionsTheTopLevelOnesStand() {
        Configuration topLevel = new Configuration();
        topLevel.set(SecurityOptions.SSL_REST_ENABLED, true);
        assertThat(SecurityOptions.isRestSSLEnabled(EndpointTls.applied(Map.of(), topLevel, PREFIX))).isTrue();
    }

    @Test
    void tlsWithoutItsKeystoreOrPasswordsIsRefusedNamingTheOption() {
        assertThatThrownBy(() -> EndpointTls.applied(Map.of("security.ssl.rest.enabled", "true"), new Configuration(), PREFIX))
                .isInstanceOf(ValidationException.class)
                .hasMessage(PREFIX + "security.ssl.rest.keystore is required when " + PREFIX
                        + "security.ssl.rest.enabled is true (the endpoint's certificate and key, e.g. a PKCS12 file).");
        assertThatThrownBy(() -> EndpointTls.applied(Map.of(
                        "security.ssl.rest.enabled", "true", "security.ssl.rest.keystore", "/k.p12",
                        "security.ssl.rest.keystore-password", "k"), new Configuration(), PREFIX))
                .hasMessageStartingWith(PREFIX + "security.ssl.rest.key-password is required");
        // turned off at the endpoint: nothing more needed
        assertThat(SecurityOptions.isRestSSLEnabled(
                EndpointTls.applied(Map.of("security.ssl.rest.enabled", "false"), new Configuration(), PREFIX))).isFalse();
    }
}
