package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.catalog.EnvironmentCatalog;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.gateway.testing.GatewayStack;
import io.sluice.localstack.LocalStack;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the access corpus ({@code access-corpus/*.tsv}): each row's statement, as its user, in a Flink session shaped
 * like the gateway's (the gateway's own environment catalogs {@code test} and {@code prod} over the real
 * catalog-service, current catalog {@code test}, database {@code demo_kafka}), through {@link StatementAnalyzer} and
 * {@link AccessEnforcer} with decisions from catalog-service's real decision API; and asserts the exact decision.
 *
 * <p>Expected decisions: {@code allow}; {@code deny <privilege> <table or object>}; {@code refuse <words>} when the
 * session itself refuses the statement before any decision (an unknown table, a forbidden hint caught by the
 * catalog's table factory), with words from the error.
 */
class AccessCorpusTest {

    private static final Set<String> ENVIRONMENTS = Set.of("test", "prod");

    private static CatalogServiceClient catalogService;
    private static AccessEnforcer enforcer;
    private static final Map<String, PrincipalView> principals = new HashMap<>();

    record Row(String file, int line, String form, String user, String expected, List<String> setup, String sql) {
        String name() {
            return file + ":" + line + " [" + form + "] " + user + ": " + sql;
        }
    }

    @BeforeAll
    static void tenant() {
        LocalStack stack = GatewayStack.get();
        CorpusTenant.ensure(stack);
        String gatewayToken = stack.issueToken("gateway", CorpusTenant.password("gateway"));
        Duration staleness = Duration.ofSeconds(5);
        catalogService =
                new CatalogServiceClient(
                        stack.catalogServiceUrl, gatewayToken, Duration.ofSeconds(10), staleness, staleness,
                        Duration.ofMinutes(5), 1_000);
        DecisionClient decisions = new DecisionClient(stack.catalogServiceUrl, gatewayToken, Duration.ofSeconds(10));
        Set<String> hintable = Set.copyOf(CorpusTenant.rows("access-corpus/hintable-options.txt").stream().map(r -> r[0]).toList());
        enforcer = new AccessEnforcer(new AccessDecider(decisions, staleness, 10_000), ENVIRONMENTS, hintable::contains, staleness);
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException, URISyntaxException {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> run(row)));
    }

    private static void run(Row row) {
        PrincipalView principal = principals.computeIfAbsent(row.user(), u -> catalogService.principal(credentials(u)));
        TableEnvironmentInternal session = session(row.user(), principal);
        StatementAnalyzer analyzer = new StatementAnalyzer();
        for (String setup : row.setup()) {
            StatementAnalyzer.Analysis analysis = analyzer.analyze(session, setup);
            assertThat(enforcer.check(principal, analysis.access())).as("setup statement %s", setup).isEmpty();
            if (analysis.definesViewsOnly()) {
                PlannedTables.definingViews(() -> session.executeSql(setup));
            } else {
                session.executeSql(setup);
            }
        }
        String decision;
        try {
            StatementAccess access = analyzer.analyze(session, row.sql()).access();
            Optional<Denial> denial = enforcer.check(principal, access);
            denial.ifPresent(d -> assertThat(d.message()).as("the denial names what it denies").contains(d.subject()));
            decision = denial.map(d -> "deny " + d.privilege() + " " + d.subject()).orElse("allow");
        } catch (RuntimeException refused) {
            decision = "refuse " + messages(refused);
        }
        assertDecision(row, decision);
    }

    /**
     * The row's expected decision, exactly for {@code allow} and {@code deny …}; for {@code refuse <words>}, a refusal
     * whose messages contain the words. Shared with {@link AccessCorpusJdbcTest}, which reaches the same decisions
     * through the gateway.
     */
    static void assertDecision(Row row, String decision) {
        if (row.expected().startsWith("refuse ")) {
            assertThat(decision).as(row.name()).startsWith("refuse ").contains(row.expected().substring("refuse ".length()));
        } else {
            assertThat(decision).as(row.name()).isEqualTo(row.expected());
        }
    }

    /** A fresh session per row, so that nothing one row creates is seen by the next. */
    private static TableEnvironmentInternal session(String user, PrincipalView principal) {
        TableEnvironmentInternal session =
                (TableEnvironmentInternal) TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        for (String environment : List.of("test", "prod")) {
            session.registerCatalog(
                    environment,
                    new EnvironmentCatalog(
                            environment, catalogService, new SecretRedactor(),
                            (table, action) -> enforcer.requireTable(principal, table, action)));
        }
        session.useCatalog("test");
        session.useDatabase("demo_kafka");
        return session;
    }

    private static Credentials credentials(String user) {
        return Credentials.basic(user, CorpusTenant.password(user));
    }

    /** The messages of a failure and its causes, what a {@code refuse} row's words are looked for in. */
    static String messages(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t.getMessage()).append(" | ");
        }
        return text.toString();
    }

    static List<Row> rows() throws IOException, URISyntaxException {
        Path folder = Path.of(AccessCorpusTest.class.getClassLoader().getResource("access-corpus").toURI());
        List<Row> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    if (line.isBlank() || line.startsWith("#")) {
                        continue;
                    }
                    String[] cells = line.split("\t");
                    if (cells.length != 5) {
                        fail(file.getFileName() + ":" + (i + 1) + " has " + cells.length + " cells, not 5");
                    }
                    List<String> setup = cells[3].equals("-") ? List.of() : StatementSplitter.split(cells[3]);
                    rows.add(new Row(file.getFileName().toString(), i + 1, cells[0], cells[1], cells[2], setup,
                            cells[4].replace("\\n", "\n")));
                }
            }
        }
        return rows;
    }
}
