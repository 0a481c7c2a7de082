package io.sluice.gateway.access;

import io.sluice.gateway.gate.StatementSplitter;

import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.CatalogBaseTable;
import org.apache.flink.table.catalog.CatalogFunction;
import org.apache.flink.table.catalog.CatalogView;
import org.apache.flink.table.catalog.ContextResolvedTable;
import org.apache.flink.table.catalog.ObjectIdentifier;
import org.apache.flink.table.delegation.Parser;
import org.apache.flink.table.operations.CreateTableASOperation;
import org.apache.flink.table.operations.ExplainOperation;
import org.apache.flink.table.operations.LoadModuleOperation;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.ReplaceTableAsOperation;
import org.apache.flink.table.operations.SinkModifyOperation;
import org.apache.flink.table.operations.StatementSetOperation;
import org.apache.flink.table.operations.TruncateTableOperation;
import org.apache.flink.table.operations.UnloadModuleOperation;
import org.apache.flink.table.operations.UseModulesOperation;
import org.apache.flink.table.operations.command.AddJarOperation;
import org.apache.flink.table.operations.command.RemoveJarOperation;
import org.apache.flink.table.operations.ddl.AlterCatalogFunctionOperation;
import org.apache.flink.table.operations.ddl.AlterCatalogCommentOperation;
import org.apache.flink.table.operations.ddl.AlterCatalogOptionsOperation;
import org.apache.flink.table.operations.ddl.AlterCatalogResetOperation;
import org.apache.flink.table.operations.ddl.DropCatalogFunctionOperation;
import org.apache.flink.table.operations.ddl.DropCatalogOperation;
import org.apache.flink.table.operations.ddl.DropTempSystemFunctionOperation;
import org.apache.flink.table.operations.ddl.AlterTableChangeOperation;
import org.apache.flink.table.operations.ddl.AlterViewAsOperation;
import org.apache.flink.table.operations.ddl.AnalyzeTableOperation;
import org.apache.flink.table.operations.ddl.CreateCatalogFunctionOperation;
import org.apache.flink.table.operations.ddl.CreateCatalogOperation;
import org.apache.flink.table.operations.ddl.CreateTableOperation;
import org.apache.flink.table.operations.ddl.CreateTempSystemFunctionOperation;
import org.apache.flink.table.operations.ddl.CreateViewOperation;
import org.apache.flink.table.planner.operations.PlannerQueryOperation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what a statement does to which tables, in the session it runs in: its current catalog and database,
 * temporary tables and views, functions. It parses with the session's own parser, so names, quoting, case and
 * comments resolve exactly as they will when Flink runs the statement, and views are already expanded into the
 * tables under them. A view being defined is judged by its query, as the SELECT it will be.
 *
 * <p>Statements that Flink cannot parse are not judged here: the exception is the same Flink would throw.
 */
public final class StatementAnalyzer {

    /** The operations of a statement as the session's parser produced them, and what they touch. */
    public record Analysis(List<Operation> operations, StatementAccess access) {}

    /** Parses and analyses a text of one or more statements in the session of {@code tableEnvironment}. */
    public Analysis analyze(TableEnvironmentInternal tableEnvironment, String sql) {
        Parser parser = tableEnvironment.getParser();
        try (PlannedTables.Recording recording = PlannedTables.record()) {
            return collect(parser, parse(parser, sql), recording.built());
        }
    }

    /**
     * Flink parses one statement at a time. A text of several is split and each part parsed on its own; a later
     * part that uses what an earlier one creates fails to parse, as it would in Flink.
     */
    public List<Operation> parse(Parser parser, String sql) {
        List<String> statements = StatementSplitter.split(sql);
        if (statements.size() <= 1) {
            return parser.parse(sql);
        }
        List<Operation> operations = new ArrayList<>(statements.size());
        for (String statement : statements) {
            operations.addAll(parser.parse(statement));
        }
        return operations;
    }

