package io.sluice.gateway.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.table.api.EnvironmentSettings;
import org.apache.flink.table.api.TableEnvironment;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

/**
 * What the analyzer finds in each form of statement, down to the columns, in a session with in-memory catalogs
 * shaped like the gateway's ({@code test} and {@code prod}, a database per data source). The corpus
 * ({@link AccessCorpusTest}) runs the same analyzer against the gateway's own catalogs and real decisions.
 */
class StatementAnalyzerTest {

    private static final StatementAnalyzer ANALYZER = new StatementAnalyzer();
    private static TableEnvironmentInternal session;

    @BeforeAll
    static void catalogs() {
        session = (TableEnvironmentInternal) TableEnvironment.create(EnvironmentSettings.inStreamingMode());
        for (String environment : List.of("test", "prod")) {
            session.executeSql("CREATE CATALOG " + environment
                    + " WITH ('type' = 'generic_in_memory', 'default-database' = 'shop')");
            session.executeSql("CREATE DATABASE " + environment + ".dims");
            session.executeSql("CREATE TABLE " + environment + ".shop.orders (id BIGINT, customer BIGINT, product BIGINT, "
                    + "amount DECIMAL(10, 2), card STRING, ts TIMESTAMP(3), WATERMARK FOR ts AS ts) "
                    + "WITH ('connector' = 'datagen')");
            session.executeSql("CREATE TABLE " + environment + ".shop.totals (customer BIGINT, total DECIMAL(20, 2)) "
                    + "WITH ('connector' = 'blackhole')");
            session.executeSql("CREATE TABLE " + environment + ".dims.products (id BIGINT, name STRING, price DECIMAL(10, 2)) "
                    + "WITH ('connector' = 'datagen')");
        }
        session.useCatalog("test");
        session.useDatabase("shop");
        session.executeSql("CREATE TEMPORARY VIEW big_orders AS SELECT id, amount, card FROM orders WHERE amount > 100");
        session.executeSql("CREATE TEMPORARY VIEW timed_orders AS SELECT *, PROCTIME() AS proc FROM orders");
    }

    private static List<String> tables(String sql) {
        return ANALYZER.analyze(session, sql).access().tables().stream().map(TableAccess::toString).toList();
    }

    @Test
    void resolvesNamesInTheSessionWhateverTheQuoting() {
        assertThat(tables("SELECT id FROM orders")).containsExactly("select test.shop.orders [id]");
        assertThat(tables("SELECT `id` FROM `test`.`shop`.`orders`")).containsExactly("select test.shop.orders [id]");
        assertThat(tables("SELECT id FROM prod . shop . orders")).containsExactly("select prod.shop.orders [id]");
        assertThat(tables("SELECT id FROM dims.products")).containsExactly("select test.dims.products [id]");
    }

    @Test
    void countsColumnsUsedOnlyToFilterJoinGroupSortOrCompute() {
        assertThat(tables("SELECT id FROM orders WHERE card LIKE '4%'")).containsExactly("select test.shop.orders [card, id]");
        assertThat(tables("SELECT SUM(amount) FROM orders GROUP BY customer"))
                .containsExactly("select test.shop.orders [amount, customer]");
        assertThat(tables("SELECT id FROM orders ORDER BY ts")).containsExactly("select test.shop.orders [id, ts]");
        assertThat(tables("SELECT UPPER(card) FROM orders")).containsExactly("select test.shop.orders [card]");
        assertThat(tables("SELECT o.id FROM orders o JOIN dims.products p ON o.product = p.id"))
                .containsExactly("select test.shop.orders [id, product]", "select test.dims.products [id]");
        assertThat(tables("SELECT MAX(amount) FILTER (WHERE card IS NULL) FROM orders"))
                .containsExactly("select test.shop.orders [amount, card]");
    }

    @Test
    void countsNoColumnsThatAreSelectedBelowButNotUsedAbove() {
        assertThat(tables("SELECT id FROM (SELECT * FROM orders)")).containsExactly("select test.shop.orders [id]");
        assertThat(tables("WITH o AS (SELECT id, card FROM orders) SELECT id FROM o"))
                .containsExactly("select test.shop.orders [id]");
        assertThat(tables("SELECT COUNT(*) FROM orders")).containsExactly("select test.shop.orders");
    }

    @Test
    void followsSubqueriesAndTheOuterColumnsTheyCorrelateOn() {
        assertThat(tables("SELECT id FROM orders o WHERE EXISTS (SELECT 1 FROM dims.products p WHERE p.id = o.product)"))
                .containsExactlyInAnyOrder("select test.shop.orders [id, product]", "select test.dims.products [id]");
        assertThat(tables("SELECT id, (SELECT MAX(price) FROM dims.products) FROM orders"))
                .containsExactlyInAnyOrder("select test.shop.orders [id]", "select test.dims.products [price]");
        assertThat(tables("SELECT id FROM orders WHERE customer IN (SELECT id FROM prod.shop.orders)"))
                .containsExactlyInAnyOrder("select test.shop.orders [customer, id]", "select prod.shop.orders [id]");
    }

