package io.sluice.dimtable;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.types.Row;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad options fail when the join is planned, with a message naming the option. No job runs. */
class OptionValidationTest {

    private static Map<String, String> jdbc(String... extra) {
        Map<String, String> options = new HashMap<>();
        options.put("type", "jdbc");
        options.put("url", TestDatabase.POSTGRESQL.url);
        options.put("tableName", "customers");
        for (int i = 0; i < extra.length; i += 2) {
            options.put(extra[i], extra[i + 1]);
        }
        return options;
    }

    private static Throwable planningError(Map<String, String> options) {
        return planningError(options, "s.k = d.id");
    }

    private static Throwable planningError(Map<String, String> options, String joinCondition) {
        FlinkSql sql =
                new FlinkSql()
                        .probe("s", new String[] {"k", "n"}, new TypeInformation<?>[] {Types.INT, Types.STRING}, Row.of(1, "a"))
                        .dimTable("d", "id INT, name STRING", options);
        String join = "SELECT * FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON " + joinCondition;
        Throwable[] caught = new Throwable[1];
        assertThatThrownBy(() -> sql.tEnv.explainSql(join)).satisfies(e -> caught[0] = rootCause(e));
        return caught[0];
    }

    private static Throwable rootCause(Throwable e) {
        return e.getCause() == null ? e : rootCause(e.getCause());
    }

    @Test
    void unknownCacheKindNamesTheOptionAndTheChoices() {
        assertThat(planningError(jdbc("cache", "LFU")))
                .hasMessage("Unsupported value 'LFU' for option 'cache'. Use one of [ALL, LRU, NONE].");
    }

    @Test
    void lruWithoutSizeAsksForCacheSize() {
        assertThat(planningError(jdbc("cache", "LRU")))
                .hasMessageStartingWith("Option 'cacheSize' is required when 'cache' = 'LRU'");
    }

    @Test
    void negativeTtlIsRejected() {
        assertThat(planningError(jdbc("cache", "LRU", "cacheSize", "10", "cacheTTLms", "-5")))
                .hasMessage("Invalid value '-5' for option 'cacheTTLms': must be a positive number of milliseconds.");
    }

    @Test
    void keyColumnsMustExistInTheTable() {
        assertThat(planningError(jdbc("keyColumns", "id,region")))
                .hasMessageStartingWith("Option 'keyColumns' names column 'region', which table")
                .hasMessageContaining("[id, name]");
    }

    @Test
    void joinMustUseExactlyTheConfiguredKeyColumns() {
        assertThat(planningError(jdbc("keyColumns", "id"), "s.n = d.name"))
                .hasMessageContaining("uses columns [name], but its key is [id] (option 'keyColumns'");
    }

    @Test
    void unknownOptionIsRejectedByName() {
        assertThat(planningError(jdbc("cacheTTL", "1000"))).hasMessageContaining("cacheTTL");
    }

    @Test
    void jdbcNeedsUrl() {
        Map<String, String> options = jdbc();
        options.remove("url");
        assertThat(planningError(options)).hasMessage("Option 'url' is required for 'type' = 'jdbc'.");
    }

    @Test
    void unsupportedJdbcUrlIsRejected() {
        assertThat(planningError(jdbc("url", "jdbc:oracle:thin:@db:1521/x")))
                .hasMessageStartingWith("Unsupported JDBC URL 'jdbc:oracle:thin:@db:1521/x' for option 'url'");
    }

    @Test
    void unknownTypeIsRejected() {
        assertThat(planningError(jdbc("type", "mongo"))).hasMessage("Unsupported value 'mongo' for option 'type'. Use 'jdbc' or 'redis'.");
    }

    @Test
    void redisNeedsKeyColumns() {
        Map<String, String> options = new HashMap<>();
        options.put("type", "redis");
        options.put("host", "127.0.0.1");
        assertThat(planningError(options)).hasMessageContaining("set option 'keyColumns' or declare a PRIMARY KEY");
    }

    @Test
    void reloadTimeMustBeATimeOfDay() {
        assertThat(planningError(jdbc("cache", "ALL", "cacheReloadAt", "3am")))
                .hasMessage("Invalid value '3am' for option 'cacheReloadAt': use a UTC time of day 'HH:mm', e.g. '03:30'.");
    }

    @Test
    void validOptionsPlanALookupJoin() {
        FlinkSql sql =
                new FlinkSql()
                        .probe("s", new String[] {"k"}, new TypeInformation<?>[] {Types.INT}, Row.of(1))
                        .dimTable("d", "id INT, name STRING", jdbc("cache", "LRU", "cacheSize", "10", "cacheTTLms", "1000", "keyColumns", "id"));
        assertThat(sql.tEnv.explainSql("SELECT * FROM s JOIN d FOR SYSTEM_TIME AS OF s.proc_time ON s.k = d.id"))
                .contains("LookupJoin(table=[default_catalog.default_database.d], joinType=[InnerJoin], lookup=[id=k]");
    }
}
