package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.sluice.gateway.catalogservice.OutageGrace;
import io.sluice.contract.PrincipalView;
import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.catalog.EnvironmentCatalog;
import io.sluice.gateway.catalogservice.CatalogServiceClient;
import io.sluice.gateway.SluiceGatewayOptions;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.errors.SecretRedactor;
import io.sluice.gateway.gate.JobScope;
import io.sluice.gateway.gate.StatementGate;
import io.sluice.gateway.gate.StatementSplitter;
import io.sluice.gateway.gate.Verdict;
import io.sluice.gateway.session.SessionPolicy;
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
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs the access corpus ({@code access-corpus/*.tsv}): each row's statement, as its user, in a Flink session shaped
 * like the gateway's (the gateway's own environment catalogs {@code test} and {@code prod} over the real
 * catalog-service, current catalog {@code test}, database {@code demo_kafka}), through the gateway's {@link StatementGate}
 * (statement kinds, session settings, jobs, then {@link StatementAnalyzer} and {@link AccessEnforcer} with decisions
 * from catalog-service's real decision API); and asserts the exact decision. Setup statements run as the operations
 * the gate judged, as the gateway runs them.
 *
 * <p>Expected decisions: {@code allow}; {@code deny <privilege> <table or object>}; {@code refuse <words>} when the
 * session itself refuses the statement before any decision (an unknown table, a forbidden hint caught by the
 * catalog's table factory), with words from the error.
 */
class AccessCorpusTest {

    private static final Set<String> ENVIRONMENTS = Set.of("test", "prod");

    private static CatalogServiceClient catalogService;
    private static AccessEnforcer enforcer;
    private static StatementGate gate;
    /** No job is the corpus users' own: STOP JOB and DESCRIBE JOB rows name jobs of nobody's project. */
    private static final JobScope NO_JOBS = jobId -> false;
    private static final Map<String, PrincipalView> principals = new HashMap<>();

    /**
     * The files whose rows are also run in every {@link Disguises disguise}: lockdown, session settings, jobs, plans,
     * definitions (tables, jars, functions, catalogs, modules, views) and the bypass attempts.
     */
    private static final Set<String> DISGUISED = Set.of("bypass.tsv", "lockdown.tsv", "views.tsv");

    /**
     * One statement to decide.
     *
     * @param plainSql the statement as the row wrote it; {@code sql} differs from it in a disguised row
     * @param disguise the disguise {@code sql} is in, null for the row as written
     */
    record Row(String file, int line, String form, String user, String expected, List<String> setup, String sql,
            String plainSql, String disguise) {
        String name() {
            return file + ":" + line + " [" + form + (disguise == null ? "" : ", in " + disguise) + "] " + user + ": " + sql;
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
                        Duration.ofMinutes(5), 1_000, new OutageGrace(Duration.ZERO));
        DecisionClient decisions =
                new DecisionClient(stack.catalogServiceUrl, gatewayToken, Duration.ofSeconds(10), catalogService.outage());
        Set<String> hintable = Set.copyOf(CorpusTenant.rows("access-corpus/hintable-options.txt").stream().map(r -> r[0]).toList());
        enforcer = new AccessEnforcer(new AccessDecider(decisions, staleness, 10_000), ENVIRONMENTS, hintable::contains, staleness);
        gate = new StatementGate(new SessionPolicy(SluiceGatewayOptions.ALLOWED_SESSION_KEYS.defaultValue()), enforcer);
    }

    @TestFactory
    Stream<DynamicTest> corpus() throws IOException, URISyntaxException {
        return rows().stream().map(row -> DynamicTest.dynamicTest(row.name(), () -> run(row)));
    }

    private static void run(Row row) {
        PrincipalView principal = principals.computeIfAbsent(row.user(), u -> catalogService.principal(credentials(u)));
        TableEnvironmentInternal session = session(row.user(), principal);
        String decision;
        try {
            decision = null;
            for (String setup : row.setup()) {
                // a setup statement the gate refuses is the row's decision: the statement after it never runs
                Verdict verdict = gate.judge(principal, session, setup, NO_JOBS);
                decision = decision(verdict);
                if (!decision.equals("allow")) {
                    break;
                }
                verdict.operations().forEach(session::executeInternal);
            }
            if (decision == null || decision.equals("allow")) {
                decision = decision(gate.judge(principal, session, row.sql(), NO_JOBS));
            }
        } catch (RuntimeException refused) {
            // a denial raised while Flink parses (the catalog's table factory refusing a hint) reads as one
            String messages = messages(refused);
            decision = messages.contains(ClientError.DENIED) ? denial(messages) : "refuse " + messages;
        }
        assertDecision(row, decision);
    }

    private static String decision(Verdict verdict) {
        Optional<Denial> denial = verdict.denial();
        denial.ifPresent(d -> assertThat(d.message()).as("the denial names what it denies").contains(d.subject()));
        return denial.map(d -> "deny " + d.privilege() + " " + d.subject()).orElse("allow");
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
                            (table, action) -> enforcer.requireTable(principal, table, action),
                            user, Map.of()));
        }
        session.useCatalog("test");
        session.useDatabase("demo_kafka");
        return session;
    }

    private static Credentials credentials(String user) {
        return Credentials.basic(user, CorpusTenant.password(user));
    }

    /** A denial's sentence; {@code privilege} null when the sentence names it (group 1, the subject group 2). */
    record Phrasing(String privilege, Pattern pattern) {}

    private static final String PRIVILEGES =
            Arrays.stream(Action.values()).map(Action::privilege).collect(Collectors.joining("|"));

    /**
     * How {@link DenialMessages} phrase the privilege and subject of a denial, as {@code deny <privilege> <subject>}
     * reads them. The hint's phrasing first: it also says "may not".
     */
    private static final List<Phrasing> DENIALS =
            List.of(
                    new Phrasing("hint", Pattern.compile("^an OPTIONS hint may not set .* on ([^\\s:]+): ")),
                    new Phrasing("hint", Pattern.compile("^table (\\S+) does not let a query set ")),
                    new Phrasing(null, Pattern.compile(" may not (" + PRIVILEGES + ") ([^\\s:]+)[ :]")),
                    new Phrasing("connector_table", Pattern.compile("^table (\\S+) names its own 'connector'")),
                    new Phrasing("jar", Pattern.compile("^loading code from a jar \\((.*)\\) is for system admins")),
                    new Phrasing("function", Pattern.compile("^defining function (\\S+) from a class")),
                    new Phrasing("catalog", Pattern.compile("^creating or changing catalog (\\S+) is for system admins")),
                    new Phrasing("module", Pattern.compile("^loading or changing module (.+) is for system admins")),
                    new Phrasing("setting", Pattern.compile("^'([^']+)' may not be changed in a session")),
                    new Phrasing("job", Pattern.compile("^job '([^']*)' is not a job of project")),
                    new Phrasing("statement", Pattern.compile("^statements of kind '([^']+)' are not offered")));

    /**
     * A denial as {@code deny <privilege> <subject>}, from the text of an error that holds the denial's sentence
     * somewhere after {@code Access denied: } (the JDBC driver's reason, or the messages of a failure's causes).
     */
    static String denial(String text) {
        String message = text.substring(text.indexOf(ClientError.DENIED) + ClientError.DENIED.length());
        return "deny" + privilegeAndSubject(message);
    }

    private static String privilegeAndSubject(String message) {
        for (Phrasing phrasing : DENIALS) {
            Matcher matcher = phrasing.pattern().matcher(message);
            if (matcher.find()) {
                return phrasing.privilege() == null
                        ? " " + matcher.group(1) + " " + matcher.group(2)
                        : " " + phrasing.privilege() + " " + matcher.group(1);
            }
        }
        // not the enforcer's sentence (the session policy's, e.g.): the whole of it
        return ": " + message;
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
                    String name = file.getFileName().toString();
                    String sql = cells[4].replace("\\n", "\n");
                    rows.add(new Row(name, i + 1, cells[0], cells[1], cells[2], setup, sql, sql, null));
                    if (DISGUISED.contains(name)) {
                        for (Disguises.Disguise disguise : Disguises.ALL) {
                            rows.add(new Row(name, i + 1, cells[0], cells[1], cells[2], setup,
                                    disguise.apply().apply(sql), sql, disguise.name()));
                        }
                    }
                }
            }
        }
        return rows;
    }
}
