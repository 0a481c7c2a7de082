package io.sluice.gateway.catalogservice;

/** catalog-service refused a call or could not be reached; {@link #status()} is 0 when no answer came. */
public final class CatalogServiceException extends RuntimeException {

    private final int status;

    public CatalogServiceException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
