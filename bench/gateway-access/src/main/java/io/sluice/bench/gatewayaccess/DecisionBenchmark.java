package io.sluice.bench.gatewayaccess;

import io.sluice.contract.AccessDecision;
import io.sluice.contract.PrincipalView;
import io.sluice.gateway.SluiceGatewayOptions;
import io.sluice.gateway.access.AccessDecider;
import io.sluice.gateway.access.AccessEnforcer;
import io.sluice.gateway.access.AccessOptions;
import io.sluice.gateway.access.Action;
import io.sluice.gateway.access.DecisionClient;
import io.sluice.gateway.access.DecisionKey;
import io.sluice.gateway.access.Denial;
import io.sluice.gateway.access.StatementAccess;
import io.sluice.gateway.access.TableAccess;
import io.sluice.gateway.catalogservice.OutageGrace;

import org.apache.flink.table.catalog.ObjectIdentifier;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The cached decision path on one thread: from what the analyzer found in a statement to its decisions, as the gateway
 * runs it for every statement. Scores are decisions per second (one per table a statement touches). The cache keeps
 * its default staleness, so an entry that expires during a run is fetched again over loopback HTTP, as in a gateway.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xms512m", "-Xmx512m"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class DecisionBenchmark {

    private DecisionApi decisionApi;
    private AccessDecider decider;
    private AccessEnforcer enforcer;
    private PrincipalView principal;
    private StatementAccess oneTable;
    private StatementAccess threeTables;
    private DecisionKey[] keys;

    @Setup
    public void setUp() throws IOException {
        decisionApi = new DecisionApi();
        Duration staleness = AccessOptions.DECISION_STALENESS.defaultValue();
        decider = new AccessDecider(
                new DecisionClient(decisionApi.url(), "bench-token", Duration.ofSeconds(5),
                        new OutageGrace(SluiceGatewayOptions.CATALOG_SERVICE_OUTAGE_GRACE.defaultValue())),
                staleness,
                AccessOptions.DECISION_CACHE_SIZE.defaultValue());
        enforcer = new AccessEnforcer(decider, Set.of("test", "prod"), option -> false, staleness);
        principal = new PrincipalView("bob", "Bob", "other", "developer", List.of(), List.of(), List.of());
        TableAccess orders = select("demo_kafka", "orders", "order_id", "amount", "customer");
        TableAccess customers = select("demo_kafka", "customers", "customer_id", "country");
        TableAccess totals = new TableAccess(
                ObjectIdentifier.of("test", "demo_kafka", "totals"), false, Action.INSERT, List.of(), Map.of());
        oneTable = new StatementAccess(List.of(orders), List.of(), 1);
        threeTables = new StatementAccess(List.of(totals, orders, customers), List.of(), 1);
        keys = new DecisionKey[] {
            new DecisionKey("bob", "other", "test", "orders", Action.SELECT, List.of("amount", "customer", "order_id")),
            new DecisionKey("bob", "other", "test", "customers", Action.SELECT, List.of("country", "customer_id")),
            new DecisionKey("bob", "other", "test", "totals", Action.INSERT, List.of())
        };
        if (enforcer.check(principal, threeTables).isPresent() || !decider.decide(keys)[0].allowed()) {
            throw new IllegalStateException("The decision API should allow everything");
        }
    }

    private static TableAccess select(String database, String table, String... columns) {
        return new TableAccess(ObjectIdentifier.of("test", database, table), false, Action.SELECT, List.of(columns), Map.of());
    }

    @TearDown
    public void tearDown() {
        decisionApi.close();
    }

    /** A query over one table: the statement's keys, one cache hit, the verdict. */
    @Benchmark
    public Optional<Denial> statementOverOneTable() {
        return enforcer.check(principal, oneTable);
    }

    /** An INSERT … SELECT with a join: three decisions per statement. */
    @Benchmark
    @OperationsPerInvocation(3)
    public Optional<Denial> statementOverThreeTables() {
        return enforcer.check(principal, threeTables);
    }

    /** The cache alone, with keys built beforehand. */
    @Benchmark
    @OperationsPerInvocation(3)
    public AccessDecision[] cachedDecisions() {
        return decider.decide(keys);
    }
}
