package io.sluice.contract.connection;

/**
 * A connection config that breaks {@link ConnectionRules}. {@link #field()} names the offending setting relative to
 * the connection ({@code properties.url}, {@code secrets.sasl.jaas.config}); the message says why and what is
 * allowed, and never quotes a value, as values may be secrets or the content of a file.
 */
public final class ConnectionRefused extends RuntimeException {

    private final String field;

    ConnectionRefused(String field, String reason) {
        super(reason, null, false, false);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
