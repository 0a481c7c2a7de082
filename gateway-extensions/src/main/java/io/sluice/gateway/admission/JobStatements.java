package io.sluice.gateway.admission;

import org.apache.flink.configuration.CoreOptions;
import org.apache.flink.configuration.ReadableConfig;
import org.apache.flink.table.api.config.ExecutionConfigOptions;
import org.apache.flink.table.operations.CallProcedureOperation;
import org.apache.flink.table.operations.CompileAndExecutePlanOperation;
import org.apache.flink.table.operations.EndStatementSetOperation;
import org.apache.flink.table.operations.ModifyOperation;
import org.apache.flink.table.operations.Operation;
import org.apache.flink.table.operations.QueryOperation;
import org.apache.flink.table.operations.StatementSetOperation;
import org.apache.flink.table.operations.command.ExecutePlanOperation;
import org.apache.flink.table.operations.ddl.AnalyzeTableOperation;

import java.util.List;

/** Which parsed statements start a Flink job, and with what parallelism. */
public final class JobStatements {

    private JobStatements() {}

    /**
     * Whether running these operations starts a job. Inside {@code BEGIN STATEMENT SET} an {@code INSERT} is only
     * collected, and {@code END} starts the job.
     */
    public static boolean startsJob(List<Operation> operations, boolean inStatementSet) {
        return operations.stream().anyMatch(operation -> startsJob(operation, inStatementSet));
    }

    private static boolean startsJob(Operation operation, boolean inStatementSet) {
        if (inStatementSet) {
            return operation instanceof EndStatementSetOperation;
        }
        return operation instanceof QueryOperation
                || operation instanceof ModifyOperation
                || operation instanceof StatementSetOperation
                || operation instanceof ExecutePlanOperation
                || operation instanceof CompileAndExecutePlanOperation
                || operation instanceof AnalyzeTableOperation
                || operation instanceof CallProcedureOperation;
    }

    /**
     * The parallelism a statement's job runs with: {@code table.exec.resource.default-parallelism} when set
     * (the planner prefers it), else {@code parallelism.default}, each as the session and the statement set it.
     */
    public static int parallelism(ReadableConfig config) {
        int tableDefault = config.get(ExecutionConfigOptions.TABLE_EXEC_RESOURCE_DEFAULT_PARALLELISM);
        return tableDefault > 0 ? tableDefault : Math.max(1, config.get(CoreOptions.DEFAULT_PARALLELISM));
    }

    /** Which setting {@link #parallelism} came from, to name it in a refusal. */
    static String parallelismKey(ReadableConfig config) {
        return config.get(ExecutionConfigOptions.TABLE_EXEC_RESOURCE_DEFAULT_PARALLELISM) > 0
                ? ExecutionConfigOptions.TABLE_EXEC_RESOURCE_DEFAULT_PARALLELISM.key()
                : CoreOptions.DEFAULT_PARALLELISM.key();
    }
}
