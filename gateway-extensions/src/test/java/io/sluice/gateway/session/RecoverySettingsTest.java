package io.sluice.gateway.session;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.SluiceGatewayOptions;
import io.sluice.gateway.access.AccessDecider;
import io.sluice.gateway.access.AccessEnforcer;
import io.sluice.gateway.access.DecisionClient;
import io.sluice.gateway.access.Denial;
import io.sluice.gateway.catalogservice.OutageGrace;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.gate.JobScope;
import io.sluice.gateway.gate.StatementGate;
import io.sluice.gateway.jobs.Savepoints;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

/**
 * The state-recovery settings a session may give, from the corpus {@code savepoints/recovery-settings.tsv}: each row as
 * a {@code SET} statement parsed by Flink's parser and judged by the gate, and as an open-session property judged by
 * the session policy; a refusal names the key and says where a valid path comes from. Also: the savepoint folder the
 * gateway gives each project, the roots it refuses to start with, and {@code STOP JOB … WITH SAVEPOINT} when the
 * gateway has no savepoint folder.
 */
class RecoverySettingsTest {

    private static final String ROOT = "file:///var/sluice/savepoints";
    private static final String SAVEPOINT = "file:/var/sluice/savepoints/demo/savepoint-0a1b2c-0123456789ab";
    private static final JobScope OWN_JOBS = jobId -> true;

    private static final SessionPolicy POLICY =
            new SessionPolicy(SluiceGatewayOptions.ALLOWED_SESSION_KEYS.defaultValue(), Savepoints.under(ROOT));
    private static final PrincipalView ALICE = principal("alice", "demo");

    private static TableEnvironmentInternal session;

    record Row(int line, String key, String value, String set, String open, String why) {
        String name() {
            return "recovery-settings.tsv:" + line + " '" + key + "' = '" + value + "' (" + why + ")";
        }
    }

    @BeforeAll
    static void session() {
        session = (TableEnvironmentInternal) TableEnvironment.create(EnvironmentSettings.inStreamingMode());
    }

    @TestFactory
    Stream<DynamicTest> setStatements() {
        return rows().stream().map(row -> DynamicTest.dynamicTest("SET " + row.name(), () -> {
            Optional<Denial> denial = judge(gate(POLICY), "SET '" + row.key() + "' = '" + row.value() + "'", OWN_JOBS);
            assertThat(denial.isPresent() ? "deny" : "allow").as(row.name()).isEqualTo(row.set());
            denial.ifPresent(d -> {
                assertThat(d.subject()).isEqualTo(row.key().trim());
                assertThat(d.message()).startsWith("'" + row.key().trim() + "' may not be changed in a session");
                if (Savepoints.RECOVERY_PATH_KEY.equals(row.key().trim())) {
                    assertThat(d.message()).contains("STOP JOB '<job id>' WITH SAVEPOINT returned for a job of project demo");
                }
            });
        }));
    }

    @TestFactory
    Stream<DynamicTest> openSessionProperties() {
        return rows().stream().map(row -> DynamicTest.dynamicTest("open session " + row.name(), () -> {
            String decision;
            try {
                Map<String, String> kept = POLICY.sessionProperties(Map.of(row.key(), row.value()), "demo");
                // a key that is neither allowed nor owned is dropped, not kept: for these keys that is a refusal too
                decision = kept.equals(Map.of(row.key().trim(), row.value())) ? "allow" : "deny";
            } catch (Exception refused) { // a ClientError, thrown unchecked
                assertThat(refused).isInstanceOf(ClientError.class);
                assertThat(refused.getMessage()).as(row.name()).startsWith("Access denied: a session may not set ");
                if (Savepoints.governs(row.key().trim())) {
                    assertThat(refused.getMessage()).contains(row.key().trim() + " to that value");
                }
                decision = "deny";
            }
            assertThat(decision).as(row.name()).isEqualTo(row.open());
        }));
    }

