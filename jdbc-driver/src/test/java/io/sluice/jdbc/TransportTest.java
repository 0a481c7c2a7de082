package io.sluice.jdbc;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * What goes over the wire before the gateway has answered, against a socket of the test's own on loopback (a
 * listener that records the first bytes a connection sends, then answers with {@code reply} or nothing): with
 * ssl=true the first bytes are a TLS handshake and never the credentials; the errors say which setting to change.
 */
class TransportTest {

    private static final String PASSWORD = "transport-secret-pw";

    @Test
    void withSslTheFirstBytesAreATlsHandshakeAndCarryNoCredentials() throws Exception {
        Properties login = login();
        login.setProperty("ssl", "true");
        try (Listener listener = new Listener(null)) {
            SQLException refused = catchThrowableOfType(
                    () -> DriverManager.getConnection(listener.url(""), login), SQLException.class);
            byte[] sent = listener.firstBytes();
            assertThat(sent[0]).as("a TLS handshake record").isEqualTo((byte) 0x16);
            String text = new String(sent, StandardCharsets.ISO_8859_1);
            assertThat(text).doesNotContain("Authorization", PASSWORD, "POST");
            assertThat(refused.getSQLState()).isEqualTo("08001");
            assertThat(refused.getMessage())
                    .startsWith("Cannot reach the gateway at https://127.0.0.1:" + listener.port() + " to open a session: "
                            + "the TLS handshake failed")
                    .doesNotContain("\n\tat ", "Exception");
        }
    }

    @Test
    void sslTrueAgainstPlainHttpSaysThePortDoesNotSpeakTls() throws Exception {
        try (Listener listener = new Listener("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")) {
            SQLException refused = catchThrowableOfType(
                    () -> DriverManager.getConnection(listener.url("?ssl=true"), login()), SQLException.class);
            assertThat(refused.getSQLState()).isEqualTo("08001");
            assertThat(refused.getMessage()).endsWith("it does not speak TLS on that port, but the URL says ssl=true; "
                    + "use the gateway's TLS port, or ssl=false if it serves plain HTTP");
        }
    }

    @Test
    void plainHttpToAPortThatHangsUpSuggestsSsl() throws Exception {
        try (Listener listener = new Listener(null)) {
            SQLException refused = catchThrowableOfType(
                    () -> DriverManager.getConnection(listener.url(""), login()), SQLException.class);
            assertThat(listener.firstBytes()).as("plain http sends the request as it is").isNotEmpty();
            assertThat(refused.getSQLState()).isEqualTo("08001");
            assertThat(refused.getMessage())
                    .startsWith("Cannot reach the gateway at http://127.0.0.1:" + listener.port())
                    .contains("the connection closed without an HTTP answer")
                    .endsWith("if the gateway serves TLS on that port, add ssl=true to the URL");
        }
    }

    @Test
    void aRedirectToHttpsIsNotFollowedAndSuggestsSsl() throws Exception {
        // what Flink's REST endpoint serving TLS answers to plain HTTP
        try (Listener listener = new Listener("HTTP/1.1 307 Temporary Redirect\r\nLocation: https://127.0.0.1:1/v3/"
                + "sessions\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")) {
            SQLException refused = catchThrowableOfType(
                    () -> DriverManager.getConnection(listener.url(""), login()), SQLException.class);
            assertThat(refused.getSQLState()).isEqualTo("08001");
            assertThat(refused.getMessage()).isEqualTo("Cannot reach the gateway at http://127.0.0.1:" + listener.port()
                    + " to open a session: it serves TLS on that port (it answers plain HTTP with a redirect to https); "
                    + "add ssl=true to the URL");
        }
    }

    @Test
    void nothingListeningNamesHostAndPort() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        SQLException refused = catchThrowableOfType(
                () -> DriverManager.getConnection("jdbc:sluice://127.0.0.1:" + port, login()), SQLException.class);
        assertThat(refused.getSQLState()).isEqualTo("08001");
        assertThat(refused.getMessage()).isEqualTo("Cannot reach the gateway at http://127.0.0.1:" + port
                + " to open a session: nothing listens there or a firewall refuses; check the URL's host and port");
    }

    private static Properties login() {
        Properties login = new Properties();
        login.setProperty("user", "transport-user");
        login.setProperty("password", PASSWORD);
        return login;
    }

    /** Accepts one connection, records what arrives within a moment, answers with the reply (if any), hangs up. */
    private static final class Listener implements AutoCloseable {

        private final ServerSocket server;
        private final CompletableFuture<byte[]> received = new CompletableFuture<>();

        Listener(String reply) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            Thread accepting = new Thread(() -> serve(reply), "transport-test-listener");
            accepting.setDaemon(true);
            accepting.start();
        }

        private void serve(String reply) {
            try (Socket socket = server.accept()) {
                socket.setSoTimeout(500);
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                InputStream in = socket.getInputStream();
                byte[] buffer = new byte[4096];
                try {
                    for (int n; bytes.size() < 64 * 1024 && (n = in.read(buffer)) > 0; ) {
                        bytes.write(buffer, 0, n);
                    }
                } catch (java.net.SocketTimeoutException enough) {
                    // the client waits for an answer now: what it sent so far is what it sends unanswered
                }
                received.complete(bytes.toByteArray());
                if (reply != null) {
                    socket.getOutputStream().write(reply.getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                }
            } catch (IOException e) {
                received.completeExceptionally(e);
            }
        }

        int port() {
            return server.getLocalPort();
        }

        String url(String query) {
            return "jdbc:sluice://127.0.0.1:" + port() + query;
        }

        byte[] firstBytes() throws Exception {
            return received.get(10, TimeUnit.SECONDS);
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
