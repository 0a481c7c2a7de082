package io.sluice.gateway.jdbc;

import io.sluice.gateway.testing.GatewayStack;
import io.sluice.gateway.testing.PreparedQueryMain;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Third-party JDBC clients, each a process of its own with nothing of Sluice on its classpath but the shaded driver
 * jar (copied with the clients' jars by the {@code sqlline} and {@code schemacrawler} executions of the pom), against
 * the sluice endpoint of the real stack.
 */
class BiClientsTest {

    private static final String TABLE = "bi_customers";

    private static GatewayStack stack;

    @TempDir static Path work;

    @BeforeAll
    static void startStack() {
        stack = GatewayStack.withFreeSlots();
        stack.publishTopic(TABLE, "upsert",
                "[{\"name\":\"customer_id\",\"type\":\"BIGINT NOT NULL\",\"comment\":\"customer id\"},"
                        + "{\"name\":\"customer_name\",\"type\":\"STRING\",\"comment\":\"full name\"}]",
                "[\"customer_id\"]");
    }

    @Test
    void sqlLineConnectsQueriesAndListsTablesAndColumns() throws Exception {
        Path script = work.resolve("sqlline.sql");
        Files.writeString(script, String.join("\n",
                "!connect " + url("/test.demo_kafka") + " " + ALICE + " " + ALICE_PASSWORD,
                "SELECT 'from sqlline' AS greeting, 6 * 7 AS answer;",
                "!tables",
                "!columns " + TABLE,
                "!primarykeys " + TABLE,
                "!quit", ""));
        String output = run("sqlline", List.of(
                "-cp", jars("sqlline.dir"), "sqlline.SqlLine",
                "--maxWidth=1000", "--color=false", "--showWarnings=true", "-f", script.toString()));
        assertThat(output).containsPattern("\\| +from sqlline +\\| +42 +\\|");
        assertThat(output).containsPattern("\\| +test +\\| +demo_kafka +\\| +" + TABLE + " +\\| +TABLE +\\|")
                .containsPattern("\\| +test +\\| +demo_kafka +\\| +orders +\\| +TABLE +\\|");
        assertThat(output).containsPattern("\\| +" + TABLE + " +\\| +customer_id +\\| +-5 +\\| +BIGINT")
                .containsPattern("\\| +" + TABLE + " +\\| +customer_name +\\| +12 +\\| +(STRING|VARCHAR)");
        assertThat(output).containsPattern("\\| +" + TABLE + " +\\| +customer_id +\\| +1 +\\|");
        assertThat(output).doesNotContain("Error:", "Exception");
    }

    @Test
    void aPreparedStatementRunsFromAProcessWithOnlyTheDriver() throws Exception {
        String output = run("prepared-query", List.of(
                "-cp", jars("sqlline.dir", "sluice-jdbc-driver") + File.pathSeparator
                        + System.getProperty("test.classes.dir"),
                PreparedQueryMain.class.getName(),
                url("/test.demo_kafka"), ALICE, ALICE_PASSWORD,
                "SELECT ? AS word, CHAR_LENGTH(?) AS length", "it's -- bound", "four"));
        assertThat(output).contains("ROW it's -- bound | 4");
    }

    /** No JDK 11 on this machine to load it in; what it needs from one is checked in the jar itself. */
    @Test
    void theDriverJarIsJava11BytecodeWithNoClassButItsOwn() throws Exception {
        int classes = 0;
        try (JarFile jar = new JarFile(jars("sqlline.dir", "sluice-jdbc-driver"))) {
            for (JarEntry entry : Collections.list(jar.entries())) {
                if (!entry.getName().endsWith(".class")) {
                    continue;
                }
                assertThat(entry.getName()).startsWith("io/sluice/jdbc/");
                try (DataInputStream in = new DataInputStream(jar.getInputStream(entry))) {
                    assertThat(in.readInt()).isEqualTo(0xCAFEBABE);
                    in.readUnsignedShort();
                    assertThat(in.readUnsignedShort()).as("class file version of " + entry.getName())
                            .isLessThanOrEqualTo(55);
                }
                classes++;
            }
        }
        assertThat(classes).isGreaterThan(20);
    }

    @Test
    void schemaCrawlerListsTablesColumnsAndKeys() throws Exception {
        Path report = work.resolve("schemacrawler.txt");
        String output = run("schemacrawler", List.of(
                "-cp", jars("schemacrawler.dir"), "schemacrawler.Main",
                "--url=" + url("/test"), "--user=" + ALICE, "--password:env=SLUICE_PASSWORD",
                "--schemas=test\\.demo_kafka", "--info-level=standard", "--command=schema",
                "--no-info", "--output-format=text", "--output-file=" + report));
        assertThat(report).as("SchemaCrawler's report; its output:\n%s", output).exists();
        String crawled = Files.readString(report);
        assertThat(crawled).contains("test.demo_kafka." + TABLE, "test.demo_kafka.orders")
                .containsPattern("customer_id +BIGINT")
                .containsPattern("customer_name +(STRING|VARCHAR)")
                .containsPattern("(?i)primary key");
    }

    private static String url(String path) {
        return "jdbc:sluice://127.0.0.1:" + stack.sluicePort + path;
    }

    /** The jars of a client's directory, or of those its names start with. */
    private static String jars(String directoryProperty, String... onlyStartingWith) throws Exception {
        List<String> jars = new ArrayList<>();
        try (var files = Files.list(Path.of(System.getProperty(directoryProperty)))) {
            files.map(Path::toString)
                    .filter(jar -> jar.endsWith(".jar"))
                    .filter(jar -> onlyStartingWith.length == 0
                            || Path.of(jar).getFileName().toString().startsWith(onlyStartingWith[0]))
                    .sorted()
                    .forEach(jars::add);
        }
        return String.join(File.pathSeparator, jars);
    }

    /** Runs a JVM to its end (2 minutes at most) and returns its output, which is also printed for the test log. */
    private static String run(String name, List<String> jvmArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(jvmArgs);
        Path log = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("SLUICE_PASSWORD", ALICE_PASSWORD);
        Process process = builder.start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println("--- " + name + " ---\n" + output);
        assertThat(process.exitValue()).as("%s's exit code; its output:\n%s", name, output).isZero();
        return output;
    }
}
