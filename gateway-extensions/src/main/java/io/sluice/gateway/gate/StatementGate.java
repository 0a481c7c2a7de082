package io.sluice.gateway.gate;

import io.sluice.contract.PrincipalView;
import io.sluice.gateway.access.AccessEnforcer;
import io.sluice.gateway.access.Denial;
import io.sluice.gateway.access.PlannedTables;
import io.sluice.gateway.access.StatementAnalyzer;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.jobs.Savepoints;
import io.sluice.gateway.session.SessionPolicy;

import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.delegation.Parser;
import org.apache.flink.table.operations.ExplainOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.command.DescribeJobOperation;
import org.apache.flink.table.operations.command.ResetOperation;
import org.apache.flink.table.operations.command.SetOperation;
import org.apache.flink.table.operations.command.StopJobOperation;

import java.util.List;
import java.util.Optional;

/**
 * The one gate every statement of a governed session passes before Flink runs it. The statement is parsed once, by
 * the session's own parser in the table environment it then runs in, and every rule is decided on the parsed
 * {@link Operation}s: the kind of statement ({@link OperationRules}), the session settings it changes, the jobs it
 * names, and the tables, columns and definitions it touches (analysis, then catalog-service's decision). Text is
 * never classified: comments, case, whitespace and quoting are the parser's business.
 */
public final class StatementGate {

    private final SessionPolicy settings;
    private final AccessEnforcer enforcer;
    private final StatementAnalyzer analyzer = new StatementAnalyzer();

    public StatementGate(SessionPolicy settings, AccessEnforcer enforcer) {
        this.settings = settings;
        this.enforcer = enforcer;
    }

    /**
     * Parses and judges a statement (or a script of several) in the session of {@code tableEnvironment}. Its size
     * and nesting are checked before, as it arrives ({@link StatementLimits}, in {@link GatedExecution}).
     *
     * @throws ClientError (400) when the parser's recursion overflows even so
     * @throws RuntimeException Flink's own error when the statement does not parse or validate
     */
    public Verdict judge(PrincipalView principal, TableEnvironmentInternal tableEnvironment, String sql, JobScope jobs) {
        Parser parser = tableEnvironment.getParser();
        StatementAnalyzer.Analysis analysis;
        try (PlannedTables.Recording recording = PlannedTables.record()) {
            List<Operation> operations = parse(parser, sql);
            for (Operation operation : operations) {
                Optional<Denial> refused = rule(operation, jobs, principal);
                if (refused.isPresent()) {
                    return new Verdict(operations, refused);
                }
            }
            analysis = analyzer.collect(parser, operations, recording.built());
        }
        Optional<Denial> hinted = HintedParallelism.check(analysis.access(), tableEnvironment.getConfig());
        return new Verdict(
                analysis.operations(), hinted.isPresent() ? hinted : enforcer.check(principal, analysis.access()));
    }

    private List<Operation> parse(Parser parser, String sql) {
        try {
            return analyzer.parse(parser, sql);
        } catch (StackOverflowError deep) {
            // recursion that bracket nesting does not show (long chains of operators); the thread survives it
            throw ClientError.badRequest(
                            "The statement is too deeply nested for the SQL parser: flatten it, e.g. with a WITH "
                                    + "clause or a view.")
                    .raise();
        }
    }

    /** The rule of the operation's kind; empty when the operation may go on to the access analysis. */
    private Optional<Denial> rule(Operation operation, JobScope jobs, PrincipalView principal) {
        OperationRule rule = OperationRules.of(operation);
        switch (rule.kind()) {
            case ANALYZED:
                return operation instanceof ExplainOperation explain ? rule(explain.getChild(), jobs, principal) : Optional.empty();
            case HARMLESS:
                return Optional.empty();
            case SESSION_SETTING:
                return setting(operation, principal);
            case JOB:
                return job(operation, jobs, principal);
            case REFUSED:
            default:
                String kind = OperationRules.statementKind(operation.getClass());
                return Optional.of(new Denial(kind, "statement",
                        "statements of kind '" + kind + "' are not offered through this gateway: " + rule.reason() + "."));
        }
    }

    private Optional<Denial> setting(Operation operation, PrincipalView principal) {
        Optional<String> key =
                operation instanceof SetOperation set ? set.getKey() : ((ResetOperation) operation).getKey();
        if (key.isEmpty()) {
            return Optional.empty(); // SET lists what a session may see; RESET keeps what the gateway owns
        }
        Optional<String> why =
                operation instanceof SetOperation set
                        ? settings.whyNotSettable(key.get(), set.getValue().orElse(""), principal.project())
                        : settings.whyNotResettable(key.get());
        return why.map(reason -> new Denial(key.get().trim(), "setting", reason));
    }

    private Optional<Denial> job(Operation operation, JobScope jobs, PrincipalView principal) {
        String jobId =
                operation instanceof StopJobOperation stop ? stop.getJobId()
                        : operation instanceof DescribeJobOperation describe ? describe.getJobId() : null;
        if (jobId == null) {
            return Optional.empty(); // SHOW JOBS: its rows are cut to the project's jobs when it runs
        }
        if (!jobs.isOwn(jobId)) {
            return Optional.of(new Denial(jobId, "job", "job '" + jobId + "' is not a job of project " + principal.project() + "."));
        }
        if (operation instanceof StopJobOperation stop && stop.isWithSavepoint()
                && settings.savepoints().folderOf(principal.project()).isEmpty()) {
            // fail closed: without the project's folder Flink would write to the cluster's default, shared one
            return Optional.of(new Denial(jobId, "savepoint",
                    "job '" + jobId + "' cannot be stopped with a savepoint: " + (settings.savepoints().offered()
                            ? "a session without a project has no savepoint folder."
                            : Savepoints.NOT_OFFERED + ".")
                            + " Stop it without a savepoint (STOP JOB '" + jobId + "'), or ask the platform team for savepoints."));
        }
        return Optional.empty();
    }
}
