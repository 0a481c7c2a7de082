package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayRest;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.localstack.LocalStack;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error a REST client can cause — a malformed body, wrong field types, invalid UTF-8, unknown or malformed
 * handles in the URL, unknown routes, an oversized body, a statement the service refuses — is answered with the
 * right 4xx status and clean JSON: {@code {"errors":["<one line>"]}}, no stack frame, no internal class name.
 * Raw HTTP, as any client or attacker would send it.
 */
class RestErrorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static GatewayStack stack;
    private static String authorization;
    private static String session;
    private static LocalStack.ExtraGateway smallBodies;

    /** A raw answer: status and body text. */
    private record Answer(int status, String body) {}

    @BeforeAll
    static void openSession() throws Exception {
        stack = GatewayStack.withFreeSlots();
        authorization = "Bearer " + stack.issueToken(ALICE, ALICE_PASSWORD);
        session = new GatewayRest(stack.restUrl(), authorization).openSession();
        smallBodies = stack.startSluiceGateway(Map.of("rest.server.max-content-length", "65536"));
    }

    @AfterAll
    static void stopGateway() {
        if (smallBodies != null) {
            smallBodies.close();
        }
    }

    @Test
    void malformedJsonNamesWhereItBroke() {
        String message = cleanError(post(statements(), "{\"statement\": \"SELECT 1\""), 400);
        assertThat(message).startsWith("The request body is not valid JSON in UTF-8: ").contains("line 1");
        assertThat(cleanError(post(statements(), "not json at all"), 400))
                .startsWith("The request body is not valid JSON in UTF-8: ");
    }

    @Test
    void invalidUtf8IsABadRequest() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("{\"statement\": \"SELECT '".getBytes(StandardCharsets.UTF_8));
        body.write(0xff);
        body.write(0xfe);
        body.writeBytes("'\"}".getBytes(StandardCharsets.UTF_8));
        String message = cleanError(send("POST", statements(), body.toByteArray(), authorization), 400);
        assertThat(message).startsWith("The request body is not valid JSON in UTF-8: ").containsIgnoringCase("UTF-8");
    }

    @Test
    void wrongFieldTypesAndUnknownFieldsAreNamed() {
        assertThat(cleanError(post(statements(), "{\"statement\":\"SELECT 1\",\"executionTimeout\":\"soon\"}"), 400))
                .isEqualTo("The request body's field 'executionTimeout' must be a number.");
        assertThat(cleanError(post(statements(), "{\"statement\":\"SELECT 1\",\"executionConfig\":[1]}"), 400))
                .isEqualTo("The request body's field 'executionConfig' must be a JSON object of string values.");
        assertThat(cleanError(post(statements(), "{\"statment\":\"SELECT 1\"}"), 400))
                .startsWith("The request body has an unknown field 'statment' (this request takes ")
                .contains("statement");
        assertThat(cleanError(post(statements(), "[\"SELECT 1\"]"), 400))
                .startsWith("The request body must be a JSON object");
        assertThat(cleanError(post(statements(), "{}"), 400))
                .isEqualTo("The request has no 'statement': send it in the JSON body.");
        assertThat(cleanError(post("/v3/sessions", "{\"properties\":\"all\"}"), 400))
                .isEqualTo("The request body's field 'properties' must be a JSON object of string values.");
    }

    @Test
    void unknownSessionIsNotFound() {
        String unknown = UUID.randomUUID().toString();
        for (Answer answer :
                new Answer[] {
                    post("/v3/sessions/" + unknown + "/statements", "{\"statement\":\"SELECT 1\"}"),
                    send("GET", "/v3/sessions/" + unknown, null, authorization),
                    send("POST", "/v3/sessions/" + unknown + "/heartbeat", null, authorization),
                    send("DELETE", "/v3/sessions/" + unknown, null, authorization)
                }) {
            assertThat(cleanError(answer, 404))
                    .isEqualTo("Session " + unknown + " does not exist (closed, timed out or from another gateway): "
                            + "open a new one.");
        }
    }

    @Test
    void malformedHandlesInThePathAreBadRequests() {
        assertThat(cleanError(post("/v3/sessions/not-a-handle/statements", "{\"statement\":\"SELECT 1\"}"), 400))
                .isEqualTo("The URL's session_handle 'not-a-handle' is not valid: handles are UUIDs, as the "
                        + "gateway returned them.");
        assertThat(cleanError(send("GET", operation("1%27%3B--") + "/status", null, authorization), 400))
                .startsWith("The URL's operation_handle '1")
                .endsWith("' is not valid: handles are UUIDs, as the gateway returned them.");
        assertThat(cleanError(send("GET", operation(UUID.randomUUID().toString()) + "/result/abc", null, authorization), 400))
                .startsWith("The URL's token 'abc' is not valid");
        assertThat(cleanError(
                        send("GET", operation(UUID.randomUUID().toString()) + "/result/0?rowFormat=XML", null, authorization),
                        400))
                .startsWith("The URL's query parameter rowFormat='XML' is not valid");
    }

    /** (Closing an unknown statement is a success in Flink: closing is idempotent.) */
    @Test
    void unknownStatementOfTheSessionIsNotFound() {
        String unknown = operation(UUID.randomUUID().toString());
        for (Answer answer :
                new Answer[] {
                    send("GET", unknown + "/status", null, authorization),
                    send("GET", unknown + "/result/0", null, authorization),
                    send("POST", unknown + "/cancel", null, authorization)
                }) {
            assertThat(cleanError(answer, 404)).startsWith("This session has no such statement");
        }
    }

    @Test
    void unknownRoutesAndMethodsAreNotFound() {
        assertThat(cleanError(send("GET", "/v3/nothing-here", null, authorization), 404)).startsWith("Not found: ");
        assertThat(cleanError(send("GET", "/v3/sessions/" + session + "/statements", null, authorization), 404))
                .startsWith("Not found: ");
        assertThat(cleanError(send("PUT", "/v3/sessions", "{}".getBytes(StandardCharsets.UTF_8), authorization), 404))
                .startsWith("Not found: ");
    }

    @Test
    void undecodableUrlIsABadRequest() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", stack.restUrl().getPort())) {
            socket.getOutputStream()
                    .write(("GET /v3/sessions/%zz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            String body = raw.substring(raw.indexOf("\r\n\r\n") + 4);
            assertThat(cleanError(new Answer(status, body), 400)).startsWith("The URL is not valid: ");
        }
    }

    @Test
    void oversizedBodyIsRefusedWithJson() {
        String statement = "SELECT '" + "x".repeat(70_000) + "'";
        Answer answer =
                send(smallBodies.restUrl(), "POST", statements(),
                        ("{\"statement\":\"" + statement + "\"}").getBytes(StandardCharsets.UTF_8), authorization);
        assertThat(cleanError(answer, 413))
                .isEqualTo("The request is larger than this gateway accepts (65536 bytes): send a shorter statement.");
    }

    @Test
    void statementWithAnExecutionTimeoutIsRefusedCleanly() {
        assertThat(cleanError(post(statements(), "{\"statement\":\"SELECT 1\",\"executionTimeout\":5000}"), 400))
                .startsWith("executionTimeout is not supported");
    }

    @Test
    void aRefusedConfigureStatementIsClean() {
        Answer answer =
                post("/v3/sessions/" + session + "/configure-session", "{\"statement\":\"SELECT 1\",\"executionTimeout\":0}");
        assertThat(cleanError(answer, 400)).startsWith("Configuring a session accepts SET, RESET, USE, ");
    }

    // ------------------------------------------------------------------ helpers

    private static String statements() {
        return "/v3/sessions/" + session + "/statements";
    }

    private static String operation(String handle) {
        return "/v3/sessions/" + session + "/operations/" + handle;
    }

    /** Asserts the answer's status and that its body is one clean error; returns the message. */
    private static String cleanError(Answer answer, int status) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        JsonNode body;
        try {
            body = JSON.readTree(answer.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + answer, e);
        }
        assertThat(body.path("errors").isArray()).as(answer.toString()).isTrue();
        assertThat(body.path("errors").size()).as(answer.toString()).isEqualTo(1);
        String message = body.path("errors").path(0).asText();
        assertThat(message)
                .as(answer.toString())
                .isNotBlank()
                .doesNotContain("\n", "\tat ", "at org.apache", "Exception on server side", "org.apache.flink",
                        "Exception:", "Internal server error", "ByteBufInputStream");
        return message;
    }

    private static Answer post(String path, String json) {
        return send("POST", path, json.getBytes(StandardCharsets.UTF_8), authorization);
    }

    private static Answer send(String method, String path, byte[] body, String auth) {
        return send(stack.restUrl(), method, path, body, auth);
    }

    private static Answer send(URI base, String method, String path, byte[] body, String auth) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(base.resolve(path))
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body))
                        .header("Content-Type", "application/json");
        if (auth != null) {
            request.header("Authorization", auth);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + ": " + e, e);
        }
    }
}
