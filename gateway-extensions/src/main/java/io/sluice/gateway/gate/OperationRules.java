package io.sluice.gateway.gate;

import static io.sluice.gateway.gate.OperationRule.Kind.ANALYZED;
import static io.sluice.gateway.gate.OperationRule.Kind.HARMLESS;
import static io.sluice.gateway.gate.OperationRule.Kind.JOB;
import static io.sluice.gateway.gate.OperationRule.Kind.REFUSED;
import static io.sluice.gateway.gate.OperationRule.Kind.SESSION_SETTING;

import org.apache.flink.table.operations.*;
import org.apache.flink.table.operations.command.*;
import org.apache.flink.table.operations.ddl.*;
import org.apache.flink.table.operations.materializedtable.*;
import org.apache.flink.table.planner.operations.PlannerCallProcedureOperation;
import org.apache.flink.table.planner.operations.PlannerQueryOperation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The statement kinds a tenant may run, as data: every {@code Operation} class Flink's SQL parser produces that this
 * gateway has decided about, each with its rule and the reason for it. A class is matched exactly, not by its
 * supertypes, so a kind Flink adds in a later version (even as a subclass of a listed one) is refused until someone
 * decides about it and lists it here. {@code OperationRulesTest} enumerates every {@code Operation} on the classpath.
 */
public final class OperationRules {

    private static final Map<Class<? extends Operation>, OperationRule> RULES = new LinkedHashMap<>();