    /**
     * What the parsed operations touch. Call it while the {@link PlannedTables.Recording} of their parse is open:
     * a table the planner built that the analysis did not find refuses the statement.
     */
    public Analysis collect(Parser parser, List<Operation> operations, Set<ObjectIdentifier> built) {
        Collector collector = new Collector(parser);
        for (Operation operation : operations) {
            collector.operation(operation);
        }
        Analysis analysis = new Analysis(operations, collector.result(operations.size()));
        StatementAccess access = analysis.access();
        for (ObjectIdentifier table : built) {
            if (access.tables().stream().noneMatch(t -> t.table().equals(table))) {
                throw new IllegalStateException(
                        "The planner built table " + table.asSummaryString() + " but the access analysis did not find "
                                + "it; refusing the statement.");
            }
        }
        return analysis;
    }

    /** Gathers accesses once per table and action, merging the columns read. */
    private static final class Collector {
        private final Parser parser;
        private final Map<String, TableAccess> tables = new LinkedHashMap<>();
        private final List<Definition> definitions = new ArrayList<>();

        Collector(Parser parser) {
            this.parser = parser;
        }

        void operation(Operation operation) {
            if (operation instanceof ExplainOperation explain) {
                operation(explain.getChild());
            } else if (operation instanceof StatementSetOperation set) {
                set.getOperations().forEach(this::operation);
            } else if (operation instanceof SinkModifyOperation sink) {
                ContextResolvedTable target = sink.getContextResolvedTable();
                Action action = sink.isDelete() ? Action.DELETE : sink.isUpdate() ? Action.UPDATE : Action.INSERT;
                add(target.getIdentifier(), target.isTemporary(), action, List.of(), sink.getDynamicOptions());
                query(sink.getChild());
            } else if (operation instanceof CreateTableASOperation ctas) {
                created(ctas.getCreateTableOperation());
                query(ctas.getChild());
            } else if (operation instanceof ReplaceTableAsOperation rtas) {
                created(rtas.getCreateTableOperation());
                query(rtas.getChild());
            } else if (operation instanceof ModifyOperation modify) {
                // any other way of writing (e.g. collecting into a client) still reads its query
                query(modify.getChild());
            } else if (operation instanceof QueryOperation query) {
                query(query);
            } else if (operation instanceof CreateTableOperation create) {
                created(create);
            } else if (operation instanceof AlterTableChangeOperation alter) {
                connectorOption(alter.getTableIdentifier(), alter.getNewTable());
            } else if (operation instanceof TruncateTableOperation truncate) {
                add(truncate.getTableIdentifier(), false, Action.DELETE, List.of(), Map.of());
            } else if (operation instanceof AnalyzeTableOperation analyze) {
                add(analyze.getTableIdentifier(), false, Action.SELECT, List.of(), Map.of());
            } else if (operation instanceof CreateViewOperation view) {
                viewQuery(view.getCatalogView());
            } else if (operation instanceof AlterViewAsOperation view) {
                viewQuery(view.getNewView());
            } else if (operation instanceof AddJarOperation addJar) {
                definitions.add(new Definition(Definition.Kind.JAR, addJar.getPath()));
            } else if (operation instanceof RemoveJarOperation removeJar) {
                definitions.add(new Definition(Definition.Kind.JAR, removeJar.getPath()));
            } else if (operation instanceof CreateCatalogFunctionOperation function) {
                function(function.getFunctionIdentifier().asSummaryString(), function.getCatalogFunction());
            } else if (operation instanceof CreateTempSystemFunctionOperation function) {
                function(function.getFunctionName(), function.getCatalogFunction());
            } else if (operation instanceof AlterCatalogFunctionOperation function) {
                function(function.getFunctionIdentifier().asSummaryString(), function.getCatalogFunction());
            } else if (operation instanceof DropCatalogFunctionOperation function) {
                definitions.add(new Definition(Definition.Kind.FUNCTION, function.getFunctionIdentifier().asSummaryString()));
            } else if (operation instanceof DropTempSystemFunctionOperation function) {
                definitions.add(new Definition(Definition.Kind.FUNCTION, function.getFunctionName()));
            } else if (operation instanceof CreateCatalogOperation catalog) {
                definitions.add(new Definition(Definition.Kind.CATALOG, catalog.getCatalogName()));
            } else if (operation instanceof DropCatalogOperation catalog) {
                definitions.add(new Definition(Definition.Kind.CATALOG, catalog.getCatalogName()));
            } else if (operation instanceof AlterCatalogOptionsOperation catalog) {
                definitions.add(new Definition(Definition.Kind.CATALOG, catalog.getCatalogName()));
            } else if (operation instanceof AlterCatalogResetOperation catalog) {
                definitions.add(new Definition(Definition.Kind.CATALOG, catalog.getCatalogName()));
            } else if (operation instanceof AlterCatalogCommentOperation catalog) {
                definitions.add(new Definition(Definition.Kind.CATALOG, catalog.getCatalogName()));
            } else if (operation instanceof LoadModuleOperation module) {
                definitions.add(new Definition(Definition.Kind.MODULE, module.getModuleName()));
            } else if (operation instanceof UnloadModuleOperation module) {
                definitions.add(new Definition(Definition.Kind.MODULE, module.getModuleName()));
            } else if (operation instanceof UseModulesOperation modules) {
                definitions.add(new Definition(Definition.Kind.MODULE, String.join(", ", modules.getModuleNames())));
            }
        }