    @Test
    void expandsViewsIntoTheTablesUnderThem() {
        assertThat(tables("SELECT id FROM big_orders")).containsExactly("select test.shop.orders [amount, id]");
        assertThat(tables("SELECT * FROM big_orders")).containsExactly("select test.shop.orders [amount, card, id]");
    }

    @Test
    void findsTheDimensionTableOfALookupJoinAndTheColumnsOnBothSides() {
        assertThat(tables("SELECT o.id, p.name FROM timed_orders o "
                        + "JOIN dims.products FOR SYSTEM_TIME AS OF o.proc AS p ON o.product = p.id"))
                .containsExactlyInAnyOrder("select test.shop.orders [id, product]", "select test.dims.products [id, name]");
    }

    @Test
    void readsTheTimeColumnAWindowFunctionNames() {
        assertThat(tables("SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(ts), INTERVAL '1' MINUTE)) "
                        + "GROUP BY window_start, window_end"))
                .containsExactly("select test.shop.orders [ts]");
    }

    @Test
    void findsTablesWrittenByInsertStatementSetsAndCreateTableAs() {
        assertThat(tables("INSERT INTO totals SELECT customer, amount FROM orders"))
                .containsExactly("insert test.shop.totals", "select test.shop.orders [amount, customer]");
        assertThat(tables("EXECUTE STATEMENT SET BEGIN INSERT INTO totals SELECT customer, amount FROM orders; "
                        + "INSERT INTO prod.shop.totals SELECT id, price FROM dims.products; END"))
                .containsExactly(
                        "insert test.shop.totals", "select test.shop.orders [amount, customer]",
                        "insert prod.shop.totals", "select test.dims.products [id, price]");
        StatementAccess ctas = ANALYZER.analyze(session,
                "CREATE TABLE default_catalog.default_database.copy WITH ('connector' = 'blackhole') AS SELECT id FROM orders")
                .access();
        assertThat(ctas.tables()).extracting(TableAccess::toString).containsExactly("select test.shop.orders [id]");
        assertThat(ctas.definitions())
                .containsExactly(new Definition(Definition.Kind.CONNECTOR_TABLE, "default_catalog.default_database.copy"));
    }

    @Test
    void explainsAsWhatItExplains() {
        assertThat(tables("EXPLAIN SELECT card FROM orders")).containsExactly("select test.shop.orders [card]");
        assertThat(tables("EXPLAIN INSERT INTO totals SELECT customer, amount FROM orders"))
                .containsExactly("insert test.shop.totals", "select test.shop.orders [amount, customer]");
    }

    @Test
    void reportsHintedOptionsOfTheTablesTheyTune() {
        List<TableAccess> tables = ANALYZER.analyze(session,
                "SELECT id FROM orders /*+ OPTIONS('rows-per-second' = '5') */").access().tables();
        assertThat(tables).singleElement().extracting(TableAccess::hintedOptions).isEqualTo(Map.of("rows-per-second", "5"));
    }

    @Test
    void reportsDefinitionsThatStepAroundTheCatalogs() {
        assertThat(ANALYZER.analyze(session, "CREATE TEMPORARY TABLE t (x INT) WITH ('connector' = 'datagen')")
                        .access().definitions())
                .containsExactly(new Definition(Definition.Kind.CONNECTOR_TABLE, "test.shop.t"));
        assertThat(ANALYZER.analyze(session, "ADD JAR '/tmp/x.jar'").access().definitions())
                .containsExactly(new Definition(Definition.Kind.JAR, "/tmp/x.jar"));
        assertThat(ANALYZER.analyze(session, "CREATE TEMPORARY SYSTEM FUNCTION f AS 'a.B' USING JAR '/tmp/x.jar'")
                        .access().definitions())
                .containsExactly(new Definition(Definition.Kind.JAR, "f"));
        assertThat(ANALYZER.analyze(session, "CREATE TEMPORARY TABLE t (x INT)").access().definitions()).isEmpty();
    }

    @Test
    void analysesEveryStatementOfAScriptAndKeepsTheOperations() {
        StatementAnalyzer.Analysis analysis =
                ANALYZER.analyze(session, "SELECT id FROM orders; -- one\nSELECT name FROM dims.products; /* two */");
        assertThat(analysis.operations()).hasSize(2);
        assertThat(analysis.access().statements()).isEqualTo(2);
        assertThat(analysis.access().tables()).extracting(TableAccess::toString)
                .containsExactly("select test.shop.orders [id]", "select test.dims.products [name]");
    }

    @Test
    void leavesStatementsFlinkCannotParseToFlinksOwnError() {
        assertThatThrownBy(() -> ANALYZER.analyze(session, "SELECT * FROM ORDERS")).hasMessageContaining("not found");
    }
}
