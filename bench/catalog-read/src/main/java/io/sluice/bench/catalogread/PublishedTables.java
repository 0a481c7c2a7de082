package io.sluice.bench.catalogread;

import io.sluice.localstack.LocalStack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills an environment of catalog-service with published tables the way users do, through its API: a designer
 * designs each table and asks to publish it to test, a data admin approves. The tables live on a registered
 * PostgreSQL data source (publishing creates nothing outside catalog-service), and calls carry bearer tokens, so
 * that 3 calls per table are not 3 password hashes. Shared by the benchmarks that need a large catalog.
 */
public final class PublishedTables {

    public static final String DATA_SOURCE = "bench_pg";

    /** Six columns, the same for every table. */
    public static final IntFunction<String> ORDERS_LIKE = table ->
            "[{\"name\":\"id\",\"type\":\"BIGINT\",\"comment\":\"key\"},"
                    + "{\"name\":\"customer\",\"type\":\"STRING\",\"comment\":\"customer name\"},"
                    + "{\"name\":\"amount\",\"type\":\"DECIMAL(10, 2)\",\"comment\":\"total\"},"
                    + "{\"name\":\"status\",\"type\":\"STRING\",\"comment\":\"state\"},"
                    + "{\"name\":\"note\",\"type\":\"STRING\",\"comment\":\"free text\"},"
                    + "{\"name\":\"created_at\",\"type\":\"TIMESTAMP(3)\",\"comment\":\"when\"}]";

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");
    private static final Pattern TOKEN = Pattern.compile("\"token\"\\s*:\\s*\"([^\"]+)\"");

    private final URI catalogService;
    private final String designer;
    private final String approver;
    private final HttpClient http = HttpClient.newHttpClient();

    /** Issues bearer tokens for a developer of project demo (the designer) and a data admin (the approver). */
    public PublishedTables(URI catalogService, String designer, String designerPassword, String approver, String approverPassword) {
        this.catalogService = catalogService;
        this.designer = token(designer, designerPassword);
        this.approver = token(approver, approverPassword);
    }

    /** As the local stack's alice (designer) and dana (approver). */
    public PublishedTables(LocalStack stack) {
        this(stack.catalogServiceUrl, LocalStack.ALICE, LocalStack.ALICE_PASSWORD, LocalStack.DANA, LocalStack.DANA_PASSWORD);
    }

    /** Registers the data source and publishes {@code count} tables with {@link #ORDERS_LIKE} columns. */
    public void publish(int count) throws Exception {
        registerDataSource();
        publish(0, count, ORDERS_LIKE);
    }

    /** The PostgreSQL source, in test, that holds the tables; once per catalog. */
    public void registerDataSource() {
        call("POST", "/api/v1/datasources", approver,
                "{\"name\":\"" + DATA_SOURCE + "\",\"kind\":\"postgresql\",\"managementMode\":\"registered\","
                        + "\"environmentScope\":\"test\",\"description\":\"benchmark tables\",\"connections\":{"
                        + "\"test\":{\"properties\":{\"url\":\"jdbc:postgresql://127.0.0.1:5432/bench\",\"username\":\"bench\"}}}}");
    }

    /**
     * Publishes tables {@code bench_t<first>…} to test, four at a time, each with a primary key on {@code id}.
     *
     * @param columns a table's columns by its number, as catalog-service takes them ({@code [{"name":…,"type":…,
     *     "comment":…}]}), with a column {@code id}
     */
    public void publish(int first, int count, IntFunction<String> columns) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> published = new ArrayList<>();
            for (int i = first; i < first + count; i++) {
                int table = i;
                published.add(pool.submit(() -> {
                    publishOne(table, columns.apply(table));
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

    /** Changes the description of table number {@code table}, which changes what its catalog shows. */
    public void describe(int table, String description) {
        call("PATCH", "/api/v1/tables/" + name(table), designer, "{\"description\":\"" + description + "\"}");
    }

    private static String name(int table) {
        return String.format("bench_t%05d", table);
    }

    private void publishOne(int table, String columns) {
        String name = name(table);
        call("POST", "/api/v1/tables", designer,
                "{\"name\":\"" + name + "\",\"displayName\":\"Benchmark table " + table + "\",\"ownerProject\":\"demo\","
                        + "\"type\":\"table\",\"description\":\"benchmark table " + table + ", one of many published to test\","
                        + "\"columns\":" + columns + ",\"primaryKey\":[\"id\"]}");
        Matcher request =
                ID.matcher(call("POST", "/api/v1/tables/" + name + "/publish-requests", designer,
                        "{\"environment\":\"test\",\"dataSource\":\"" + DATA_SOURCE + "\",\"comment\":\"bench\"}"));
        if (!request.find()) {
            throw new IllegalStateException("no id in the publish request of " + name);
        }
        call("POST", "/api/v1/publish-requests/" + request.group(1) + "/approve", approver, "{\"comment\":\"ok\"}");
    }

    private String token(String user, String password) {
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        Matcher token = TOKEN.matcher(call("POST", "/api/v1/tokens", basic, "{\"name\":\"bench\"}"));
        if (!token.find()) {
            throw new IllegalStateException("no token in catalog-service's answer for " + user);
        }
        return "Bearer " + token.group(1);
    }

    /** Calls catalog-service; returns the body, fails on non-2xx. */
    public String call(String method, String path, String authorization, String jsonBody) {
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
