package io.sluice.jdbc;

import io.sluice.templates.Json;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One session of the gateway's REST API (v3), sending the credentials on every request so the gateway can check
 * them per request. The HTTP client is the JDK's, its requests asynchronous so a wait can be given up. Every answer that is not 200 becomes the SQLException {@link GatewayErrors} makes of it.
 */
final class GatewayClient {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);
    private static final int MOST_CLOSES_IN_FLIGHT = 4;

    private final HttpClient http;
    private final URI base;
    private final String authorization;
    private String session;
    private final ArrayDeque<CompletableFuture<?>> closesInFlight = new ArrayDeque<>();

    private GatewayClient(HttpClient http, URI base, String authorization) {
        this.http = http;
        this.base = base;
        this.authorization = authorization;
    }

    /** Opens a session; the properties go to the gateway as the session's (project, …). */
    static GatewayClient open(ConnectionUrl url) throws SQLException {
        // Flink's REST endpoint speaks HTTP/1.1 only: no h2c upgrade offered on every new connection
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                .build();
        GatewayClient client = new GatewayClient(http, url.restBase(), authorization(url));
        Map<String, Object> properties = new LinkedHashMap<>();
        if (url.setting("project") != null) {
            properties.put("project", url.setting("project"));
        }
        properties.put(ConnectionUrl.RESULT_MODE_PROPERTY, url.resultMode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("properties", properties);
        Map<?, ?> answer;
        try {
            answer = client.send("POST", "/v3/sessions", body, "open a session");
        } catch (SQLNonTransientConnectionException e) {
            // JDBC's state for "could not establish the connection"
            throw new SQLNonTransientConnectionException(e.getMessage(), "08001", e.getErrorCode());
        }
        client.session = text(answer, "sessionHandle");
        return client;
    }

    private static String authorization(ConnectionUrl url) throws SQLException {
        String token = url.setting("token");
        String user = url.setting("user");
        String password = url.setting("password");
        if (token != null && (user != null || password != null)) {
            throw new java.sql.SQLInvalidAuthorizationSpecException(
                    "Give either a token or user and password, not both", "28000");
        }
        if (token != null) {
            return "Bearer " + token;
        }
        if (user == null) {
            return null;
        }
        String pair = user + ":" + (password == null ? "" : password);
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** Submits a statement; returns its operation handle. */
    String execute(String statement) throws SQLException {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("statement", statement);
        return text(send("POST", sessionPath() + "/statements", body, "run the statement"), "operationHandle");
    }

    /** The gateway's base URI: its scheme says whether requests go over TLS. */
    URI gateway() {
        return base;
    }

    /**
     * One page of an operation's result ({@code resultType} NOT_READY, PAYLOAD or EOS). The gateway holds the
     * request while a streaming query has no new rows, up to {@code timeout} here.
     */
    CompletableFuture<HttpResponse<String>> fetch(String operation, long token, Duration timeout) {
        return start("GET", sessionPath() + "/operations/" + operation + "/result/" + token + "?rowFormat=JSON",
                null, timeout);
    }

    /**
     * Closes an operation and waits for the answer: the gateway cancels its job if it runs. One the gateway no longer
     * has is closed.
     */
    void closeOperation(String operation) throws SQLException {
        try {
            await(sendClose(operation), base, "close the statement");
        } catch (SQLException e) {
            if (e.getErrorCode() != 404) {
                throw e;
            }
        }
    }

    /**
     * Closes an operation without waiting for the answer, as pgjdbc defers closing server-side statements: a BI
     * tool's next statement (a pool's {@code SELECT 1}) does not wait for the previous job's cancellation. At most
     * {@value #MOST_CLOSES_IN_FLIGHT} are in flight per connection (a further one waits for the oldest), and
     * {@link #closeSession} waits for them; closing the session closes any operation whose close did not arrive.
     */
    void closeOperationLater(String operation) {
        CompletableFuture<?> oldest = null;
        synchronized (closesInFlight) {
            closesInFlight.removeIf(CompletableFuture::isDone);
            if (closesInFlight.size() >= MOST_CLOSES_IN_FLIGHT) {
                oldest = closesInFlight.poll();
            }
        }
        if (oldest != null) {
            awaitQuietly(oldest, REQUEST_TIMEOUT);
        }
        CompletableFuture<?> close = sendClose(operation);
        synchronized (closesInFlight) {
            closesInFlight.add(close);
        }
    }

    /**
     * Sends an operation's close, a second time when the connection broke before an answer (closing is idempotent):
     * a job must not outlive its statement.
     */
    private CompletableFuture<HttpResponse<String>> sendClose(String operation) {
        String path = sessionPath() + "/operations/" + operation + "/close";
        return start("DELETE", path, null, REQUEST_TIMEOUT)
                .handle((answer, failure) -> {
                    if (failure == null) {
                        return CompletableFuture.completedFuture(answer);
                    }
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause() : failure;
                    // a gateway that did not answer in time is not asked again: that wait would double
                    return cause instanceof HttpTimeoutException ? CompletableFuture.<HttpResponse<String>>failedFuture(cause)
                            : start("DELETE", path, null, REQUEST_TIMEOUT);
                })
                .thenCompose(sent -> sent);
    }

    private static void awaitQuietly(CompletableFuture<?> pending, Duration timeout) {
        try {
            pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the session's close that follows, or its expiry on the gateway, ends the operation
        }
    }

    /**
     * The tables and views of one database of the session's catalogs, each with its columns, comment and key
     * (Sluice's own route, one request for what DESCRIBE gives per table); {@code table} null for all of them.
     */
    List<?> tables(String catalog, String database, String table) throws SQLException {
        String query = "?catalog=" + encoded(catalog) + "&database=" + encoded(database)
                + (table == null ? "" : "&table=" + encoded(table));
        Object tables = send("GET", sessionPath() + "/sluice/tables" + query, null, "list its tables").get("tables");
        if (!(tables instanceof List)) {
            throw new SQLException("The gateway's answer has no tables; is it a Sluice gateway?", "08006");
        }
        return (List<?>) tables;
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Keeps the session alive and proves it is, without running a statement. */
    void heartbeat(Duration timeout) throws SQLException {
        send("POST", sessionPath() + "/heartbeat", Map.of(), "check the connection", timeout);
    }

    /** The gateway's product name and version ({@code GET /v3/info}). */
    String[] info() throws SQLException {
        Map<?, ?> answer = send("GET", "/v3/info", null, "read its version");
        return new String[] {text(answer, "productName"), text(answer, "version")};
    }

    /** Waits for the closes still in flight (briefly), then closes the session and with it every operation. */
    void closeSession() throws SQLException {
        List<CompletableFuture<?>> inFlight;
        synchronized (closesInFlight) {
            inFlight = new ArrayList<>(closesInFlight);
            closesInFlight.clear();
        }
        for (CompletableFuture<?> close : inFlight) {
            awaitQuietly(close, CLOSE_WAIT);
        }
        send("DELETE", sessionPath(), null, "close the session");
    }

    private String sessionPath() {
        return "/v3/sessions/" + session;
    }

    private Map<?, ?> send(String method, String path, Map<String, Object> body, String what) throws SQLException {
        return send(method, path, body, what, REQUEST_TIMEOUT);
    }

    private Map<?, ?> send(String method, String path, Map<String, ?> body, String what, Duration timeout)
            throws SQLException {
        return await(start(method, path, body, timeout), base, what);
    }

    private CompletableFuture<HttpResponse<String>> start(String method, String path, Map<String, ?> body,
            Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(timeout)
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(Json.write(body)));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /**
     * Waits for an answer started with {@link #start}. Whoever holds the future may complete it exceptionally to
     * stop waiting (a cancel does, while the gateway holds a fetch).
     */
    static Map<?, ?> await(CompletableFuture<HttpResponse<String>> pending, URI gateway, String what)
            throws SQLException {
        HttpResponse<String> response;
        try {
            response = pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for the gateway to " + what, "HY008");
        } catch (CancellationException e) {
            throw new SQLException("The statement was cancelled", "57014");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof HttpTimeoutException) {
                throw new SQLTimeoutException("The gateway did not answer in time to " + what, "08006");
            }
            if (cause instanceof SQLException) {
                throw (SQLException) cause;
            }
            throw GatewayErrors.unreachable(gateway, what, cause instanceof Exception ? (Exception) cause : e);
        }
        if (response.statusCode() / 100 == 3) {
            // never followed: the credentials would go wherever the answer points
            throw GatewayErrors.redirected(gateway, what, response.headers().firstValue("Location").orElse(""));
        }
        if (response.statusCode() != 200) {
            throw GatewayErrors.fromAnswer(response.statusCode(), response.body());
        }
        Object answer;
        try {
            answer = Json.read(response.body().isEmpty() ? "{}" : response.body());
        } catch (IllegalArgumentException e) {
            throw new SQLException("The gateway's answer " + e.getMessage(), "08006");
        }
        if (!(answer instanceof Map)) {
            throw new SQLException("The gateway's answer is not a JSON object", "08006");
        }
        return (Map<?, ?>) answer;
    }

    private static String text(Map<?, ?> answer, String field) throws SQLException {
        Object value = answer.get(field);
        if (!(value instanceof String)) {
            throw new SQLException("The gateway's answer has no " + field, "08006");
        }
        return (String) value;
    }
}
