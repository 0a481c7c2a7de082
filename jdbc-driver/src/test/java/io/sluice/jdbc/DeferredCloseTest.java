package io.sluice.jdbc;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Closing a result set sends the operation's close and does not wait for the answer; closing the connection waits
 * for the closes in flight before it closes the session, and a cancel waits for its close. The gateway here is a
 * stand-in speaking the REST API's few answers (the JDK's HTTP server), because the test must hold the answer to a
 * close at will, which a real gateway does not let it do; the real gateway's side is in SluiceDriverTest.
 */
class DeferredCloseTest {

    private static final String SESSION = "11111111-1111-1111-1111-111111111111";

    private HttpServer gateway;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch closeAnswer = new CountDownLatch(1);
    private final AtomicInteger operations = new AtomicInteger();

    @BeforeEach
    void startGateway() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        gateway.setExecutor(Executors.newCachedThreadPool());
        gateway.createContext("/", this::answer);
        gateway.start();
    }

    @AfterEach
    void stopGateway() {
        closeAnswer.countDown();
        gateway.stop(0);
    }

    @Test
    void closingAResultSetDoesNotWaitForTheGatewaysAnswerButClosingTheConnectionDoes() throws Exception {
        Connection connection = connect();
        try (Statement statement = connection.createStatement()) {
            ResultSet rows = statement.executeQuery("SELECT 1");
            assertThat(rows.next()).isTrue();
            long start = System.nanoTime();
            rows.close();
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
                    .as("close returns while the gateway holds its answer").isLessThan(1_000);
            awaitRequest("DELETE /v3/sessions/" + SESSION + "/operations/" + handle(1) + "/close");
        }
        Thread closing = started(connection::close);
        closing.join(500);
        assertThat(closing.isAlive()).as("the connection's close waits for the operation's").isTrue();
        assertThat(requests).doesNotContain("DELETE /v3/sessions/" + SESSION);
        closeAnswer.countDown();
        closing.join(10_000);
        assertThat(closing.isAlive()).isFalse();
        assertThat(requests).endsWith("DELETE /v3/sessions/" + SESSION);
    }

    @Test
    void aFifthCloseInFlightWaitsForTheOldest() throws Exception {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (int i = 1; i <= 4; i++) {
                statement.executeQuery("SELECT 1").close();
            }
            for (int i = 1; i <= 4; i++) {
                awaitRequest("DELETE /v3/sessions/" + SESSION + "/operations/" + handle(i) + "/close");
            }
            ResultSet fifth = statement.executeQuery("SELECT 1");
            Thread closing = started(fifth::close);
            closing.join(500);
            assertThat(closing.isAlive()).as("four closes are in flight already").isTrue();
            closeAnswer.countDown();
            closing.join(10_000);
            assertThat(closing.isAlive()).isFalse();
        }
    }

    /** A thread of its own closing something, so the test can see whether the close waits. */
    private static Thread started(AutoCloseable closeable) {
        Thread closing = new Thread(() -> {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        closing.start();
        return closing;
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection("jdbc:sluice://127.0.0.1:" + gateway.getAddress().getPort()
                + "?user=u&password=p");
    }

    private void awaitRequest(String request) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!requests.contains(request)) {
            assertThat(System.nanoTime()).as("the gateway receives %s", request).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static String handle(int operation) {
        return String.format("22222222-2222-2222-2222-%012d", operation);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        exchange.getRequestBody().readAllBytes();
        requests.add(method + " " + path);
        String body;
        if (method.equals("POST") && path.equals("/v3/sessions")) {
            body = "{\"sessionHandle\":\"" + SESSION + "\"}";
        } else if (method.equals("POST") && path.endsWith("/statements")) {
            body = "{\"operationHandle\":\"" + handle(operations.incrementAndGet()) + "\"}";
        } else if (method.equals("GET") && path.contains("/result/")) {
            body = "{\"resultType\":\"PAYLOAD\",\"isQueryResult\":true,\"resultKind\":\"SUCCESS_WITH_CONTENT\","
                    + "\"jobID\":\"j\",\"results\":{\"columns\":[{\"name\":\"EXPR$0\",\"logicalType\":"
                    + "{\"type\":\"INTEGER\",\"nullable\":false}}],\"data\":[{\"kind\":\"INSERT\",\"fields\":[1]}]},"
                    + "\"nextResultUri\":\"" + path.replaceAll("/result/\\d+$", "/result/1") + "\"}";
        } else if (method.equals("DELETE") && path.endsWith("/close")) {
            try {
                closeAnswer.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            body = "{\"status\":\"CLOSED\"}";
        } else {
            body = "{}";
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
