package io.sluice.contract.connection;

import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which Kafka client properties a connection may set. A Kafka client resolves {@code config.providers} (files,
 * directories, environment) in every value, instantiates every {@code *.class} it is given and runs the JAAS login
 * module it is told to: so only the properties that say where the brokers are and how to log in to them, with plain
 * values, are accepted, and JAAS only with Kafka's PLAIN and SCRAM modules.
 */
final class KafkaClientRules {

    private static final Map<String, Pattern> PROPERTIES = Map.of(
            "bootstrap.servers", Pattern.compile("[A-Za-z0-9.-]+:[0-9]{1,5}(,[A-Za-z0-9.-]+:[0-9]{1,5})*"),
            "security.protocol", Pattern.compile("PLAINTEXT|SSL|SASL_PLAINTEXT|SASL_SSL"),
            "sasl.mechanism", Pattern.compile("PLAIN|SCRAM-SHA-256|SCRAM-SHA-512"),
            "client.id", Pattern.compile("[A-Za-z0-9_.-]{1,100}"),
            "ssl.endpoint.identification.algorithm", Pattern.compile("https|"),
            "ssl.protocol", Pattern.compile("TLSv1\\.[23]"),
            "ssl.enabled.protocols", Pattern.compile("TLSv1\\.[23](,TLSv1\\.[23])?"),
            "ssl.truststore.type", Pattern.compile("PEM"),
            "ssl.truststore.certificates", Pattern.compile("-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\\s-]+-----END CERTIFICATE-----\\s*"));

    private static final String JAAS_FIELD = "secrets.sasl.jaas.config";
    private static final Set<String> LOGIN_MODULES = Set.of(
            "org.apache.kafka.common.security.plain.PlainLoginModule",
            "org.apache.kafka.common.security.scram.ScramLoginModule");
    /** One entry: {@code <module> required username="…" password="…";}, quoted values without quotes or escapes. */
    private static final Pattern JAAS = Pattern.compile(
            "\\s*([A-Za-z0-9_.$]+)\\s+required((?:\\s+[A-Za-z]+\\s*=\\s*\"[^\"\\\\]*\")*)\\s*;\\s*");
    private static final Pattern JAAS_OPTION = Pattern.compile("\\s+([A-Za-z]+)\\s*=\\s*\"([^\"\\\\]*)\"");
    private static final Set<String> JAAS_OPTIONS = Set.of("username", "password");

    private KafkaClientRules() {}

    static void check(Map<String, String> properties, Map<String, String> secrets) {
        for (Map.Entry<String, String> property : properties.entrySet()) {
            String key = property.getKey();
            Pattern value = PROPERTIES.get(key);
            if (value == null) {
                throw new ConnectionRefused("properties." + key, "a kafka connection may set only "
                        + ConnectionRules.sorted(PROPERTIES.keySet())
                        + " (config providers, class names and interceptors are never accepted)");
            }
            if (!value.matcher(property.getValue()).matches()) {
                throw new ConnectionRefused("properties." + key, "'" + key + "' must match " + value.pattern()
                        + " (no '${...}' references, no options smuggled into the value)");
            }
        }
        String jaas = secrets.get("sasl.jaas.config");
        if (jaas != null && !jaas.isEmpty()) {
            checkJaas(jaas);
        }
    }

    /** The JAAS text is a secret: a refusal names what is allowed, never what was given. */
    private static void checkJaas(String jaas) {
        Matcher entry = JAAS.matcher(jaas);
        if (!entry.matches() || !LOGIN_MODULES.contains(entry.group(1))) {
            throw new ConnectionRefused(JAAS_FIELD, "sasl.jaas.config must be one entry '<module> required username=\"…\" "
                    + "password=\"…\";' with a login module among " + ConnectionRules.sorted(LOGIN_MODULES));
        }
        Matcher option = JAAS_OPTION.matcher(entry.group(2));
        while (option.find()) {
            if (!JAAS_OPTIONS.contains(option.group(1)) || option.group(2).contains("${")) {
                throw new ConnectionRefused(JAAS_FIELD, "sasl.jaas.config may set only " + ConnectionRules.sorted(JAAS_OPTIONS)
                        + ", with values that hold no '${...}' reference");
            }
        }
    }
}
