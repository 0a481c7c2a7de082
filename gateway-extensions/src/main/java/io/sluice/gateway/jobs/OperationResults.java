package io.sluice.gateway.jobs;

import org.apache.flink.api.common.JobID;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.api.operation.OperationStatus;
import org.apache.flink.table.gateway.api.session.SessionHandle;
import org.apache.flink.table.gateway.api.utils.SqlGatewayException;
import org.apache.flink.table.gateway.service.SqlGatewayServiceImpl;
import org.apache.flink.table.gateway.service.operation.OperationManager;
import org.apache.flink.table.gateway.service.result.ResultFetcher;
import org.apache.flink.table.gateway.service.result.ResultStore;

import java.lang.reflect.Field;
import java.util.Optional;

/**
 * A statement's result and its query's job id, which Flink 2.2.1 keeps in private fields of the operation and of
 * its result. Empty where this Flink keeps them elsewhere ({@link #readable()} says so), and callers then do without.
 */
public final class OperationResults {

    private static final Field RESULT_FETCHER = field(OperationManager.Operation.class, "resultFetcher");
    private static final Field JOB_ID = field(ResultFetcher.class, "jobID");

    private OperationResults() {}

    /** Whether this Flink keeps both where Flink 2.2.1 does. */
    public static boolean readable() {
        return RESULT_FETCHER != null && JOB_ID != null;
    }

    /** The statement as the session's operation manager keeps it; empty once it (or its session) is gone. */
    public static Optional<OperationManager.Operation> operation(
            SqlGatewayServiceImpl flink, SessionHandle session, OperationHandle handle) {
        try {
            return Optional.of(flink.getSession(session).getOperationManager().getOperation(handle));
        } catch (SqlGatewayException gone) {
            return Optional.empty();
        }
    }

    /** The result of a query statement whose submission has returned; empty for other statements and until then. */
    public static Optional<ResultFetcher> queryResult(OperationManager.Operation operation) {
        if (RESULT_FETCHER == null || operation.getOperationInfo().getStatus() != OperationStatus.FINISHED) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable((ResultFetcher) RESULT_FETCHER.get(operation)).filter(ResultFetcher::isQueryResult);
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /** The job a statement started, if it started one. */
    public static Optional<JobID> jobOf(ResultFetcher result) {
        try {
            return JOB_ID == null ? Optional.empty() : Optional.ofNullable((JobID) JOB_ID.get(result));
        } catch (IllegalAccessException e) {
            return Optional.empty();
        }
    }

    /** Whether the query's rows are still coming and none is buffered: a fetch now would find nothing. */
    public static boolean awaitingRows(ResultStore store) {
        return store.isRetrieving() && store.getBufferedRecordSize() == 0;
    }

    private static Field field(Class<?> owner, String name) {
        try {
            Field field = owner.getDeclaredField(name);
            field.setAccessible(true);
            return field;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
