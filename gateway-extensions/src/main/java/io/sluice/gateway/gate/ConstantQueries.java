package io.sluice.gateway.gate;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.service.result.ResultFetcher;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.planner.operations.PlannerQueryOperation;
import org.apache.flink.table.types.logical.LogicalType;
import org.apache.flink.table.types.logical.utils.LogicalTypeChecks;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Answers a query made of literals only — {@code SELECT 1}, {@code SELECT 'ok' AS status}, {@code VALUES (1, 'a')} —
 * from its plan, without a Flink job: connection pools and BI tools send such a query to check a connection, and a
 * job for it took ~200 ms and a slot every time. The rows are the literals as the planner typed them, so they are
 * what the job would have returned; anything else (a table, a function call, a filter, a type other than integers
 * and strings, a literal the column's type would pad or cast) runs as a job as before.
 *
 * <p>The answer is a query result to every client (Flink's JDBC driver refuses anything else from {@code
 * executeQuery}); Flink 2.2.1 offers such a result only with a job, so the flag is set on the fetcher its static
 * rows make. Where this Flink keeps it elsewhere, every query runs as a job.
 */
final class ConstantQueries {

    /** At most this many rows are answered from the plan (a VALUES list longer than that is a job's). */
    private static final int MOST_ROWS = 1_000;
    private static final Field IS_QUERY_RESULT = field();
    private static final Object NOT_ANSWERED = new Object();

    private ConstantQueries() {}

    /** The rows of a query of literals only, as a query's result; empty for every other statement. */
    static Optional<ResultFetcher> answer(Operation operation, OperationHandle handle) {
        if (IS_QUERY_RESULT == null || !(operation instanceof PlannerQueryOperation query)) {
            return Optional.empty();
        }
        ResolvedSchema schema = query.getResolvedSchema();
        List<LogicalType> types = new ArrayList<>();
        schema.getColumnDataTypes().forEach(type -> types.add(type.getLogicalType()));
        Optional<List<List<RexLiteral>>> literals = rows(query.getCalciteTree());
        if (literals.isEmpty()) {
            return Optional.empty();
        }
        List<RowData> rows = new ArrayList<>();
        for (List<RexLiteral> row : literals.get()) {
            if (row.size() != types.size()) {
                return Optional.empty();
            }
            Object[] fields = new Object[row.size()];
            for (int i = 0; i < fields.length; i++) {
                fields[i] = value(row.get(i), types.get(i));
                if (fields[i] == NOT_ANSWERED) {
                    return Optional.empty();
                }
            }
            rows.add(GenericRowData.of(fields));
        }
        ResultFetcher result = ResultFetcher.fromResults(handle, schema, rows);
        try {
            IS_QUERY_RESULT.setBoolean(result, true);
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
        return Optional.of(result);
    }

    /** The rows of a plan that is literal projections over literal values; empty for any other plan. */
    private static Optional<List<List<RexLiteral>>> rows(RelNode node) {
        if (node instanceof Values values) {
            if (values.getTuples().size() > MOST_ROWS) {
                return Optional.empty();
            }
            List<List<RexLiteral>> rows = new ArrayList<>();
            values.getTuples().forEach(tuple -> rows.add(List.copyOf(tuple)));
            return Optional.of(rows);
        }
        if (!(node instanceof Project project)) {
            return Optional.empty();
        }
        Optional<List<List<RexLiteral>>> input = rows(project.getInput());
        if (input.isEmpty()) {
            return input;
        }
        List<List<RexLiteral>> rows = new ArrayList<>();
        for (List<RexLiteral> inputRow : input.get()) {
            List<RexLiteral> row = new ArrayList<>();
            for (RexNode expression : project.getProjects()) {
                if (expression instanceof RexLiteral literal) {
                    row.add(literal);
                } else if (expression instanceof RexInputRef reference) {
                    row.add(inputRow.get(reference.getIndex()));
                } else {
                    return Optional.empty();
                }
            }
            rows.add(row);
        }
        return Optional.of(rows);
    }

    /**
     * The literal as the column's internal value (null for SQL NULL), or {@link #NOT_ANSWERED} when the column's type
     * is not one answered here or the literal is not exactly of it.
     */
    private static Object value(RexLiteral literal, LogicalType type) {
        if (literal.isNull()) {
            return type.isNullable() ? null : NOT_ANSWERED;
        }
        switch (type.getTypeRoot()) {
            case TINYINT:
                return literal.getValueAs(Byte.class);
            case SMALLINT:
                return literal.getValueAs(Short.class);
            case INTEGER:
                return literal.getValueAs(Integer.class);
            case BIGINT:
                return literal.getValueAs(Long.class);
            case VARCHAR:
                return StringData.fromString(literal.getValueAs(String.class));
            case CHAR:
                String text = literal.getValueAs(String.class);
                return text.length() == LogicalTypeChecks.getLength(type) ? StringData.fromString(text) : NOT_ANSWERED;
            default:
                return NOT_ANSWERED;
        }
    }

    private static Field field() {
        try {
            Field field = ResultFetcher.class.getDeclaredField("isQueryResult");
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
