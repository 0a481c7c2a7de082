package io.sluice.localstack.kafka;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

/**
 * Formats a fresh KRaft log directory and runs a combined broker and controller on 127.0.0.1.
 *
 * <p>Prints {@value #READY_PREFIX}{@code host:port} once the broker accepts connections, and exits when its
 * standard input closes, so that a broker started by a test or by the launcher never outlives it.
 *
 * <p>Usage: {@code KafkaBrokerMain [port]} (port 0 or none picks a free one).
 */
public final class KafkaBrokerMain {

    public static final String READY_PREFIX = "KAFKA READY ";

    private KafkaBrokerMain() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 && Integer.parseInt(args[0]) > 0 ? Integer.parseInt(args[0]) : freePort();
        int controllerPort = freePort();
        // A directory given by the launcher keeps topics across restarts; tests get a fresh one.
        Path dir = args.length > 1 ? Files.createDirectories(Path.of(args[1])) : Files.createTempDirectory("sluice-kafka-");
        boolean fresh = !Files.exists(dir.resolve("data").resolve("meta.properties"));
        Path config = dir.resolve("server.properties");
        Properties server = new Properties();
        server.setProperty("process.roles", "broker,controller");
        server.setProperty("node.id", "1");
        server.setProperty("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        server.setProperty("controller.listener.names", "CONTROLLER");
        server.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        server.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        server.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        server.setProperty("inter.broker.listener.name", "PLAINTEXT");
        server.setProperty("log.dirs", dir.resolve("data").toString());
        server.setProperty("num.partitions", "1");
        server.setProperty("offsets.topic.replication.factor", "1");
        server.setProperty("offsets.topic.num.partitions", "1");
        server.setProperty("transaction.state.log.replication.factor", "1");
        server.setProperty("transaction.state.log.min.isr", "1");
        server.setProperty("group.initial.rebalance.delay.ms", "0");
        server.setProperty("auto.create.topics.enable", "true");
        try (OutputStream out = Files.newOutputStream(config)) {
            server.store(out, "single-node KRaft broker of the Sluice local stack");
        }

        int formatted =
                fresh
                        ? kafka.tools.StorageTool.execute(
                                // one argument: a cluster id may start with '-' (base64url), which would read as an option
                                new String[] {"format", "--cluster-id=" + clusterId(), "-c", config.toString()},
                                new PrintStream(OutputStream.nullOutputStream()))
                        : 0;
        if (formatted != 0) {
            throw new IllegalStateException("Formatting the Kafka log directory " + dir + " failed: " + formatted);
        }

        Thread ready = new Thread(() -> announceWhenListening(port), "kafka-ready");
        ready.setDaemon(true);
        ready.start();
        Thread parentWatch = new Thread(KafkaBrokerMain::exitWhenStdinCloses, "kafka-parent-watch");
        parentWatch.setDaemon(true);
        parentWatch.start();

        kafka.Kafka.main(new String[] {config.toString()});
    }

    private static void announceWhenListening(int port) {
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                System.out.println(READY_PREFIX + "127.0.0.1:" + port);
                System.out.flush();
                return;
            } catch (IOException notYet) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private static void exitWhenStdinCloses() {
        try (InputStream in = System.in) {
            while (in.read() >= 0) {
                // the parent writes nothing: only the end of the stream matters
            }
        } catch (IOException ignored) {
            // a broken pipe means the parent is gone, as does the end of the stream
        }
        System.exit(0);
    }

    /** A KRaft cluster id: 16 random bytes in URL-safe base64 without padding. */
    private static String clusterId() {
        UUID uuid = UUID.randomUUID();
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
