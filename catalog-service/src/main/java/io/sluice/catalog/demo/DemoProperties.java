package io.sluice.catalog.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo tenant of the local stack.
 *
 * @param enabled seed the demo on start (once: an existing {@code demo} project is left alone)
 * @param kafkaBootstrapServers the cluster of the demo Kafka data source; without it no source or topic is seeded
 * @param gatewayTokenFile where to write the gateway service account's token, if anywhere
 */
@ConfigurationProperties("sluice.demo")
public record DemoProperties(boolean enabled, String kafkaBootstrapServers, String gatewayTokenFile) {}
