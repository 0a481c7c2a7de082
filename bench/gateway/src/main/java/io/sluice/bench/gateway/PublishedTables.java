package io.sluice.bench.gateway;

import io.sluice.localstack.LocalStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills a stack's test environment with published tables the way users do, through catalog-service's API: alice
 * designs each table and asks to publish it, dana approves. The tables live on a registered PostgreSQL data source
 * (publishing creates nothing outside catalog-service), and calls carry bearer tokens, so that 3 calls per table
 * are not 3 password hashes.
 */
final class PublishedTables {

    static final String DATA_SOURCE = "bench_pg";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final String COLUMNS =
            "[{\"name\":\"id\",\"type\":\"BIGINT\",\"comment\":\"key\"},"
                    + "{\"name\":\"customer\",\"type\":\"STRING\",\"comment\":\"customer name\"},"
                    + "{\"name\":\"amount\",\"type\":\"DECIMAL(10, 2)\",\"comment\":\"total\"},"
                    + "{\"name\":\"status\",\"type\":\"STRING\",\"comment\":\"state\"},"
                    + "{\"name\":\"note\",\"type\":\"STRING\",\"comment\":\"free text\"},"
                    + "{\"name\":\"created_at\",\"type\":\"TIMESTAMP(3)\",\"comment\":\"when\"}]";

    private final URI catalogService;
    private final HttpClient http = HttpClient.newHttpClient();

    PublishedTables(URI catalogService) {
        this.catalogService = catalogService;
    }

    /** Publishes {@code count} tables {@code bench_t0000…} to test, four at a time. */
    void publish(LocalStack stack, int count) throws Exception {
        String alice = "Bearer " + stack.issueToken(LocalStack.ALICE, LocalStack.ALICE_PASSWORD);
        String dana = "Bearer " + stack.issueToken(LocalStack.DANA, LocalStack.DANA_PASSWORD);
        call("POST", "/api/v1/datasources", dana,
                "{\"name\":\"" + DATA_SOURCE + "\",\"kind\":\"postgresql\",\"managementMode\":\"registered\","
                        + "\"environmentScope\":\"test\",\"description\":\"benchmark tables\",\"connections\":{"
                        + "\"test\":{\"properties\":{\"url\":\"jdbc:postgresql://127.0.0.1:5432/bench\",\"username\":\"bench\"}}}}");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> published = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String name = String.format("bench_t%04d", i);
                published.add(pool.submit(() -> {
                    publishOne(name, alice, dana);
                    return null;
                }));
            }
            for (Future<?> table : published) {
                table.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private void publishOne(String name, String alice, String dana) {
        call("POST", "/api/v1/tables", alice,
                "{\"name\":\"" + name + "\",\"displayName\":\"" + name + "\",\"ownerProject\":\"demo\",\"type\":\"table\","
                        + "\"description\":\"benchmark table\",\"columns\":" + COLUMNS + ",\"primaryKey\":[\"id\"]}");
        Matcher request =
                ID.matcher(call("POST", "/api/v1/tables/" + name + "/publish-requests", alice,
                        "{\"environment\":\"test\",\"dataSource\":\"" + DATA_SOURCE + "\",\"comment\":\"bench\"}"));
        if (!request.find()) {
            throw new IllegalStateException("no id in the publish request of " + name);
        }
        call("POST", "/api/v1/publish-requests/" + request.group(1) + "/approve", dana, "{\"comment\":\"ok\"}");
    }

    /** Calls catalog-service; returns the body, fails on non-2xx. */
    String call(String method, String path, String authorization, String jsonBody) {
        HttpRequest request =
                HttpRequest.newBuilder(catalogService.resolve(path))
                        .header("Authorization", authorization)
                        .header("Content-Type", "application/json")
                        .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(jsonBody))
                        .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException(method + " " + path + " → " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
