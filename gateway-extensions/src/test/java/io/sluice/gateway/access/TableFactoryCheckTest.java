package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.sluice.contract.PrincipalView;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.GenericInMemoryCatalog;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.connector.source.DynamicTableSource;
import org.apache.flink.table.factories.DynamicTableSourceFactory;
import org.apache.flink.table.factories.Factory;
import org.apache.flink.table.factories.FactoryUtil;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The table factory's second check ({@link AccessEnforcer#requireTable}), in a catalog whose factory calls it before
 * building each source, as the environment catalogs' factory is to: while a statement is analysed the check only
 * records, and a source the planner builds that the analysis did not find refuses the statement; afterwards a table
 * the statement was just allowed passes without asking again, and any other needs a whole-table grant.
 */
class TableFactoryCheckTest {

    private static final Duration STALENESS = Duration.ofSeconds(5);
    private static final PrincipalView CAROL = new PrincipalView("carol", "Carol", "analytics", "developer", List.of(), List.of(), List.of());

    private DecisionApiStandIn decisionApi;
    private AccessEnforcer enforcer;
    private TableEnvironmentInternal session;
    /** Tables the factory also "builds" with each source: a path the analysis would not see. */
    private final List<ObjectIdentifier> alsoBuilt = new CopyOnWriteArrayList<>();

    @BeforeEach
    void session() {
        decisionApi = new DecisionApiStandIn();
        enforcer = new AccessEnforcer(new AccessDecider(decisionApi.client(), STALENESS, 100), Set.of("test"), o -> false, STALENESS);
        session = (TableEnvironmentInternal) TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        session.registerCatalog("test", new CheckedCatalog());
        session.useCatalog("test");
        session.executeSql("CREATE TABLE orders (id BIGINT, card STRING) WITH ('connector' = 'datagen')");
        session.executeSql("CREATE TABLE salaries (name STRING, salary INT) WITH ('connector' = 'datagen')");
    }

    @AfterEach
    void stop() {
        decisionApi.close();
    }

    @Test
    void whileAStatementIsAnalysedTheFactoryOnlyRecords() {
        StatementAccess access = new StatementAnalyzer().analyze(session, "SELECT id FROM orders").access();
        assertThat(decisionApi.requests).as("nothing decided while parsing").isEmpty();
        assertThat(enforcer.check(CAROL, access)).isEmpty();
        assertThat(decisionApi.requests).singleElement()
                .satisfies(checks -> assertThat(checks.get(0).get("columns").get(0).asText()).isEqualTo("id"));
    }

    @Test
    void aSourceThePlannerBuildsButTheAnalysisMissedRefusesTheStatement() {
        alsoBuilt.add(ObjectIdentifier.of("test", "default", "salaries"));
        assertThatThrownBy(() -> new StatementAnalyzer().analyze(session, "SELECT id FROM orders"))
                .hasMessageContaining("The planner built table test.default.salaries but the access analysis did not find it");
    }

    @Test
    void afterwardsAJustAllowedTablePassesAndAnyOtherNeedsAWholeTableGrant() {
        enforcer.enforce(CAROL, new StatementAnalyzer().analyze(session, "SELECT id FROM orders").access());
        int asked = decisionApi.requests.size();
        enforcer.requireTable(CAROL, ObjectIdentifier.of("test", "default", "orders"), Action.SELECT);
        assertThat(decisionApi.requests).hasSize(asked);

        decisionApi.forbidden.add("salaries");
        assertThatThrownBy(() -> enforcer.requireTable(CAROL, ObjectIdentifier.of("test", "default", "salaries"), Action.INSERT))
                .hasMessageStartingWith("Access denied: carol (project analytics) may not insert test.default.salaries");
        assertThat(decisionApi.requests.get(decisionApi.requests.size() - 1).get(0).get("columns")).isEmpty();
    }

    /** An in-memory catalog whose sources are built by a factory that asks the enforcer first. */
    private final class CheckedCatalog extends GenericInMemoryCatalog {
        CheckedCatalog() {
            super("test");
        }

        @Override
        public Optional<Factory> getFactory() {
            return Optional.of(new CheckedSourceFactory());
        }
    }

    private final class CheckedSourceFactory implements DynamicTableSourceFactory {
        @Override
        public DynamicTableSource createDynamicTableSource(Context context) {
            enforcer.requireTable(CAROL, context.getObjectIdentifier(), Action.SELECT);
            alsoBuilt.forEach(table -> enforcer.requireTable(CAROL, table, Action.SELECT));
            return FactoryUtil.createDynamicTableSource(
                    null, context.getObjectIdentifier(), context.getCatalogTable(), Map.of(), context.getConfiguration(),
                    context.getClassLoader(), context.isTemporary());
        }

        @Override
        public String factoryIdentifier() {
            return "checked";
        }

        @Override
        public Set<ConfigOption<?>> requiredOptions() {
            return Set.of();
        }

        @Override
        public Set<ConfigOption<?>> optionalOptions() {
            return Set.of();
        }
    }
}
