package io.sluice.gateway;

import io.sluice.gateway.testing.HostileConfigs;
import io.sluice.gateway.testing.HostileMarkers;
import io.sluice.gateway.testing.TrapAddress;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control of {@code HostileConnectionRowsTest}: the hostile configs it writes, handed to the real drivers and
 * clients directly (no Sluice between), do what they ask — code of their choosing runs, files are created, the trap
 * is reached, a file is read. So the empty marker folder and the untouched trap that test asserts mean that the
 * gateway's rules stopped them, not that they could not have happened.
 */
class HostileConnectionDetectorsTest {

    private TrapAddress trap;
    private Path markers;
    private HostileConfigs configs;

    @BeforeEach
    void armTheDetectors() throws Exception {
        trap = new TrapAddress();
        markers = Files.createTempDirectory("sluice-hostile-control-");
        System.setProperty(HostileMarkers.DIRECTORY_PROPERTY, markers.toString());
        Path kafkaFile = Files.writeString(markers.resolve("kafka.properties"), "address=" + trap.hostAndPort() + "\n");
        configs = new HostileConfigs(trap, markers, kafkaFile);
    }

    @AfterEach
    void disarm() throws Exception {
        System.clearProperty(HostileMarkers.DIRECTORY_PROPERTY);
        trap.close();
    }

    @Test
    void postgresInstantiatesTheSocketFactoryTheUrlNames() {
        connectQuietly(configs.postgresSocketFactory("postgres").get("url"));
        assertThat(markers.resolve("pg-socket-factory-pg")).exists();
    }

    @Test
    void h2CreatesItsFileAndFetchesTheInitScriptFromTheTrap() {
        try (Connection ignored = DriverManager.getConnection(configs.h2InitUrl(), "sa", "")) {
            // INIT failed to fetch its script, or ran it: either way it tried
        } catch (Exception expected) {
            // the trap hangs up instead of serving a script
        }
        assertThat(markers).isDirectoryContaining("glob:**/h2.mv.db");
        assertThat(trap.connects()).as("INIT's RUNSCRIPT reached the trap").isPositive();
    }

    @Test
    void kafkasFileProviderReadsTheBootstrapAddressFromTheFile() throws Exception {
        Map<String, Object> properties = new HashMap<>(configs.kafkaFileProvider());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1_000);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 1_000);
        try (Admin admin = Admin.create(properties)) {
            try {
                admin.listTopics(new ListTopicsOptions().timeoutMs(1_000)).names().get(5, TimeUnit.SECONDS);
            } catch (Exception expected) {
                // the trap is no broker: what counts is that the client went there
            }
        }
        assertThat(trap.connects()).as("the address read from the file was dialled").isPositive();
    }

    @Test
    void kafkasConsumerInstantiatesTheInterceptorTheConfigNames() {
        Map<String, Object> properties = new HashMap<>(configs.kafkaInterceptor());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            assertThat(markers.resolve("kafka-interceptor")).exists();
        }
    }

    /**
     * The smuggled row is not in this control: pgjdbc splits the query at {@code &} before it decodes each value, so
     * the encoded separators stay inside {@code sslmode}; it is dangerous to any layer that decodes the URL once
     * before the driver, and the rules refuse it for that ({@code ConnectionOptionsTest}). Decoded once, it is the
     * socket-factory row.
     */
    @Test
    void theSmuggledRowDecodedOnceIsASocketFactoryPostgresInstantiates() {
        String smuggled = configs.postgresSmuggled("postgres").get("url");
        connectQuietly(URLDecoder.decode(smuggled, StandardCharsets.UTF_8));
        assertThat(markers.resolve("pg-socket-factory-smuggled")).exists();
    }

    /** Connects to PostgreSQL at the trap, which accepts and hangs up. */
    private static void connectQuietly(String url) {
        Properties login = new Properties();
        login.setProperty("user", "postgres");
        login.setProperty("password", "");
        login.setProperty("connectTimeout", "2");
        login.setProperty("socketTimeout", "2");
        try (Connection ignored = DriverManager.getConnection(url, login)) {
            // the trap accepts and hangs up: no session is ever opened
        } catch (Exception expected) {
            // the point is what the driver did before it failed
        }
    }
}
