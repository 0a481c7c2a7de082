package io.sluice.gateway;

import io.sluice.gateway.testing.GatewayStack;
import io.sluice.localstack.ChildJvm;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.sluice.gateway.testing.GatewayStack.ALICE;
import static io.sluice.gateway.testing.GatewayStack.ALICE_PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Flink's SQL client in gateway mode runs a script against the sluice endpoint, logging in with a token it sends
 * as a header from {@code FLINK_REST_CLIENT_HEADERS}, as a user would set it up.
 */
class SqlClientTest {

    private static GatewayStack stack;

    @TempDir static Path work;

    @BeforeAll
    static void startStack() {
        stack = GatewayStack.withFreeSlots();
    }

    @Test
    void scriptRunsWithTokenHeader() throws Exception {
        String output = runScript("Authorization:Bearer " + stack.issueToken(ALICE, ALICE_PASSWORD));
        assertThat(output).containsPattern("\\| +governed \\|").containsPattern("\\| +prod \\|").containsPattern("\\| +test \\|");
        assertThat(output).doesNotContain("[ERROR]");
    }

    @Test
    void aDenialIsTheReasonTheClientShows() throws Exception {
        String output =
                runScript(
                        "Authorization:Bearer " + stack.issueToken(ALICE, ALICE_PASSWORD),
                        "ADD JAR '/tmp/evil.jar';\n");
        assertThat(output)
                .containsPattern("Reason:\\s+\\[Access denied: loading code from a jar \\(/tmp/evil.jar\\) is for system admins");
    }

    /** The gateway's statement form for templates, from a script; the value is a literal, quotes and all. */
    @Test
    void aTemplateRunsFromAScript() throws Exception {
        stack.catalogService("POST", "/api/v1/projects/demo/templates", ALICE, ALICE_PASSWORD,
                "{\"name\":\"sql_client_greeting\",\"description\":\"a greeting and the project\","
                        + "\"sql\":\"SELECT ${word} AS greeting, ${project} AS project\","
                        + "\"parameters\":[{\"name\":\"word\",\"kind\":\"string\"}]}");
        String output =
                runScript(
                        "Authorization:Bearer " + stack.issueToken(ALICE, ALICE_PASSWORD),
                        "EXECUTE TEMPLATE sql_client_greeting WITH ('word' = 'it''s -- templated');\n");
        assertThat(output).containsPattern("\\| +it's -- templated \\| +demo \\|").doesNotContain("[ERROR]");
    }

    @Test
    void scriptWithoutValidTokenFailsWithTheLoginReason() throws Exception {
        String output = runScript("Authorization:Bearer not-a-token");
        assertThat(output).contains("Login failed: ");
        assertThat(output).doesNotContain("\tat io.sluice", "Exception on server side");
    }

    private static String runScript(String headers) throws Exception {
        return runScript(headers, "SHOW CATALOGS;\nSELECT 'governed' AS greeting;\n");
    }

    private static String runScript(String headers, String statements) throws Exception {
        Path conf = Files.createDirectories(work.resolve("conf"));
        Files.writeString(conf.resolve("config.yaml"), "");
        Path script = work.resolve("script.sql");
        Files.writeString(
                script,
                "SET 'sql-client.execution.result-mode' = 'tableau';\n" + statements);
        try (ChildJvm client =
                ChildJvm.start(
                        "sql-client",
                        List.of(
                                "-Xmx256m",
                                "-cp", System.getProperty("java.class.path"),
                                "org.apache.flink.table.client.SqlClient",
                                "gateway",
                                "--endpoint", "127.0.0.1:" + stack.sluicePort,
                                "-f", script.toString()),
                        Map.of("FLINK_CONF_DIR", conf.toString(), "FLINK_REST_CLIENT_HEADERS", headers))) {
            client.process().waitFor(120, TimeUnit.SECONDS);
            Thread.sleep(Duration.ofMillis(300).toMillis()); // the last lines of output
            return client.output();
        }
    }
}