    static {
        // reading and writing tables
        analyzed(PlannerQueryOperation.class, "a query: every table and column it reads is decided");
        analyzed(SinkModifyOperation.class, "INSERT, UPDATE, DELETE: the table written and every table read");
        analyzed(StatementSetOperation.class, "EXECUTE STATEMENT SET: each INSERT of the set, as if run alone");
        analyzed(CreateTableASOperation.class, "CREATE TABLE AS: the new table's definition and the query");
        analyzed(ReplaceTableAsOperation.class, "REPLACE TABLE AS: the new table's definition and the query");
        analyzed(ExplainOperation.class, "EXPLAIN: judged as the statement it explains, which must be allowed itself");
        analyzed(TruncateTableOperation.class, "TRUNCATE TABLE: needs the delete privilege");
        analyzed(AnalyzeTableOperation.class, "ANALYZE TABLE: reads the table; environment catalogs refuse to store statistics");
        // definitions
        analyzed(CreateTableOperation.class, "a table with its own 'connector' is for system admins; without one it reads nothing");
        analyzed(AlterTableChangeOperation.class, "ALTER TABLE … SET: adding a 'connector' is for system admins");
        analyzed(CreateViewOperation.class, "a view's query is judged when it is defined, like a SELECT, and again whenever it is used");
        analyzed(AlterViewAsOperation.class, "a view's new query is judged like a SELECT");
        analyzed(AddJarOperation.class, "code from a jar is for system admins; tenant functions come from the registry");
        analyzed(RemoveJarOperation.class, "jars are for system admins");
        analyzed(CreateTempSystemFunctionOperation.class, "any class on the gateway's classpath: for system admins only");
        analyzed(CreateCatalogFunctionOperation.class, "any class on the gateway's classpath: for system admins only");
        analyzed(AlterCatalogFunctionOperation.class, "re-points a function at another class: for system admins only");
        analyzed(DropTempSystemFunctionOperation.class, "system functions are the gateway's: for system admins only");
        analyzed(DropCatalogFunctionOperation.class, "functions are defined by system admins only, and so dropped");
        analyzed(CreateCatalogOperation.class, "a catalog of one's own brings its own connections: for system admins");
        analyzed(DropCatalogOperation.class, "the session's catalogs are its environments: for system admins");
        analyzed(AlterCatalogOptionsOperation.class, "catalog options hold connections: for system admins");
        analyzed(AlterCatalogResetOperation.class, "catalog options hold connections: for system admins");
        analyzed(AlterCatalogCommentOperation.class, "catalogs are the platform's: for system admins");
        analyzed(LoadModuleOperation.class, "a module brings functions and code of its own: for system admins");
        analyzed(UnloadModuleOperation.class, "the gateway sets up the session's modules: for system admins");
        analyzed(UseModulesOperation.class, "the gateway sets up the session's modules: for system admins");
        // the session's own objects: environment catalogs refuse every change themselves
        harmless(DropTableOperation.class, "drops the session's own table; environment catalogs are read-only");
        harmless(DropViewOperation.class, "drops the session's own view; environment catalogs are read-only");
        harmless(AlterTableRenameOperation.class, "renames the session's own table; environment catalogs are read-only");
        harmless(AlterTableSchemaOperation.class, "changes the columns of the session's own table; environment catalogs are read-only");
        harmless(AlterViewRenameOperation.class, "renames the session's own view");
        harmless(AlterViewPropertiesOperation.class, "a view's properties are not options any connector reads");
        harmless(CreateDatabaseOperation.class, "a database of the session's in-memory catalog; environment catalogs are read-only");
        harmless(DropDatabaseOperation.class, "a database of the session's in-memory catalog; environment catalogs are read-only");
        harmless(AlterDatabaseOperation.class, "a database of the session's in-memory catalog; environment catalogs are read-only");
        harmless(AddPartitionsOperation.class, "partitions of the session's own table; environment catalogs are read-only");
        harmless(DropPartitionsOperation.class, "partitions of the session's own table; environment catalogs are read-only");
        harmless(AlterPartitionPropertiesOperation.class, "partitions of the session's own table; environment catalogs are read-only");
        // browsing: the environment catalogs show schemas, never connections
        harmless(UseCatalogOperation.class, "switches between the catalogs the session mounted");
        harmless(UseDatabaseOperation.class, "switches between databases of a mounted catalog");
        harmless(ShowCatalogsOperation.class, "lists the session's own catalogs");
        harmless(ShowCurrentCatalogOperation.class, "names the current catalog");
        harmless(ShowDatabasesOperation.class, "lists databases of a mounted catalog");
        harmless(ShowCurrentDatabaseOperation.class, "names the current database");
        harmless(ShowTablesOperation.class, "lists published tables, which every user may see");
        harmless(ShowViewsOperation.class, "lists the session's views");
        harmless(ShowColumnsOperation.class, "a published table's schema, which every user may see");
        harmless(DescribeTableOperation.class, "a published table's schema, which every user may see");
        harmless(ShowCreateTableOperation.class, "environment catalogs show no connector options or secrets");
        harmless(ShowCreateViewOperation.class, "a view's query, which the session defined itself");
        harmless(ShowPartitionsOperation.class, "partitions of a table the session can see");
        harmless(ShowFunctionsOperation.class, "lists the functions the session can call");
        harmless(DescribeFunctionOperation.class, "describes a function the session can call");
        harmless(ShowModulesOperation.class, "lists the session's modules");
        harmless(ShowJarsOperation.class, "lists the session's jars, which only a system admin can add");
        harmless(ShowProceduresOperation.class, "lists procedures, which no tenant may call");
        harmless(ShowModelsOperation.class, "lists models of a catalog; no environment catalog has any");
        harmless(BeginStatementSetOperation.class, "starts collecting INSERTs; each is judged when it arrives");
        harmless(EndStatementSetOperation.class, "runs the INSERTs collected, each judged when it arrived");
        harmless(NopOperation.class, "does nothing");
        // session settings and jobs
        rule(SetOperation.class, SESSION_SETTING, "the key must be allowed (execution.state-recovery.path: a savepoint of the project's own jobs); SET alone lists only what a session may see");
        rule(ResetOperation.class, SESSION_SETTING, "the key must be allowed; RESET alone keeps the gateway's settings and job tags");
        rule(ShowJobsOperation.class, JOB, "lists only the project's own jobs");
        rule(StopJobOperation.class, JOB, "only a job of the session's project; WITH SAVEPOINT writes into the project's savepoint folder, and is refused when the gateway has none");
        rule(DescribeJobOperation.class, JOB, "only a job of the session's project");
        // refused
        refused(CompilePlanOperation.class, "writes a plan file wherever it is told on the gateway's host");
        refused(CompileAndExecutePlanOperation.class, "writes a plan file on the gateway's host");
        refused(ExecutePlanOperation.class, "reads a file of the gateway's host and runs tables as the plan defines them, past the governed catalogs");
        refused(PlannerCallProcedureOperation.class, "procedures run a catalog's code with the gateway's rights");
        refused(DescribeCatalogOperation.class, "a catalog's options are the platform's");
        refused(ShowCreateCatalogOperation.class, "a catalog's options are the platform's");
        refused(CreateModelOperation.class, "a model carries its own provider options and credentials");
        refused(AlterModelChangeOperation.class, "models are not offered through this gateway");
        refused(AlterModelRenameOperation.class, "models are not offered through this gateway");
        refused(DropModelOperation.class, "models are not offered through this gateway");
        refused(DescribeModelOperation.class, "models are not offered through this gateway");
        refused(ShowCreateModelOperation.class, "models are not offered through this gateway");
        refused(CreateMaterializedTableOperation.class, "materialized tables run jobs and refreshes past the gate");
        refused(AlterMaterializedTableAsQueryOperation.class, "materialized tables are not offered through this gateway");
        refused(AlterMaterializedTableChangeOperation.class, "materialized tables are not offered through this gateway");
        refused(AlterMaterializedTableRefreshOperation.class, "materialized tables are not offered through this gateway");
        refused(AlterMaterializedTableResumeOperation.class, "materialized tables are not offered through this gateway");
        refused(AlterMaterializedTableSuspendOperation.class, "materialized tables are not offered through this gateway");
        refused(DropMaterializedTableOperation.class, "materialized tables are not offered through this gateway");
        refused(ShowMaterializedTablesOperation.class, "materialized tables are not offered through this gateway");
        refused(ShowCreateMaterializedTableOperation.class, "materialized tables are not offered through this gateway");
        refused(HelpOperation.class, "a SQL client command, answered by the client itself");
        refused(ClearOperation.class, "a SQL client command, answered by the client itself");
        refused(QuitOperation.class, "a SQL client command, answered by the client itself");
    }

