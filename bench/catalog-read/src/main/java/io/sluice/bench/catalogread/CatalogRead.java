package io.sluice.bench.catalogread;

import io.sluice.localstack.LocalStack;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

/**
 * {@code GET /api/v1/environments/test/catalog} of catalog-service on a fresh PostgreSQL database, with the gateway's
 * token, at growing numbers of tables published to test through the API ({@link PublishedTables}, columns of
 * {@link TableDesigns}): after a warm-up, {@code requests} sequential reads per size, timed from sending the request
 * to the last byte of the answer; the statements the server ran for them ({@link StatementLog}).
 *
 * <p>Usage: {@code CatalogRead <sizes, e.g. 1000,10000> <requests> <warm-up> <results directory>}; system
 * properties {@code bench.pg.server}, {@code bench.pg.user}, {@code bench.pg.password}, {@code bench.pg.log} (the
 * server's log file), {@code bench.heap} (catalog-service's heap).
 */
public final class CatalogRead {

    private static final String CATALOG = "/api/v1/environments/test/catalog";

    private CatalogRead() {}

    /** Whether each read follows a change of the catalog (a table's description), so that it is rendered afresh. */
    private enum Reads {
        UNCHANGED("no change since the last read"),
        AFTER_A_CHANGE("each after a change (a table's description edited through the API)");

        final String label;

        Reads(String label) {
            this.label = label;
        }
    }

    /** One size's measurements. */
    private record Measured(int tables, Reads reads, long[] nanos, int bytes, StatementLog.Window log) {

        double p(int percent) {
            return Percentiles.millis(nanos, percent);
        }

        String perRequest(double total) {
            return Double.isNaN(log.serverMillis()) ? "n/a" : String.format("%.2f", total / nanos.length);
        }
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray();
        int requests = Integer.parseInt(args[1]);
        int warmUp = Integer.parseInt(args[2]);
        Path results = Files.createDirectories(Path.of(args[3]));
        String stamp = Instant.now().toString().replace(":", "").replaceAll("\\.\\d+", "");

        List<Measured> measured = new ArrayList<>();
        try (ThrowawayDatabase database = new ThrowawayDatabase(
                        System.getProperty("bench.pg.server", "jdbc:postgresql://127.0.0.1:5432/"),
                        System.getProperty("bench.pg.user", "postgres"),
                        System.getProperty("bench.pg.password", ""));
                CatalogServiceProcess service = new CatalogServiceProcess(database, System.getProperty("bench.heap", "512m"))) {
            StatementLog log = new StatementLog(
                    Path.of(System.getProperty("bench.pg.log", "/var/log/postgresql/postgresql-15-main.log")), database.name);
            PublishedTables tables = new PublishedTables(
                    service.url, LocalStack.ALICE, LocalStack.ALICE_PASSWORD, LocalStack.DANA, LocalStack.DANA_PASSWORD);
            tables.registerDataSource();
            Reader reader = new Reader(service, database, log);
            int published = 0;
            for (int size : sizes) {
                long start = System.nanoTime();
                tables.publish(published, size - published, new TableDesigns());
                System.err.printf("published %d tables in %.0f s%n", size - published, (System.nanoTime() - start) / 1e9);
                published = size;
                database.analyze();
                for (Reads reads : Reads.values()) {
                    IntConsumer change = reads == Reads.UNCHANGED
                            ? read -> {}
                            : read -> tables.describe(read % size, "benchmark table, edited before read " + read);
                    measured.add(reader.measure(size, reads, requests, warmUp, change));
                }
            }
        }

        String report = report(measured, requests, warmUp);
        System.out.println(report);
        Files.writeString(results.resolve("report-" + stamp + ".md"), report);
        Files.writeString(results.resolve("results-" + stamp + ".tsv"), raw(measured));
    }

    /** Reads the catalog as the gateway does, timing each read and collecting the statements it cost. */
    private record Reader(CatalogServiceProcess service, ThrowawayDatabase database, StatementLog log, HttpClient http) {

