package io.sluice.gateway.gate;

import org.apache.flink.table.api.internal.CachedPlan;
import org.apache.flink.table.api.internal.TableEnvironmentInternal;
import org.apache.flink.table.gateway.api.operation.OperationHandle;
import org.apache.flink.table.gateway.service.operation.OperationExecutor;
import org.apache.flink.table.gateway.service.result.ResultFetcher;
import org.apache.flink.table.operations.Operation;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs an operation the gate judged exactly as Flink's gateway runs a statement it parsed itself, so the operation
 * that was judged is the one that runs (no second parse that could resolve names differently). Flink's
 * {@code OperationExecutor} dispatches parsed operations in private methods; they are called here by reflection,
 * resolved once when the class loads, so a Flink version that renamed them fails when the gateway starts, not on a
 * statement.
 */
final class FlinkOperations {

    private static final Method EXECUTE =
            method("executeOperation", TableEnvironmentInternal.class, OperationHandle.class, Operation.class,
                    String.class, CachedPlan.class);
    private static final Method EXECUTE_IN_STATEMENT_SET =
            method("executeOperationInStatementSetState", TableEnvironmentInternal.class, OperationHandle.class,
                    Operation.class);

    private FlinkOperations() {}

    /**
     * @param statement the statement's text, which Flink only uses as the key of its plan cache (off in sessions
     *     unless the gateway enables it; a cached plan is never used here)
     */
    static ResultFetcher run(
            OperationExecutor executor,
            TableEnvironmentInternal tableEnvironment,
            OperationHandle handle,
            Operation operation,
            String statement) {
        return executor.getSessionContext().isStatementSetState()
                ? invoke(EXECUTE_IN_STATEMENT_SET, executor, tableEnvironment, handle, operation)
                : invoke(EXECUTE, executor, tableEnvironment, handle, operation, statement, null);
    }

    private static ResultFetcher invoke(Method method, OperationExecutor executor, Object... arguments) {
        try {
            return (ResultFetcher) method.invoke(executor, arguments);
        } catch (InvocationTargetException e) {
            Throwable failure = e.getCause();
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(failure.getMessage(), failure);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Flink's OperationExecutor." + method.getName() + " cannot be called", e);
        }
    }

    private static Method method(String name, Class<?>... parameters) {
        try {
            Method method = OperationExecutor.class.getDeclaredMethod(name, parameters);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(
                    "The sluice gateway runs parsed statements through Flink 2.2's OperationExecutor." + name
                            + ", which this Flink version does not have.");
        }
    }
}
