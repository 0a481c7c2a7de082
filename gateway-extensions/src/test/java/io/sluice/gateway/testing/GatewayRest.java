package io.sluice.gateway.testing;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The SQL gateway's REST API as curl would call it: JSON over HTTP, with or without an Authorization header. */
public final class GatewayRest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** A response: its status and its JSON body. */
    public record Reply(int status, JsonNode body) {
        /** The first error message of a Flink error body ({@code {"errors": [...]}}). */
        public String error() {
            return body.path("errors").path(0).asText().strip();
        }
    }

    private final URI base;
    private final String authorization;

    public GatewayRest(URI base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /** The Authorization header of a user's password login. */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public GatewayRest withAuthorization(String otherAuthorization) {
        return new GatewayRest(base, otherAuthorization);
    }

    public Reply post(String path, String json) {
        return send(HttpRequest.newBuilder(base.resolve(path)).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Reply get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    public Reply delete(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).DELETE());
    }

    private Reply send(HttpRequest.Builder request) {
        request.header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String body = response.body();
            return new Reply(response.statusCode(), JSON.readTree(body.isEmpty() ? "{}" : body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Opens a session and returns its handle; fails the test unless it is opened. */
    public String openSession() {
        Reply reply = post("/v3/sessions", "{\"properties\":{}}");
        if (reply.status() != 200) {
            throw new AssertionError("open session: " + reply);
        }
        return reply.body().get("sessionHandle").asText();
    }

    /**
     * Runs one statement in a session of its own, closed afterwards (sessions count against the user's quota), and
     * returns its rows as {@link #run} does.
     */
    public JsonNode runAlone(String statement) throws InterruptedException {
        String session = openSession();
        try {
            return run(session, statement);
        } finally {
            delete("/v3/sessions/" + session);
        }
    }

    /** Runs a statement and fetches its rows until the end, returned as JSON row arrays ("fields"). */
    public JsonNode run(String session, String statement) throws InterruptedException {
        Reply outcome = attempt(session, statement);
        if (outcome.status() != 200) {
            throw new AssertionError(statement + ": " + outcome);
        }
        return outcome.body();
    }

    /**
     * Runs a statement and fetches its rows until the end: status 200 with the JSON row arrays ("fields") as body,
     * or the reply that refused it (at submission or while fetching).
     */
    public Reply attempt(String session, String statement) throws InterruptedException {
        Reply executed =
                post("/v3/sessions/" + session + "/statements", JSON.createObjectNode().put("statement", statement).toString());
        if (executed.status() != 200) {
            return executed;
        }
        String operation = executed.body().get("operationHandle").asText();
        String next = "/v3/sessions/" + session + "/operations/" + operation + "/result/0";
        var rows = JSON.createArrayNode();
        while (next != null) {
            Reply page = get(next);
            if (page.status() != 200) {
                return page;
            }
            if ("NOT_READY".equals(page.body().path("resultType").asText())) {
                Thread.sleep(50);
                continue;
            }
            page.body().path("results").path("data").forEach(row -> rows.add(row.get("fields")));
            JsonNode nextUri = page.body().get("nextResultUri");
            next = nextUri == null || nextUri.isNull() ? null : nextUri.asText();
        }
        return new Reply(200, rows);
    }
}