    @Test
    void eachProjectHasItsOwnFolderAndNeverClaimMode() {
        assertThat(POLICY.savepoints().sessionSettings("demo"))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "execution.checkpointing.savepoint-dir", "file:///var/sluice/savepoints/demo",
                        "execution.state-recovery.claim-mode", "NO_CLAIM"));
        assertThat(Savepoints.under("s3://bucket/sp/").folderOf("other")).contains("s3://bucket/sp/other");
        assertThat(Savepoints.under("file:///").folderOf("demo")).contains("file:///demo");
        // no project, or a name that is not one plain segment: no folder, so no savepoints
        assertThat(POLICY.savepoints().sessionSettings(null)).isEmpty();
        assertThat(POLICY.savepoints().folderOf("")).isEmpty();
        assertThat(POLICY.savepoints().folderOf("../other")).isEmpty();
        assertThat(Savepoints.under("  ").offered()).isFalse();
        assertThat(Savepoints.under(null).offered()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/var/sluice/savepoints", "var/sluice", "file:savepoints", "file:///var/../etc", "file:///var/./x",
        "file:///var//x", "file:///var/%2e%2e/x", "file:///var/x?y=1", "file:///var/x#y", "s3://bucket", "not a uri"})
    void aRootThatIsNoPlainAbsoluteFolderIsRefused(String root) {
        assertThatThrownBy(() -> Savepoints.under(root)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRecoveryKeysMayBeReset() {
        assertThat(POLICY.whyNotResettable(Savepoints.RECOVERY_PATH_KEY)).isEmpty();
        assertThat(POLICY.whyNotResettable(Savepoints.IGNORE_UNCLAIMED_STATE_KEY)).isEmpty();
        assertThat(POLICY.whyNotResettable("execution.state-recovery.claim-mode")).isPresent();
        assertThat(POLICY.whyNotResettable("execution.checkpointing.savepoint-dir")).isPresent();
        assertThat(POLICY.whyNotResettable("execution.savepoint.path")).isPresent();
    }

    @Test
    void theOwnSavepointIsVisibleInSetButTheFolderIsNot() {
        assertThat(SessionPolicy.isHidden(Savepoints.RECOVERY_PATH_KEY)).isFalse();
        assertThat(SessionPolicy.isHidden("execution.checkpointing.savepoint-dir")).isTrue();
        assertThat(SessionPolicy.isHidden("execution.state-recovery.claim-mode")).isTrue();
    }

    @Test
    void withoutSavepointsNothingIsResumedAndNoJobIsStoppedWithOne() {
        SessionPolicy none = new SessionPolicy(SluiceGatewayOptions.ALLOWED_SESSION_KEYS.defaultValue());
        StatementGate gate = gate(none);
        String job = "0123456789abcdef0123456789abcdef";
        for (String stop : List.of("STOP JOB '" + job + "' WITH SAVEPOINT", "STOP JOB '" + job + "' WITH SAVEPOINT WITH DRAIN")) {
            assertThat(judge(gate, stop, OWN_JOBS)).get()
                    .satisfies(d -> {
                        assertThat(d.privilege()).isEqualTo("savepoint");
                        assertThat(d.message()).isEqualTo(
                                "job '" + job + "' cannot be stopped with a savepoint: this gateway keeps no savepoints "
                                        + "(sql-gateway.endpoint.sluice.job.savepoint-dir is not set). Stop it without a "
                                        + "savepoint (STOP JOB '" + job + "'), or ask the platform team for savepoints.");
                    });
        }
        assertThat(judge(gate, "STOP JOB '" + job + "'", OWN_JOBS)).isEmpty();
        assertThat(judge(gate, "SET '" + Savepoints.RECOVERY_PATH_KEY + "' = '" + SAVEPOINT + "'", OWN_JOBS)).get()
                .satisfies(d -> assertThat(d.message()).contains("this gateway keeps no savepoints"));
        assertThatThrownBy(() -> none.sessionProperties(Map.of(Savepoints.RECOVERY_PATH_KEY, SAVEPOINT), "demo"))
                .hasMessageContaining("this gateway keeps no savepoints");
    }

    @Test
    void withSavepointsTheProjectStopsItsOwnJobsWithOneAndNoOtherProjectsJob() {
        StatementGate gate = gate(POLICY);
        String job = "0123456789abcdef0123456789abcdef";
        assertThat(judge(gate, "STOP JOB '" + job + "' WITH SAVEPOINT", OWN_JOBS)).isEmpty();
        assertThat(judge(gate, "STOP JOB '" + job + "' WITH SAVEPOINT WITH DRAIN", OWN_JOBS)).isEmpty();
        assertThat(judge(gate, "STOP /* x */ JOB '" + job + "' WITH SAVEPOINT", jobId -> false)).get()
                .satisfies(d -> assertThat(d.message()).isEqualTo("job '" + job + "' is not a job of project demo."));
        // a session without a project has no folder: its STOP JOB … WITH SAVEPOINT fails closed
        assertThat(judge(gate, "STOP JOB '" + job + "' WITH SAVEPOINT", OWN_JOBS, principal("root", null))).get()
                .satisfies(d -> assertThat(d.message()).contains("a session without a project has no savepoint folder"));
    }

    private static Optional<Denial> judge(StatementGate gate, String sql, JobScope jobs) {
        return judge(gate, sql, jobs, ALICE);
    }

    private static Optional<Denial> judge(StatementGate gate, String sql, JobScope jobs, PrincipalView principal) {
        return gate.judge(principal, session, sql, jobs).denial();
    }

    /**
     * The gate with a real enforcer whose decision API is never asked: settings and STOP JOB read no table, so only
     * the statement kind, the setting and the job rules decide.
     */
    private static StatementGate gate(SessionPolicy policy) {
        DecisionClient unused =
                new DecisionClient(URI.create("http://127.0.0.1:9"), "unused", Duration.ofSeconds(1), new OutageGrace(Duration.ZERO));
        return new StatementGate(
                policy, new AccessEnforcer(new AccessDecider(unused, Duration.ofSeconds(5), 10), Set.of("test"), key -> false,
                        Duration.ofSeconds(5)));
    }

    private static PrincipalView principal(String user, String project) {
        return new PrincipalView(user, user, project, project == null ? null : "developer", List.of(), List.of(), List.of("test"));
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        String[] lines = resource("savepoints/recovery-settings.tsv").split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank() || lines[i].startsWith("#")) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            if (cells.length != 5) {
                fail("recovery-settings.tsv:" + (i + 1) + " has " + cells.length + " cells, not 5");
            }
            rows.add(new Row(i + 1, unescape(cells[0]), unescape(cells[1]), cells[2], cells[3], cells[4]));
        }
        return rows;
    }

    private static String unescape(String cell) {
        return cell.replace("{space}", " ").replace("{tab}", "\t");
    }

    private static String resource(String name) {
        try (InputStream in = RecoverySettingsTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
