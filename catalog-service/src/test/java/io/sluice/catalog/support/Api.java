package io.sluice.catalog.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A plain HTTP client for the catalog's API, as any client would call it. Every response is checked
 * against the secrets tests have registered: no endpoint but the gateway's connection endpoint may
 * ever return one.
 */
public final class Api {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> SECRETS = ConcurrentHashMap.newKeySet();

    private final String base;
    private final String authorization;
    private final boolean secretsExpected;
    private final Map<String, String> headers;

    private Api(String base, String authorization, boolean secretsExpected, Map<String, String> headers) {
        this.base = base;
        this.authorization = authorization;
        this.secretsExpected = secretsExpected;
        this.headers = Map.copyOf(headers);
    }

    public static Api anonymous(int port) {
        return new Api("http://127.0.0.1:" + port, null, false, Map.of());
    }

    public Api as(String user, String password) {
        String pair = user + ":" + password;
        return new Api(base, "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)), false, headers);
    }

    public Api withToken(String token) {
        return new Api(base, "Bearer " + token, false, headers);
    }

    /** The same caller, for the one endpoint that hands secrets to the gateway. */
    public Api expectingSecrets() {
        return new Api(base, authorization, true, headers);
    }

    /** The same caller, sending one more header with every request. */
    public Api withHeader(String name, String value) {
        Map<String, String> more = new java.util.HashMap<>(headers);
        more.put(name, value);
        return new Api(base, authorization, secretsExpected, more);
    }

    /** A value that must never appear in a response. */
    public static void registerSecret(String secret) {
        SECRETS.add(secret);
    }

    /** Fails when {@code text} (an answer, a page) holds any secret a test registered; {@code what} names it. */
    public static void assertNoSecret(String what, String text) {
        for (String secret : SECRETS) {
            assertThat(text).as("%s must not hold a secret", what).doesNotContain(secret);
        }
    }

    public ApiResponse get(String path) {
        return send("GET", path, null);
    }

    public ApiResponse post(String path, Object body) {
        return send("POST", path, body);
    }

    public ApiResponse put(String path, Object body) {
        return send("PUT", path, body);
    }

    public ApiResponse patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    public ApiResponse delete(String path) {
        return send("DELETE", path, null);
    }

    public ApiResponse send(String method, String path, Object body) {
        try {
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                    .method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            if (text != null) {
                request.header("Content-Type", "application/json");
            }
            return exchange(method, path, request);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }

    /** A multipart/form-data POST: each part's name, its content type and bytes. */
    public ApiResponse postParts(String path, Map<String, Map.Entry<String, byte[]>> parts) {
        String boundary = "sluice-test-" + UUID.randomUUID();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        parts.forEach((name, part) -> {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                    + "\"\r\nContent-Type: " + part.getKey() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(part.getValue());
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        });
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary);
        return exchange("POST", path, request);
    }

    /** The raw bytes of a GET's answer, with its status. */
    public Map.Entry<Integer, byte[]> getBytes(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            return Map.entry(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + path + " interrupted", e);
        }
    }

    private ApiResponse exchange(String method, String path, HttpRequest.Builder request) {
        try {
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String responseBody = response.body();
            if (!secretsExpected) {
                assertNoSecret(method + " " + path, responseBody);
            }
            String type = response.headers().firstValue("Content-Type").orElse("");
            JsonNode json = responseBody.isEmpty() || !type.contains("json") ? JSON.missingNode() : JSON.readTree(responseBody);
            return new ApiResponse(
                    response.statusCode(), json, responseBody, response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + path + " interrupted", e);
        }
    }
}
