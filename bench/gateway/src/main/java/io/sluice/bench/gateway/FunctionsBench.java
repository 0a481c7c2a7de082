package io.sluice.bench.gateway;

import io.sluice.bench.catalogread.Percentiles;
import io.sluice.localstack.LocalStack;
import io.sluice.udf.TestJars;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Tenant functions, in one run on one gateway: (1) JDBC session open (connect, {@code SHOW USER FUNCTIONS}, close) of
 * a project with 0, 10 and 50 active functions through the sluice endpoint, each paired with a bare session open
 * through Flink's plain {@code rest} endpoint ({@link Paired}); (2) the per-record cost of a scalar UDF against the same
 * logic as a built-in expression, over the same bounded {@code datagen} rows, alternating.
 *
 * <p>Usage: {@code FunctionsBench [rounds, default 100] [warm-up, default 10] [rows, default 3000000] [results dir]}
 */
public final class FunctionsBench {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private FunctionsBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        long rows = args.length > 2 ? Long.parseLong(args[2]) : 3_000_000L;
        Path results = Path.of(args.length > 3 ? args[3] : "bench/gateway/target");

        StringBuilder report = new StringBuilder(String.format(
                "Tenant functions, %d cores, %s%n%nJDBC session open (connect, SHOW USER FUNCTIONS, close), %d measured "
                        + "per endpoint after %d warm-up; goal: 50 functions ≤ 1.2 × bare + 100 ms%n%n",
                Runtime.getRuntime().availableProcessors(), Instant.now(), rounds, warmUp));
        try (LocalStack stack = new LocalStack(LocalStack.Settings.defaults())) {
            report.append("| functions | bare median ms | sluice median ms | ratio | sluice p99 ms | goal (1.2 × bare + 100 ms) |\n")
                    .append("| ---: | ---: | ---: | ---: | ---: | --- |\n");
            for (int count : new int[] {0, 10, 50}) {
                Properties login = projectWithFunctions(stack, "bench_fn" + count, count);
                long[][] nanos = Paired.alternate(warmUp, rounds, (endpoint, round) -> endpoint == Paired.VANILLA
                        ? openSession(stack.vanillaJdbcUrl(), new Properties(), 0)
                        : openSession(stack.jdbcUrl(), login, count));
                double bare = Percentiles.millis(nanos[Paired.VANILLA], 50);
                double sluice = Percentiles.millis(nanos[Paired.SLUICE], 50);
                report.append(String.format("| %d | %.1f | %.1f | %.2f | %.1f | %s |%n", count, bare, sluice, sluice / bare,
                        Percentiles.millis(nanos[Paired.SLUICE], 99), sluice <= 1.2 * bare + 100 ? "met" : "missed"));
            }
            report.append(perRecord(stack, rows));
        }
        System.out.println(report);
        Files.createDirectories(results);
        Files.writeString(results.resolve("functions-" + Instant.now().toString().replace(":", "") + ".md"), report);
        // the MiniCluster and the gateway leave non-daemon threads behind
        System.exit(0);
    }

    /** A project with one developer and {@code count} scalar functions, one jar, all active in test. */
    private static Properties projectWithFunctions(LocalStack stack, String project, int count) throws Exception {
        String user = project + "_dev";
        String password = user + "-password";
        stack.catalogService("POST", "/api/v1/projects", "admin", "admin-password", "{\"name\":\"" + project + "\"}");
        stack.catalogService("POST", "/api/v1/users", "admin", "admin-password",
                "{\"username\":\"" + user + "\",\"password\":\"" + password + "\",\"platformRoles\":[]}");
        stack.catalogService("PUT", "/api/v1/projects/" + project + "/members/" + user, "admin", "admin-password",
                "{\"role\":\"developer\"}");
        if (count > 0) {
            Map<String, String> sources = new LinkedHashMap<>();
            StringBuilder declared = new StringBuilder("[");
            for (int i = 0; i < count; i++) {
                String className = "com.example.F" + i;
                sources.put(className, TestJars.scalar(className, "public String eval(String s) { return s + \"" + i + "\"; }"));
                declared.append(i == 0 ? "" : ",").append("{\"name\":\"f").append(i).append("\",\"className\":\"")
                        .append(className).append("\",\"kind\":\"scalar\"}");
            }
            upload(stack, project, user, password, TestJars.jar(sources), declared.append("]").toString());
            for (int i = 0; i < count; i++) {
                stack.catalogService("PUT", "/api/v1/projects/" + project + "/functions/f" + i + "/environments/test",
                        user, password, "{\"version\":1}");
            }
        }
        Thread.sleep(3 * stack.settings.changePollInterval().toMillis());
        Properties login = new Properties();
        login.setProperty("user", user);
        login.setProperty("password", password);
        return login;
    }

    /** The same string logic as a built-in expression and as a UDF, over the same rows, alternating three times each. */
    private static String perRecord(LocalStack stack, long rows) throws Exception {
        Path jar = Files.createTempFile("bench-udf", ".jar");
        Files.write(jar, TestJars.jar(Map.of("com.example.BenchUpper", TestJars.scalar("com.example.BenchUpper",
                "public String eval(String s) { return s == null ? null : s.toUpperCase(); }"))));
        List<Long> builtIn = new ArrayList<>();
        List<Long> udf = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(stack.vanillaJdbcUrl(), new Properties());
                Statement statement = connection.createStatement()) {
            // datagen emits 10,000 rows/s per source unless told otherwise: that rate, not the function, would be timed
            statement.execute("CREATE TEMPORARY TABLE bench_rows (s STRING) WITH ('connector' = 'datagen', "
                    + "'number-of-rows' = '" + rows + "', 'rows-per-second' = '1000000000', 'fields.s.length' = '16')");
            statement.execute("CREATE TEMPORARY FUNCTION bench_upper AS 'com.example.BenchUpper' USING JAR '"
                    + jar.toUri() + "'");
            for (int i = 0; i < 4; i++) {
                long a = timedCount(statement, "SELECT COUNT(*) FROM bench_rows WHERE UPPER(s) <> s");
                long b = timedCount(statement, "SELECT COUNT(*) FROM bench_rows WHERE bench_upper(s) <> s");
                if (i > 0) {
                    builtIn.add(a);
                    udf.add(b);
                }
            }
        }
        double builtInNs = median(builtIn) / (double) rows;
        double udfNs = median(udf) / (double) rows;
        return String.format("%nPer record (%d datagen rows of 16 characters, `COUNT(*) … WHERE f(s) <> s`, median of 3, "
                        + "job start included): built-in `UPPER` %.0f ns, scalar UDF (same logic) %.0f ns, ratio %.2f%n",
                rows, builtInNs, udfNs, udfNs / builtInNs);
    }

    private static long timedCount(Statement statement, String sql) throws SQLException {
        long start = System.nanoTime();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                result.getLong(1);
            }
        }
        return System.nanoTime() - start;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }

    private static long openSession(String url, Properties login, int functions) throws SQLException {
        long start = System.nanoTime();
        int listed = 0;
        try (Connection connection = DriverManager.getConnection(url, login);
                Statement statement = connection.createStatement()) {
            statement.execute("SHOW USER FUNCTIONS");
            try (ResultSet names = statement.getResultSet()) {
                while (names.next()) {
                    listed++;
                }
            }
        }
        long took = System.nanoTime() - start;
        if (listed != functions) {
            throw new IllegalStateException("SHOW USER FUNCTIONS listed " + listed + " functions, not " + functions);
        }
        return took;
    }

    private static void upload(LocalStack stack, String project, String user, String password, byte[] jar, String declared)
            throws Exception {
        String boundary = "bench-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        part(body, boundary, "jar", "application/java-archive", jar);
        part(body, boundary, "functions", "application/json", declared.getBytes(StandardCharsets.UTF_8));
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(stack.catalogServiceUrl.resolve("/api/v1/projects/" + project + "/functions/artifacts"))
                        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                                (user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("upload to " + project + " answered " + response.statusCode() + ": " + response.body());
        }
    }

    private static void part(ByteArrayOutputStream body, String boundary, String name, String type, byte[] content) {
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + name
                + "\"\r\nContent-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
    }
}
