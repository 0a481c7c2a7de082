package io.sluice.gateway.access;

import io.sluice.gateway.catalogservice.OutageGrace;

import com.sun.net.httpserver.HttpServer;

import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.JsonNode;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * A small real HTTP server that speaks catalog-service's decision API, for tests of the gateway's side alone: it
 * allows every check except those on the tables in {@link #forbidden}, answers with {@link #status}, and records
 * each request's checks and Authorization header.
 */
final class DecisionApiStandIn implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    final List<JsonNode> requests = new CopyOnWriteArrayList<>();
    final List<String> authorizations = new CopyOnWriteArrayList<>();
    final Set<String> forbidden = new CopyOnWriteArraySet<>();
    volatile int status = 200;
    private final HttpServer server;

    DecisionApiStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/access/decisions", exchange -> {
            JsonNode checks = JSON.readTree(exchange.getRequestBody());
            requests.add(checks);
            authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
            StringBuilder answer = new StringBuilder("[");
            for (JsonNode check : checks) {
                boolean allowed = !forbidden.contains(check.get("table").asText());
                answer.append(answer.length() > 1 ? "," : "")
                        .append(allowed
                                ? "{\"allowed\":true,\"rule\":\"project_grant\",\"reason\":\"granted\"}"
                                : "{\"allowed\":false,\"rule\":\"no_grant\",\"reason\":\"no select privilege\"}");
            }
            byte[] body = (status == 200 ? answer + "]" : "{\"title\":\"boom\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    /** A client that refuses as soon as the stand-in fails, as nothing here tests the outage grace. */
    DecisionClient client() {
        return client(new OutageGrace(Duration.ZERO));
    }

    DecisionClient client(OutageGrace outage) {
        return new DecisionClient(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "gateway-token", Duration.ofSeconds(5),
                outage);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