        Reader(CatalogServiceProcess service, ThrowawayDatabase database, StatementLog log) {
            this(service, database, log, HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
        }

        /** {@code change} runs before every read (given its number), untimed and outside the statements counted. */
        Measured measure(int tables, Reads reads, int requests, int warmUp, IntConsumer change) throws Exception {
            for (int i = 0; i < warmUp; i++) {
                change.accept(i);
                read();
            }
            Set<Integer> backends = database.backends(CatalogServiceProcess.APPLICATION_NAME);
            long[] nanos = new long[requests];
            byte[] body = null;
            StatementLog.Window window = StatementLog.Window.EMPTY;
            for (int i = 0; i < requests; i++) {
                change.accept(warmUp + i);
                long mark = log.mark();
                long start = System.nanoTime();
                body = read();
                nanos[i] = System.nanoTime() - start;
                window = window.plus(log.since(mark, backends));
            }
            // every table of the catalog has one "columns" array; its columns have none
            int inAnswer = new String(body, StandardCharsets.UTF_8).split("\"columns\"", -1).length - 1;
            if (inAnswer != tables) {
                throw new IllegalStateException("the catalog lists " + inAnswer + " tables, " + tables + " were published");
            }
            return new Measured(tables, reads, nanos, body.length, window);
        }

        private byte[] read() throws IOException, InterruptedException {
            HttpRequest request = HttpRequest.newBuilder(service.url.resolve(CATALOG)).header("Authorization", service.gateway).GET().build();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + CATALOG + " → " + response.statusCode() + ": "
                        + new String(response.body(), StandardCharsets.UTF_8));
            }
            return response.body();
        }
    }

    private static String report(List<Measured> measured, int requests, int warmUp) {
        StringBuilder report = new StringBuilder(String.format(
                "`GET %s` with the gateway's token, catalog-service on PostgreSQL, %d sequential requests per size and "
                        + "kind after %d warm-up, %d cores, %s%n%n",
                CATALOG, requests, warmUp, Runtime.getRuntime().availableProcessors(), Instant.now()));
        report.append("| tables | reads | p50 ms | p90 ms | p99 ms | max ms | answer | statements per request | server SQL ms per request |\n")
                .append("| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Measured m : measured) {
            report.append(String.format("| %,d | %s | %.1f | %.1f | %.1f | %.1f | %.2f MB | %s | %s |%n",
                    m.tables(), m.reads().label, m.p(50), m.p(90), m.p(99), m.p(100), m.bytes() / 1e6,
                    m.perRequest(m.log().total()), m.perRequest(m.log().serverMillis())));
        }
        for (Reads reads : Reads.values()) {
            List<Measured> these = measured.stream().filter(m -> m.reads() == reads).toList();
            if (these.size() > 1) {
                Measured small = these.get(0);
                Measured large = these.get(these.size() - 1);
                report.append(String.format("%n%s: p99 at %,d vs %,d tables **%.2f×** (p50 %.2f×; tables %.0f×, answer %.1f×)%n",
                        reads.label, large.tables(), small.tables(), large.p(99) / small.p(99), large.p(50) / small.p(50),
                        (double) large.tables() / small.tables(), (double) large.bytes() / small.bytes()));
            }
        }
        for (Measured m : measured) {
            report.append(String.format("%nStatements the server ran for catalog-service in the %d requests at %,d tables, %s:%n%n",
                    m.nanos().length, m.tables(), m.reads().label));
            for (Map.Entry<String, Integer> statement : m.log().statements().entrySet()) {
                report.append(String.format("- %d× `%s`%n", statement.getValue(), statement.getKey()));
            }
        }
        return report.toString();
    }

    /** One line per request: tables, kind of reads, request number, milliseconds, answer bytes. */
    private static String raw(List<Measured> measured) {
        StringBuilder tsv = new StringBuilder("tables\treads\trequest\tms\tbytes\n");
        for (Measured m : measured) {
            for (int i = 0; i < m.nanos().length; i++) {
                tsv.append(String.format("%d\t%s\t%d\t%.3f\t%d%n", m.tables(), m.reads().name().toLowerCase(), i,
                        m.nanos()[i] / 1e6, m.bytes()));
            }
        }
        return tsv.toString();
    }
}
