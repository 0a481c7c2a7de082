package io.sluice.gateway.jdbc;

import io.sluice.gateway.testing.DriverProbeMain;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.localstack.LocalStack;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Sluice's JDBC driver over TLS, end to end: a second gateway whose sluice endpoint serves TLS with a self-signed
 * certificate made for the class by the JDK's {@code keytool} (in a temp dir; no key material is committed), given
 * as the endpoint's own {@code security.ssl.rest.*} options, while its link to the stack's plain MiniCluster stays
 * http. A BI user trusts the certificate the JDK's way, with {@code javax.net.ssl.trustStore} in a JVM of its own
 * that has only the driver jar; this test JVM trusts only the JDK's authorities, so it sees an untrusted certificate.
 */
class DriverTlsTest {

    private static final String KEYSTORE_PASSWORD = "tls-test-keystore-pw";
    private static final String TRUSTSTORE_PASSWORD = "tls-test-truststore-pw";

    @TempDir static Path work;

    private static GatewayStack stack;
    private static LocalStack.ExtraGateway tls;
    private static Path truststore;

    @BeforeAll
    static void startTlsGateway() throws Exception {
        stack = GatewayStack.withFreeSlots();
        Path keystore = work.resolve("gateway.p12");
        Path certificate = work.resolve("gateway.pem");
        truststore = work.resolve("truststore.p12");
        keytool("-genkeypair", "-alias", "gateway", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", KEYSTORE_PASSWORD, "-keypass", KEYSTORE_PASSWORD);
        keytool("-exportcert", "-rfc", "-alias", "gateway", "-keystore", keystore.toString(),
                "-storepass", KEYSTORE_PASSWORD, "-file", certificate.toString());
        keytool("-importcert", "-noprompt", "-alias", "gateway", "-file", certificate.toString(), "-storetype",
                "PKCS12", "-keystore", truststore.toString(), "-storepass", TRUSTSTORE_PASSWORD);
        tls = stack.startSluiceGateway(Map.of(
                LocalStack.SLUICE + "security.ssl.rest.enabled", "true",
                LocalStack.SLUICE + "security.ssl.rest.keystore", keystore.toString(),
                LocalStack.SLUICE + "security.ssl.rest.keystore-password", KEYSTORE_PASSWORD,
                LocalStack.SLUICE + "security.ssl.rest.key-password", KEYSTORE_PASSWORD));
    }

    @AfterAll
    static void stopTlsGateway() {
        if (tls != null) {
            tls.close();
        }
    }

    @Test
    void sslTrueConnectsQueriesAndListsTablesWithTheJdkTrustStore() throws Exception {
        String output = probe(url(tls.port(), "/test.demo_kafka?ssl=true"), trustingTheCertificate());
        assertThat(output).contains("ROW 1", "TABLE orders", "DONE").doesNotContain("SQLSTATE");
        // the endpoint's TLS options are the gateway's, not the session's: no password of them in SET
        assertThat(output).contains("SET ").doesNotContain(KEYSTORE_PASSWORD);
    }

    @Test
    void aCertificateForAnotherHostIsRefusedNamingTheHost() throws Exception {
        // the certificate names 127.0.0.1 only
        String output = probe("jdbc:sluice://localhost:" + tls.port() + "/test?ssl=true", trustingTheCertificate());
        assertThat(output.strip()).isEqualTo("SQLSTATE 08001 Cannot reach the gateway at https://localhost:" + tls.port()
                + " to open a session: its TLS certificate is not issued for the host localhost; connect with a host "
                + "name the certificate names");
    }

    @Test
    void plainHttpAgainstTheTlsPortFailsSuggestingSsl() {
        SQLException refused = connect(url(tls.port(), "/test"));
        assertThat(refused.getSQLState()).isEqualTo("08001");
        assertThat(refused.getMessage()).isEqualTo("Cannot reach the gateway at http://127.0.0.1:" + tls.port()
                + " to open a session: it serves TLS on that port (it answers plain HTTP with a redirect to "
                + "https); add ssl=true to the URL");
        assertNoTrace(refused);
    }

    @Test
    void anUntrustedCertificateIsRefusedNamingTheProblem() {
        SQLException refused = connect(url(tls.port(), "/test?ssl=true"));
        assertThat(refused.getSQLState()).isEqualTo("08001");
        assertThat(refused.getMessage()).isEqualTo("Cannot reach the gateway at https://127.0.0.1:" + tls.port()
                + " to open a session: its TLS certificate is not trusted by this Java runtime (no certificate "
                + "authority it trusts signed it). Put the gateway's certificate, or its authority's, into a "
                + "truststore and start the application with -Djavax.net.ssl.trustStore=<file> "
                + "-Djavax.net.ssl.trustStorePassword=<password>");
        assertNoTrace(refused);
    }

    @Test
    void sslTrueAgainstAPlainPortSaysItDoesNotSpeakTls() {
        SQLException refused = connect(url(stack.sluicePort, "/test?ssl=true"));
        assertThat(refused.getSQLState()).isEqualTo("08001");
        assertThat(refused.getMessage())
                .startsWith("Cannot reach the gateway at https://127.0.0.1:" + stack.sluicePort)
                .endsWith("it does not speak TLS on that port, but the URL says ssl=true; use the gateway's TLS port, "
                        + "or ssl=false if it serves plain HTTP");
        assertNoTrace(refused);
    }

    /** The JDK's standard properties, as a BI user would set them for the tool's JVM. */
    private static List<String> trustingTheCertificate() {
        return List.of("-Djavax.net.ssl.trustStore=" + truststore,
                "-Djavax.net.ssl.trustStorePassword=" + TRUSTSTORE_PASSWORD);
    }

    private static String url(int port, String pathAndQuery) {
        return "jdbc:sluice://127.0.0.1:" + port + pathAndQuery;
    }

    private static SQLException connect(String url) {
        return catchThrowableOfType(() -> DriverManager.getConnection(url, ALICE, ALICE_PASSWORD).close(),
                SQLException.class);
    }

    private static void assertNoTrace(SQLException refused) {
        assertThat(refused.getMessage()).doesNotContain("\tat ", "Exception", "sun.security", "javax.net.ssl.SSL");
    }

    private static void keytool(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("keytool %s: %s", args[0], output).isZero();
    }

    /** {@link DriverProbeMain} in a JVM of its own with only the driver jar (and the probe) on its classpath. */
    private static String probe(String url, List<String> jvmOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx128m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", driverJar() + File.pathSeparator + System.getProperty("test.classes.dir"),
                DriverProbeMain.class.getName(), url, ALICE, ALICE_PASSWORD, "test", "demo_kafka"));
        Path log = Files.createTempFile(work, "probe-", ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(2, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String output = Files.readString(log);
        System.out.println("--- driver probe ---\n" + output);
        return output;
    }

    private static String driverJar() throws Exception {
        try (var files = Files.list(Path.of(System.getProperty("sqlline.dir")))) {
            return files.map(Path::toString)
                    .filter(jar -> Path.of(jar).getFileName().toString().startsWith("sluice-jdbc-driver"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("no sluice-jdbc-driver jar in sqlline.dir"));
        }
    }
}