    private OperationRules() {}

    private static void rule(Class<? extends Operation> kind, OperationRule.Kind rule, String reason) {
        if (RULES.put(kind, new OperationRule(rule, reason)) != null) {
            throw new IllegalStateException(kind.getName() + " is listed twice");
        }
    }

    private static void analyzed(Class<? extends Operation> kind, String reason) {
        rule(kind, ANALYZED, reason);
    }

    private static void harmless(Class<? extends Operation> kind, String reason) {
        rule(kind, HARMLESS, reason);
    }

    private static void refused(Class<? extends Operation> kind, String reason) {
        rule(kind, REFUSED, reason);
    }

    private static final OperationRule UNDECIDED =
            new OperationRule(REFUSED, "nobody has decided yet whether tenants may run it");

    /** The rule for an operation's exact class; a class nobody decided about is refused. */
    public static OperationRule of(Operation operation) {
        return ruleFor(operation.getClass());
    }

    /** The rule for exactly this class; a class nobody decided about is refused. */
    public static OperationRule ruleFor(Class<?> kind) {
        return RULES.getOrDefault(kind, UNDECIDED);
    }

    /** Every listed kind with its rule, in the order above (ACCESS.md's table). */
    public static Map<Class<? extends Operation>, OperationRule> all() {
        return Collections.unmodifiableMap(RULES);
    }

    /**
     * A statement kind in words, from its class: {@code CompilePlanOperation} is "compile plan". Never the statement
     * itself, whose text may hold paths or values the answer must not echo.
     */
    public static String statementKind(Class<?> kind) {
        String name = kind.getSimpleName().replaceFirst("^Planner", "").replaceFirst("Operation$", "");
        return name.replaceAll("([a-z])([A-Z])", "$1 $2").replaceAll("([A-Z]+)([A-Z][a-z])", "$1 $2").toLowerCase(Locale.ROOT);
    }
}
