package io.sluice.gateway.rest;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.SecurityOptions;
import org.apache.flink.table.api.ValidationException;

import java.util.List;
import java.util.Map;

/**
 * TLS of the sluice endpoint alone. Flink's REST endpoint reads its TLS from the gateway's top-level
 * {@code security.ssl.rest.*}, which also switches the gateway's own REST client to the JobManager to https (job
 * submission then needs the JobManager to speak TLS as well). The same options given under the endpoint's prefix
 * ({@code sql-gateway.endpoint.sluice.security.ssl.rest.enabled} …) apply to this endpoint only: a certificate
 * for the clients at the front door, the link to the cluster as the top-level options say.
 */
public final class EndpointTls {

    /** The server-side REST TLS options the endpoint takes under its prefix. */
    public static final List<ConfigOption<?>> OPTIONS =
            List.of(
                    SecurityOptions.SSL_REST_ENABLED,
                    SecurityOptions.SSL_REST_KEYSTORE,
                    SecurityOptions.SSL_REST_KEYSTORE_PASSWORD,
                    SecurityOptions.SSL_REST_KEY_PASSWORD,
                    SecurityOptions.SSL_REST_KEYSTORE_TYPE,
                    SecurityOptions.SSL_PROTOCOL,
                    SecurityOptions.SSL_ALGORITHMS);

    private EndpointTls() {}

    /**
     * The endpoint's REST config with its own TLS options laid over the top-level ones. With TLS on, a keystore and
     * its passwords are required, so that a gateway asked to serve TLS never starts without it.
     *
     * @param endpointOptions the endpoint's options, keys without its prefix
     * @param prefix the endpoint's prefix, for the error messages
     */
    public static Configuration applied(Map<String, String> endpointOptions, Configuration restConfig, String prefix) {
        Configuration applied = new Configuration(restConfig);
        for (ConfigOption<?> option : OPTIONS) {
            String value = endpointOptions.get(option.key());
            if (value != null) {
                applied.setString(option.key(), value);
            }
        }
        if (endpointOptions.containsKey(SecurityOptions.SSL_REST_ENABLED.key())
                && applied.get(SecurityOptions.SSL_REST_ENABLED)) {
            for (ConfigOption<String> needed :
                    List.of(SecurityOptions.SSL_REST_KEYSTORE, SecurityOptions.SSL_REST_KEYSTORE_PASSWORD,
                            SecurityOptions.SSL_REST_KEY_PASSWORD)) {
                if (!endpointOptions.containsKey(needed.key())) {
                    throw new ValidationException(
                            prefix + needed.key() + " is required when " + prefix + SecurityOptions.SSL_REST_ENABLED.key()
                                    + " is true (the endpoint's certificate and key, e.g. a PKCS12 file).");
                }
            }
        }
        return applied;
    }
}
