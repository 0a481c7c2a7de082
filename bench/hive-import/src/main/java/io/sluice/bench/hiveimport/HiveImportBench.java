package io.sluice.bench.hiveimport;

import io.sluice.bench.catalogread.CatalogServiceProcess;
import io.sluice.bench.catalogread.ThrowawayDatabase;
import io.sluice.hive.testserver.MetastoreServer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * Imports {@code tables} Hive tables (12 columns each, decimals, varchars, arrays, maps and structs among them) into
 * catalog-service in one request, once per round, each round through a hive source of its own on the same metastore;
 * before each import, browses a page of 500 of them. Goal: the import of 1,000 tables within 30 s on this machine.
 */
public final class HiveImportBench {

    private static final String COLUMNS = String.join("|",
            "id=bigint=the key", "name=varchar(100)", "amount=decimal(12,2)", "quantity=int", "ratio=double",
            "active=boolean", "created=timestamp", "day=date", "tags=array<string>", "attributes=map<string,string>",
            "address=struct<street:string,zip:char(5)>", "payload=binary");
    private static final Duration GOAL = Duration.ofSeconds(30);

    private HiveImportBench() {}

    public static void main(String[] args) throws Exception {
        int tables = Integer.parseInt(args[0]);
        int rounds = Integer.parseInt(args[1]);
        Path out = Path.of(args[2]);
        Files.createDirectories(out);
        List<String> rows = new ArrayList<>();
        long seedMillis;
        try (MetastoreServer metastore = MetastoreServer.start();
                ThrowawayDatabase database = new ThrowawayDatabase(
                        System.getProperty("bench.pg.server"), System.getProperty("bench.pg.user"),
                        System.getProperty("bench.pg.password"));
                CatalogServiceProcess service = new CatalogServiceProcess(database, System.getProperty("bench.heap", "512m"))) {
            long seeding = System.nanoTime();
            metastore.seed("database\tbench", "many\tbench\tt\t" + tables + "\t" + COLUMNS);
            seedMillis = (System.nanoTime() - seeding) / 1_000_000;
            Http dana = new Http(service.url, "dana", "dana-password");
            for (int round = 1; round <= rounds; round++) {
                String source = "bench_hive_" + round;
                dana.expect(201, "POST", "/api/v1/datasources", "{\"name\":\"" + source + "\",\"kind\":\"hive\",\"managementMode\":"
                        + "\"registered\",\"environmentScope\":\"test\",\"connections\":{\"test\":{\"properties\":"
                        + "{\"hive.metastore.uris\":\"" + metastore.uri() + "\"}}}}");
                long browse = System.nanoTime();
                dana.expect(200, "GET", "/api/v1/datasources/" + source + "/metastore/test/databases/bench/tables?size=500", null);
                double browseMillis = (System.nanoTime() - browse) / 1e6;
                StringBuilder body = new StringBuilder("{\"ownerProject\":\"demo\",\"tables\":[");
                for (int i = 0; i < tables; i++) {
                    body.append(i == 0 ? "" : ",").append("{\"database\":\"bench\",\"table\":\"t").append(i)
                            .append("\",\"name\":\"r").append(round).append("_t").append(i).append("\"}");
                }
                body.append("]}");
                long start = System.nanoTime();
                String answer = dana.expect(201, "POST", "/api/v1/datasources/" + source + "/metastore/test/imports", body.toString());
                double seconds = (System.nanoTime() - start) / 1e9;
                int imported = answer.split("\"hiveTable\"", -1).length - 1;
                if (imported != tables) {
                    throw new IllegalStateException("imported " + imported + " of " + tables + " tables");
                }
                rows.add(String.format(Locale.ROOT, "| %d | %d | %.2f s | %.0f tables/s | %.1f ms | %s |",
                        round, tables, seconds, tables / seconds, browseMillis,
                        seconds <= GOAL.toSeconds() ? "met" : "missed"));
            }
        }
        String when = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"));
        String report = "Hive import benchmark, " + when + ", load average " + loadAverage() + "; metastore seeded with "
                + tables + " tables in " + seedMillis + " ms\n\n"
                + "| round | tables | import (one request) | rate | browse a page of 500 | goal ≤ 30 s |\n"
                + "| --- | --- | --- | --- | --- | --- |\n"
                + String.join("\n", rows) + "\n";
        System.out.print(report);
        Files.writeString(out.resolve("hive-import-results.md"), report);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    /** catalog-service's API with one user's basic login. */
    private record Http(URI base, String authorization, HttpClient client) {

        Http(URI base, String user, String password) {
            this(base, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)),
                    HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        }

        String expect(int status, String method, String path, String json) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                    .timeout(Duration.ofMinutes(5))
                    .header("Authorization", authorization)
                    .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
            if (json != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != status) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        }
    }
}
