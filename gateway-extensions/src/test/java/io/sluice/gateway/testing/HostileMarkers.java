package io.sluice.gateway.testing;

import org.apache.kafka.clients.consumer.ConsumerInterceptor;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Classes a hostile connection config names for a driver or client to load: each leaves a file behind when it is
 * instantiated, so a test sees whether any code of the config's choosing ran. They are on the gateway's classpath in
 * tests, as an attacker would pick a class that is (a gadget), so a missing rule would really run them.
 */
public final class HostileMarkers {

    /** The folder the markers are written to: a system property, since drivers instantiate these classes themselves. */
    public static final String DIRECTORY_PROPERTY = "sluice.test.hostile-markers";

    private HostileMarkers() {}

    private static void leave(String marker) {
        try {
            Files.writeString(Path.of(System.getProperty(DIRECTORY_PROPERTY, System.getProperty("java.io.tmpdir")))
                    .resolve(marker), "instantiated");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** For PostgreSQL's {@code socketFactory} option, which instantiates it with {@code socketFactoryArg}. */
    public static final class PgSocketFactory extends javax.net.SocketFactory {

        public PgSocketFactory(String argument) {
            leave("pg-socket-factory-" + argument);
        }

        @Override
        public Socket createSocket() {
            return new Socket();
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return new Socket(host, port);
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return new Socket(host, port, localHost, localPort);
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return new Socket(host, port);
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return new Socket(address, port, localAddress, localPort);
        }
    }

    /** For Kafka's {@code interceptor.classes}, which the consumer instantiates. */
    public static final class KafkaInterceptor implements ConsumerInterceptor<byte[], byte[]> {

        public KafkaInterceptor() {
            leave("kafka-interceptor");
        }

        @Override
        public ConsumerRecords<byte[], byte[]> onConsume(ConsumerRecords<byte[], byte[]> records) {
            return records;
        }

        @Override
        public void onCommit(Map<TopicPartition, OffsetAndMetadata> offsets) {}

        @Override
        public void close() {}

        @Override
        public void configure(Map<String, ?> configs) {}
    }
}
