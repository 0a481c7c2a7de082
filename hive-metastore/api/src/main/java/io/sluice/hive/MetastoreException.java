package io.sluice.hive;

/**
 * A metastore call that failed, with a message this code wrote: the Thrift client's own messages may quote
 * configuration and addresses, so they are never passed on.
 */
public final class MetastoreException extends RuntimeException {

    /** What went wrong, for callers that answer differently (e.g. 404 for a database that does not exist). */
    public enum Reason {
        UNREACHABLE,
        NO_SUCH_DATABASE,
        FAILED
    }

    private final Reason reason;

    public MetastoreException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
