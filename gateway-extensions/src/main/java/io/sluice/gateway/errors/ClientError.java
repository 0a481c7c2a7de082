package io.sluice.gateway.errors;

import org.apache.flink.runtime.rest.handler.RestHandlerException;
import org.apache.flink.shaded.netty4.io.netty.handler.codec.http.HttpResponseStatus;

import java.io.PrintStream;
import java.io.PrintWriter;

/**
 * A refusal the client must read as it is: a login failure or a denial, with the HTTP status that says which.
 *
 * <p>Flink's REST handlers print {@code ExceptionUtils.stringifyException} of a {@link RestHandlerException}
 * into the error response. This one has no stack trace, no cause and prints only its message, so the
 * client's {@code RestClientException} reads {@code [Login failed: …]} instead of a server trace. The gateway
 * service interface cannot declare it, so {@link #raise()} throws it unchecked; the REST handlers catch
 * {@link RestHandlerException} around every service call and answer with its status.
 */
public final class ClientError extends RestHandlerException {

    /** How every denial starts, also those raised where only a plain exception fits (planning). */
    public static final String DENIED = "Access denied: ";

    private ClientError(String message, HttpResponseStatus status) {
        super(message, status, LoggingBehavior.IGNORE);
        setStackTrace(new StackTraceElement[0]);
    }

    /** Wrong or missing credentials (HTTP 401). */
    public static ClientError loginFailed(String message) {
        return new ClientError("Login failed: " + message, HttpResponseStatus.UNAUTHORIZED);
    }

    /** An authenticated principal asked for something it may not do (HTTP 403). */
    public static ClientError denied(String message) {
        return new ClientError(DENIED + message, HttpResponseStatus.FORBIDDEN);
    }

    /** A request the gateway cannot serve as asked (HTTP 400). */
    public static ClientError badRequest(String message) {
        return new ClientError(message, HttpResponseStatus.BAD_REQUEST);
    }

    /** The request names a session or statement the gateway does not have (HTTP 404). */
    public static ClientError notFound(String message) {
        return new ClientError(message, HttpResponseStatus.NOT_FOUND);
    }

    /** The gateway itself failed; the message says so without its internals, which go to its log (HTTP 500). */
    public static ClientError internal(String message) {
        return new ClientError(message, HttpResponseStatus.INTERNAL_SERVER_ERROR);
    }

    /** catalog-service could not be reached or answered with an error of its own (HTTP 503). */
    public static ClientError unavailable(String message) {
        return new ClientError(message, HttpResponseStatus.SERVICE_UNAVAILABLE);
    }

    /** A statement or session above its project's quota (HTTP 429): raising the quota or stopping jobs helps. */
    public static ClientError overQuota(String message) {
        return new ClientError("Over quota: " + message, HttpResponseStatus.TOO_MANY_REQUESTS);
    }

    /** The cluster had no room for a statement within the gateway's admission wait (HTTP 503): try again later. */
    public static ClientError busy(String message) {
        return new ClientError("Cluster busy: " + message, HttpResponseStatus.SERVICE_UNAVAILABLE);
    }

    /** Throws this error through interfaces that only allow unchecked exceptions. */
    public RuntimeException raise() {
        throw ClientError.<RuntimeException>sneaky(this);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable error) throws E {
        throw (E) error;
    }

    @Override
    public String toString() {
        return getMessage();
    }

    /** Flink renders the error response with {@code printStackTrace}: the message alone, not even a line break. */
    @Override
    public void printStackTrace(PrintWriter writer) {
        writer.print(getMessage());
    }

    @Override
    public void printStackTrace(PrintStream stream) {
        stream.print(getMessage());
    }
}
