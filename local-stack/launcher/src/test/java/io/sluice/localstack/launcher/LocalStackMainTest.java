package io.sluice.localstack.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.localstack.LocalStack;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The launcher as {@code run.sh} starts it, twice on the same data directory: the demo rows are produced once and
 * the banner says how many the topic holds; the Flink MiniCluster's REST API (and its blob server) listen on
 * loopback only, and the REST address is not printed. (On a machine with no address but loopback the test cannot
 * try the other side; this one has one.)
 */
class LocalStackMainTest {

    @Test
    void aRestartKeepsTheFourDemoRowsAndTheClusterRestApiIsNeitherOfferedNorPrinted() throws Exception {
        Path dataDir = Files.createTempDirectory("sluice-launcher-test-");
        // Kafka's port is kept across the restart, as run.sh keeps 9092: the demo data source stores the address
        int kafkaPort = LocalStack.freePort();
        LocalStack.Settings settings = new LocalStack.Settings(
                1, Duration.ofSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(20), 0, -1, 0, kafkaPort);
        for (int start = 1; start <= 2; start++) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            try (LocalStack stack = LocalStackMain.start(settings, dataDir, new PrintStream(printed, true, StandardCharsets.UTF_8))) {
                String banner = printed.toString(StandardCharsets.UTF_8);
                assertThat(stack.recordCount("orders")).as("start " + start).isEqualTo(4);
                assertThat(stack.consume("orders", 5, Duration.ofSeconds(3))).as("start " + start).hasSize(4);
                assertThat(banner).as("start " + start).contains("topic orders has 4 rows");

                URI clusterRest = stack.miniCluster.getRestAddress().get();
                assertThat(banner).doesNotContain(":" + clusterRest.getPort()).doesNotContainIgnoringCase("web ui");
                int blobServer = stack.miniCluster.getClusterInformation().getBlobServerPort();
                for (int port : List.of(clusterRest.getPort(), blobServer)) {
                    assertLoopbackOnly(port);
                }
            }
        }
    }

    /** The cluster answers on loopback (the gateway's way in) and not on the machine's other address. */
    private static void assertLoopbackOnly(int port) throws IOException {
        try (Socket loopback = new Socket()) {
            loopback.connect(new InetSocketAddress("127.0.0.1", port), 2000);
        }
        Optional<InetAddress> outside = nonLoopbackAddress();
        if (outside.isPresent()) {
            assertThatThrownBy(() -> {
                try (Socket fromOutside = new Socket()) {
                    fromOutside.connect(new InetSocketAddress(outside.get(), port), 2000);
                }
            }).as("port " + port + " on " + outside.get()).isInstanceOf(IOException.class);
        }
    }

    /** An address of this machine other than loopback, from which a tenant would reach a port not bound to loopback. */
    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : List.copyOf(NetworkInterface.networkInterfaces().toList())) {
            if (nic.isUp() && !nic.isLoopback()) {
                Optional<InetAddress> address = nic.inetAddresses().filter(a -> a instanceof java.net.Inet4Address).findFirst();
                if (address.isPresent()) {
                    return address;
                }
            }
        }
        return Optional.empty();
    }
}
