package io.sluice.hive.testserver;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Hive Metastore ({@code hive-standalone-metastore-server}, Derby in memory) in a child JVM on a free
 * loopback port, for tests and benchmarks. Its libraries are only on the child's classpath, read from the
 * {@code metastore-server.classpath} this module's build wrote. {@link #seed} changes its databases and tables
 * through the metastore's own Thrift client, in another child JVM ({@link Seeder}).
 */
public final class MetastoreServer implements AutoCloseable {

    private static final String CLASSPATH = "metastore-server.classpath";
    private static final long START_MILLIS = 90_000;

    private final Process process;
    private final int port;
    private final Path log;
    private final Path warehouse;

    private MetastoreServer(Process process, int port, Path log, Path warehouse) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.warehouse = warehouse;
    }

    /** Starts a metastore and waits until its Thrift port accepts connections. */
    public static MetastoreServer start() {
        try {
            int port = freePort();
            Path warehouse = Files.createTempDirectory("sluice-hive-warehouse");
            Path log = Files.createTempFile("sluice-hive-metastore", ".log");
            List<String> command = java(serverClasspath());
            command.add("org.apache.hadoop.hive.metastore.HiveMetaStore");
            command.addAll(List.of("-p", String.valueOf(port)));
            for (String setting : List.of(
                    "javax.jdo.option.ConnectionURL=jdbc:derby:memory:metastore_" + port + ";create=true",
                    "metastore.schema.verification=false",
                    "datanucleus.schema.autoCreateAll=true",
                    "metastore.expression.proxy=org.apache.hadoop.hive.metastore.DefaultPartitionExpressionProxy",
                    "metastore.thrift.bind.host=127.0.0.1",
                    "metastore.warehouse.dir=" + warehouse.resolve("managed").toUri(),
                    "metastore.warehouse.external.dir=" + warehouse.resolve("external").toUri(),
                    "metastore.disallow.incompatible.col.type.changes=false",
                    "metastore.event.db.notification.api.auth=false")) {
                command.addAll(List.of("--hiveconf", setting));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            MetastoreServer server = new MetastoreServer(process, port, log, warehouse);
            server.awaitPort();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Hive Metastore", e);
        }
    }

    /** {@code thrift://127.0.0.1:<port>} */
    public String uri() {
        return "thrift://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Runs {@link Seeder} commands against this metastore, one per line, fields separated by tabs:
     * {@code database NAME}; {@code table DB NAME COLUMNS [PARTITION_COLUMNS [FORMAT]]} with columns as
     * {@code name=hive type[=comment]} separated by {@code |} and format {@code parquet}, {@code orc} or {@code textfile};
     * {@code columns DB NAME COLUMNS} (replaces the data columns); {@code partitions DB NAME COLUMNS};
     * {@code drop DB NAME}; {@code many DB PREFIX COUNT COLUMNS}.
     */
    public void seed(String... commands) {
        try {
            List<String> command = java(serverClasspath() + File.pathSeparator + ownLocation());
            command.add(Seeder.class.getName());
            command.add(uri());
            command.add(warehouse.resolve("external").toUri().toString());
            Path output = Files.createTempFile("sluice-hive-seed", ".log");
            Process seeder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
            seeder.getOutputStream().write(String.join("\n", commands).concat("\n").getBytes(StandardCharsets.UTF_8));
            seeder.getOutputStream().close();
            if (!seeder.waitFor(10, TimeUnit.MINUTES) || seeder.exitValue() != 0) {
                seeder.destroyForcibly();
                throw new IllegalStateException("seeding the metastore failed:\n" + tail(output));
            }
            Files.deleteIfExists(output);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run the metastore seeder", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while seeding the metastore", e);
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.deleteIfExists(log);
        } catch (IOException ignored) {
            // a temporary file
        }
        warehouse.toFile().deleteOnExit();
    }

    private void awaitPort() {
        long deadline = System.currentTimeMillis() + START_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the Hive Metastore exited with " + process.exitValue() + ":\n" + tail(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        close();
        throw new IllegalStateException("the Hive Metastore did not open port " + port + " within " + START_MILLIS / 1000 + " s");
    }

    private static List<String> java(String classpath) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dlog4j2.level=WARN",
                "-Dderby.stream.error.file=/dev/null", "-cp", classpath));
        return command;
    }

    private static String serverClasspath() {
        try (InputStream in = MetastoreServer.class.getResourceAsStream(CLASSPATH)) {
            if (in == null) {
                throw new IllegalStateException(CLASSPATH + " is missing: build hive-metastore-test-server with Maven");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ownLocation() {
        try {
            return Path.of(MetastoreServer.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e.getMessage() + ")";
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the Hive Metastore", e);
        }
    }
}
