package io.sluice.gateway.access;

/**
 * Something a statement defines that would step around the governed catalogs if anybody could do it.
 *
 * @param kind what is defined
 * @param subject the object it defines, as the session resolved it (a table, a jar's path, a function)
 */
public record Definition(Kind kind, String subject) {

    public enum Kind {
        /** A table whose {@code connector} option the user wrote: it reaches a system without catalog-service. */
        CONNECTOR_TABLE,
        /** Code from a jar the user names: {@code ADD JAR}, {@code CREATE FUNCTION … USING JAR}. */
        JAR,
        /** A function from a class on the gateway's classpath; tenant functions come from the registry. */
        FUNCTION,
        /** A catalog of the user's own, with its own connection (or the environments' catalogs changed). */
        CATALOG,
        /** A module, which brings functions (and code) of its own. */
        MODULE
    }
}
