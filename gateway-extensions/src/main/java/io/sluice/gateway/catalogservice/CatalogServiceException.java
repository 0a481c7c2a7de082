package io.sluice.gateway.catalogservice;

/** catalog-service refused a call or could not be reached; {@link #status()} is 0 when no answer came. */
public final class CatalogServiceException extends RuntimeException {

    private final int status;
    private final boolean unreachable;

    /** A refusal by catalog-service ({@code status} its answer's) or by the gateway itself before it asked (0). */
    public CatalogServiceException(int status, String message) {
        this(status, message, status >= 500);
    }

    private CatalogServiceException(int status, String message, boolean unreachable) {
        super(message);
        this.status = status;
        this.unreachable = unreachable;
    }

    /**
     * A call that found catalog-service unreachable: no answer came (status 0: no connection, a timeout) or it
     * answered 5xx (itself or a proxy before it).
     */
    public static CatalogServiceException unreachable(int status, String why) {
        return new CatalogServiceException(status, "catalog-service is unreachable (" + why + ").", true);
    }

    /** The same failure, worded further for the client. */
    CatalogServiceException withMessage(String message) {
        return new CatalogServiceException(status, message, unreachable);
    }

    public int status() {
        return status;
    }

    /**
     * Whether catalog-service gave no answer, as opposed to an answer such as 401, 403 or 404, which what was known
     * before must never replace.
     */
    public boolean unreachable() {
        return unreachable;
    }
}
