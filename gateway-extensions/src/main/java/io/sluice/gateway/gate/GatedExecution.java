package io.sluice.gateway.gate;

import io.sluice.gateway.admission.Admission;
import io.sluice.gateway.errors.ClientError;
import io.sluice.gateway.functions.FunctionJobs;
import io.sluice.gateway.functions.FunctionUse;
import io.sluice.gateway.functions.FunctionUses;
import io.sluice.gateway.jobs.OperationResults;
import io.sluice.gateway.session.SessionPolicy;
import io.sluice.gateway.templates.Rendered;
import io.sluice.gateway.templates.TemplateRendering;

import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExecutionOptions;
import org.apache.flink.table.api.DataTypes;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.catalog.Column;
import org.apache.flink.table.catalog.ResolvedSchema;
import org.apache.flink.table.data.GenericRowData;
import org.apache.flink.table.data.RowData;
import org.apache.flink.table.data.StringData;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.context.SessionContext;
import org.apache.flink.table.gateway.service.operation.OperationExecutor;
import org.apache.flink.table.gateway.service.operation.OperationManager;
import org.apache.flink.table.gateway.service.result.ResultFetcher;
import org.apache.flink.table.gateway.service.session.Session;
import org.apache.flink.table.operations.LoadModuleOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.UnloadModuleOperation;
import org.apache.flink.table.operations.UseOperation;
import org.apache.flink.table.operations.command.AddJarOperation;
import org.apache.flink.table.operations.command.ResetOperation;
import org.apache.flink.table.operations.command.SetOperation;
import org.apache.flink.table.operations.command.ShowJobsOperation;
import org.apache.flink.table.operations.command.StopJobOperation;
import org.apache.flink.table.operations.ddl.AlterOperation;
import org.apache.flink.table.operations.ddl.CreateOperation;
import org.apache.flink.table.operations.ddl.DropOperation;
import org.apache.flink.table.resource.ResourceManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs a statement in a gateway session as Flink's {@code SqlGatewayServiceImpl} does, with the {@link StatementGate}
 * in front: in the operation's thread, the statement is parsed once in the table environment it runs in, judged, and
 * the very operations judged are run. A refusal fails the operation: the client reads it when it fetches results, as
 * any other failure of the statement.
 */
public final class GatedExecution {

    private static final ResolvedSchema SETTINGS_SCHEMA =
            ResolvedSchema.of(Column.physical("key", DataTypes.STRING()), Column.physical("value", DataTypes.STRING()));

    private static final Configuration BATCH =
            new Configuration().set(ExecutionOptions.RUNTIME_MODE, RuntimeExecutionMode.BATCH);

    private final StatementLimits limits;
    private final TemplateRendering rendering;
    private final StatementGate gate;
    private final FunctionJobs functionJobs;

    public GatedExecution(
            StatementLimits limits, TemplateRendering rendering, StatementGate gate, FunctionJobs functionJobs) {
        this.limits = limits;
        this.rendering = rendering;
        this.gate = gate;
        this.functionJobs = functionJobs;
    }

    /** Submits a statement to its session; its operation fails when the gate refuses it. */
    public OperationHandle submit(
            SqlGatewayServiceImpl service,
            SessionHandle sessionHandle,
            String statement,
            Configuration executionConfig,
            StatementContext context) {
        limits.check(statement); // before it is queued: a statement too large to parse costs nothing
        Session session = service.getSession(sessionHandle);
        return session.getOperationManager()
                .submitOperation(handle -> run(session.createExecutor(executionConfig), handle, statement, context, false));
    }

    /**
     * Runs a statement that configures the session (the SQL client's init scripts), as Flink's
     * {@code configureSession} does: only the kinds Flink accepts there, and it returns when the statement is done.
     */
    public void configure(SqlGatewayServiceImpl service, SessionHandle sessionHandle, String statement, StatementContext context)
            throws Exception {
        limits.check(statement);
        Session session = service.getSession(sessionHandle);
        OperationManager operations = session.getOperationManager();
        OperationHandle handle =
                operations.submitOperation(h -> run(session.createExecutor(new Configuration()), h, statement, context, true));
        try {
            operations.awaitOperationTermination(handle);
        } finally {
            operations.closeOperation(handle);
        }
    }

