package io.sluice.catalog.common;

import org.springframework.http.HttpStatus;

/**
 * A refusal the caller can act on. The message is shown to the user as the problem's detail, so it
 * says what was wrong and how to fix it; {@code field} names the offending input where there is one.
 */
public class CatalogException extends RuntimeException {

    private final HttpStatus status;
    private final String field;

    protected CatalogException(HttpStatus status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public HttpStatus status() {
        return status;
    }

    public String field() {
        return field;
    }

    /** The input is malformed or breaks a rule (400). */
    public static CatalogException invalid(String field, String message) {
        return new CatalogException(HttpStatus.BAD_REQUEST, field, message);
    }

    /** The named object does not exist (404). */
    public static CatalogException notFound(String what, Object name) {
        return new CatalogException(HttpStatus.NOT_FOUND, null, what + " '" + name + "' does not exist");
    }

    /** Something the caller named does not exist, as {@code message} says in its own words (404). */
    public static CatalogException missing(String message) {
        return new CatalogException(HttpStatus.NOT_FOUND, null, message);
    }

    /** The request clashes with the current state: a duplicate, or a step out of order (409). */
    public static CatalogException conflict(String field, String message) {
        return new CatalogException(HttpStatus.CONFLICT, field, message);
    }

    /** The caller is known but may not do this (403). */
    public static CatalogException forbidden(String message) {
        return new CatalogException(HttpStatus.FORBIDDEN, null, message);
    }

    /** A system the catalog depends on (a Kafka cluster, a database) refused or could not be reached (502). */
    public static CatalogException upstream(String message) {
        return new CatalogException(HttpStatus.BAD_GATEWAY, null, message);
    }
}