        /** A view's query, parsed from the expanded text Flink resolved it to, read as the SELECT it will be. */
        private void viewQuery(CatalogView view) {
            for (Operation operation : parser.parse(view.getExpandedQuery())) {
                if (!(operation instanceof QueryOperation query)) {
                    throw new IllegalStateException("A view's query did not parse as a query; refusing the statement.");
                }
                query(query);
            }
        }

        private void query(QueryOperation query) {
            if (!(query instanceof PlannerQueryOperation planned)) {
                throw new IllegalStateException(
                        "Cannot tell which tables a " + query.getClass().getSimpleName()
                                + " reads; refusing the statement.");
            }
            ColumnsRead.of(
                    planned.getCalciteTree(),
                    (table, columns, hints) ->
                            add(table.getIdentifier(), table.isTemporary(), Action.SELECT, columns, hints));
        }

        private void created(CreateTableOperation create) {
            connectorOption(create.getTableIdentifier(), create.getCatalogTable());
        }

        private void connectorOption(ObjectIdentifier table, CatalogBaseTable definition) {
            for (String key : definition.getOptions().keySet()) {
                if (key.trim().equalsIgnoreCase("connector")) {
                    definitions.add(new Definition(Definition.Kind.CONNECTOR_TABLE, table.asSummaryString()));
                    return;
                }
            }
        }

        /** Code from a jar is a jar definition; a class already on the gateway's classpath is a function one. */
        private void function(String name, CatalogFunction function) {
            definitions.add(new Definition(
                    function.getFunctionResources().isEmpty() ? Definition.Kind.FUNCTION : Definition.Kind.JAR, name));
        }

        private void add(
                ObjectIdentifier table,
                boolean temporary,
                Action action,
                List<String> columns,
                Map<String, String> hintedOptions) {
            tables.merge(
                    action + " " + table.asSerializableString(),
                    new TableAccess(table, temporary, action, columns, hintedOptions),
                    Collector::merged);
        }

        private static TableAccess merged(TableAccess a, TableAccess b) {
            Set<String> columns = new TreeSet<>(a.columns());
            columns.addAll(b.columns());
            Map<String, String> hints = new LinkedHashMap<>(a.hintedOptions());
            hints.putAll(b.hintedOptions());
            return new TableAccess(
                    a.table(), a.temporary() || b.temporary(), a.action(), List.copyOf(columns), hints);
        }

        StatementAccess result(int statements) {
            return new StatementAccess(new ArrayList<>(tables.values()), definitions, statements);
        }
    }
}
