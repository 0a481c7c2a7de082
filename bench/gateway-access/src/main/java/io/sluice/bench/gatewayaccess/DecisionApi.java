package io.sluice.bench.gatewayaccess;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A decision API on loopback HTTP that allows every check, so the benchmarks measure the gateway's side: the client,
 * the cache and the enforcement, not catalog-service's database. It counts the requests that reach it.
 */
final class DecisionApi implements AutoCloseable {

    private static final Pattern CHECK = Pattern.compile("\\{[^{}]*\"user\"");
    private static final String ALLOWED = "{\"allowed\":true,\"rule\":\"project_grant\",\"reason\":\"granted\"}";

    final AtomicInteger requests = new AtomicInteger();
    private final HttpServer server;

    DecisionApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/v1/access/decisions", exchange -> {
            requests.incrementAndGet();
            String checks;
            try (InputStream in = exchange.getRequestBody()) {
                checks = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher check = CHECK.matcher(checks);
            StringBuilder answer = new StringBuilder("[");
            while (check.find()) {
                answer.append(answer.length() > 1 ? "," : "").append(ALLOWED);
            }
            byte[] body = answer.append(']').toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