    private ResultFetcher run(
            OperationExecutor executor, OperationHandle handle, String statement, StatementContext context, boolean configuring) {
        SessionContext session = executor.getSessionContext();
        // a copy per statement, as Flink's executor makes: the statement's jars do not leak into the session
        ResourceManager resources = session.getSessionState().resourceManager.copy();
        boolean handedOver = false;
        // the project functions the planner resolves for this statement are the ones its job, if it starts one, runs
        try (FunctionUses.Recording functions = FunctionUses.record()) {
            TableEnvironmentInternal tableEnvironment = executor.getTableEnvironment(resources, new Configuration());
            Rendered rendered = rendering.render(statement, context.principal(), tableEnvironment);
            if (rendered.bound() != null) {
                limits.check(rendered.sql()); // values can make a statement longer than the one that arrived
            }
            List<Operation> operations = judged(tableEnvironment, rendered, context);
            rendered.requireSecretsOnlyIn(operations);
            if (operations.size() != 1) {
                throw ClientError.badRequest(
                                "The request holds " + operations.size() + " statements; this gateway runs one "
                                        + "statement per request (group INSERTs with EXECUTE STATEMENT SET BEGIN … END).")
                        .raise();
            }
            Operation operation = operations.get(0);
            if (configuring && !configuresSession(operation)) {
                throw ClientError.badRequest(
                                "Configuring a session accepts SET, RESET, USE, CREATE, DROP, ALTER, LOAD/UNLOAD "
                                        + "MODULE and ADD JAR; run other statements as statements.")
                        .raise();
            }
            if (operation instanceof QueryOperation && ResultMode.of(tableEnvironment.getConfig()) == ResultMode.SNAPSHOT) {
                // a snapshot is a batch job: planned again by a batch planner, whose sources must be bounded
                tableEnvironment = executor.getTableEnvironment(resources, BATCH);
                operation = judged(tableEnvironment, rendered, context).get(0);
                operations = List.of(operation);
            }
            Optional<ResultFetcher> constant = ConstantQueries.answer(operation, handle);
            if (constant.isPresent()) {
                // no job: nothing to admit, and the statement's resources end with it (finally)
                return constant.get();
            }
            // quotas and free slots, before any job starts: a statement the cluster cannot take waits here, not there
            try (Admission.Ticket ticket =
                    context.admission().admit(operations, session.isStatementSetState(), tableEnvironment.getConfig())) {
                ResultFetcher result =
                        run(executor, tableEnvironment, handle, operation, rendered.sql(), context)
                                .withResourceManager(resources);
                ticket.started();
                recordFunctionUses(result, functions.used(), session, context);
                handedOver = true;
                return result;
            }
        } finally {
            if (!handedOver) {
                close(resources);
            }
        }
    }

    private List<Operation> judged(TableEnvironmentInternal tableEnvironment, Rendered rendered, StatementContext context) {
        return rendered.explain(gate.judge(context.principal(), tableEnvironment, rendered.sql(), context.jobs()))
                .allowedOperations();
    }

    /** Once the job's id is known: a job that catalog-service cannot record as using its functions is cancelled. */
    private void recordFunctionUses(ResultFetcher result, Set<FunctionUse> uses, SessionContext session, StatementContext context) {
        if (uses.isEmpty()) {
            return;
        }
        OperationResults.jobOf(result).ifPresent(job -> {
            try {
                functionJobs.started(job.toHexString(), uses, context.jobs(), session.getSessionConf().toMap());
            } catch (RuntimeException cancelled) {
                result.close();
                throw cancelled;
            }
        });
    }

    private static ResultFetcher run(
            OperationExecutor executor,
            TableEnvironmentInternal tableEnvironment,
            OperationHandle handle,
            Operation operation,
            String statement,
            StatementContext context) {
        if (operation instanceof SetOperation set && set.getKey().isEmpty()) {
            return visibleSettings(tableEnvironment, handle);
        }
        if (operation instanceof StopJobOperation stop) {
            context.jobs().beforeStopping(stop.getJobId());
        }
        ResultFetcher result = FlinkOperations.run(executor, tableEnvironment, handle, operation, statement);
        if (operation instanceof ResetOperation reset && reset.getKey().isEmpty()) {
            context.ownedSettings().forEach(executor.getSessionContext()::set);
        } else if (operation instanceof ShowJobsOperation) {
            return ownJobs(result, handle, context.jobs());
        }
        return result;
    }

    /** {@code SET} alone: the session's settings less those the gateway owns or that look like secrets. */
    private static ResultFetcher visibleSettings(TableEnvironmentInternal tableEnvironment, OperationHandle handle) {
        Map<String, String> settings = tableEnvironment.getConfig().getConfiguration().toMap();
        List<RowData> rows =
                settings.keySet().stream()
                        .filter(key -> !SessionPolicy.isHidden(key))
                        .sorted()
                        .map(key -> (RowData) GenericRowData.of(StringData.fromString(key), StringData.fromString(settings.get(key))))
                        .toList();
        return ResultFetcher.fromResults(handle, SETTINGS_SCHEMA, rows);
    }

    /** {@code SHOW JOBS} lists the whole cluster; a session sees only its project's jobs. */
    private static ResultFetcher ownJobs(ResultFetcher all, OperationHandle handle, JobScope jobs) {
        try {
            List<RowData> own =
                    all.fetchResults(0, Integer.MAX_VALUE).getData().stream()
                            .filter(row -> jobs.isOwn(row.getString(0).toString()))
                            .toList();
            return ResultFetcher.fromResults(handle, all.getResultSchema(), own);
        } finally {
            all.close();
        }
    }

    private static boolean configuresSession(Operation operation) {
        return operation instanceof SetOperation
                || operation instanceof ResetOperation
                || operation instanceof CreateOperation
                || operation instanceof DropOperation
                || operation instanceof UseOperation
                || operation instanceof AlterOperation
                || operation instanceof LoadModuleOperation
                || operation instanceof UnloadModuleOperation
                || operation instanceof AddJarOperation;
    }

    private static void close(ResourceManager resources) {
        try {
            resources.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
