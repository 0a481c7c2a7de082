package io.sluice.gateway.templates;

import io.sluice.gateway.access.Denial;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.gate.Verdict;
import io.sluice.templates.BoundStatement;

import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.SinkModifyOperation;
import org.apache.flink.table.operations.StatementSetOperation;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A statement after the render stage: what the gate judges and Flink runs.
 *
 * @param sql the statement to parse and run
 * @param bound how it was bound, when it held placeholders (a template run, or variables); else null
 * @param template the template it came from, as {@code name version n}; else null
 */
public record Rendered(String sql, BoundStatement bound, String template) {

    static Rendered plain(String sql) {
        return new Rendered(sql, null, null);
    }

    /** The gate's verdict, its denial naming the parameter that bound the refused table. */
    public Verdict explain(Verdict verdict) {
        if (bound == null || verdict.denial().isEmpty()) {
            return verdict;
        }
        Denial denial = verdict.denial().get();
        for (Map.Entry<String, List<List<String>>> parameter : bound.tables().entrySet()) {
            for (List<String> table : parameter.getValue()) {
                if (String.join(".", table).equals(denial.subject())) {
                    return new Verdict(verdict.operations(), Optional.of(new Denial(denial.subject(), denial.privilege(),
                            "parameter '" + parameter.getKey() + "' of template " + template + ": " + denial.message())));
                }
            }
        }
        return verdict;
    }

    /**
     * A secret variable may only reach a job's sink: a query's rows, an EXPLAIN's plan, a DESCRIBE or a table it
     * creates (CTAS) would show it to the user the gateway must keep it from.
     */
    public void requireSecretsOnlyIn(List<Operation> operations) {
        if (bound == null || bound.secretValues().isEmpty()) {
            return;
        }
        for (Operation operation : operations) {
            List<? extends Operation> inserts = operation instanceof StatementSetOperation set
                    ? set.getOperations()
                    : List.of(operation);
            if (!inserts.stream().allMatch(SinkModifyOperation.class::isInstance)) {
                throw ClientError.badRequest("Template " + template + " uses a secret variable, so its statement must "
                        + "be an INSERT (or a statement set of INSERTs): a query, EXPLAIN, SHOW or CREATE TABLE … AS "
                        + "would show the secret's value.").raise();
            }
        }
    }
}
