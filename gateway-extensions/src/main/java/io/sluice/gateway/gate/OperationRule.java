package io.sluice.gateway.gate;

/**
 * How the gate treats one kind of statement (one {@code Operation} class), and why.
 *
 * @param kind what decides whether a tenant may run it
 * @param reason why that is the right rule, in a sentence: the rule's documentation, shown in ACCESS.md
 */
public record OperationRule(Kind kind, String reason) {

    public enum Kind {
        /**
         * Reads or writes tables, or defines something: the tables, columns and definitions it touches are found
         * ({@code StatementAnalyzer}) and decided by catalog-service's decision API and the definition rules.
         */
        ANALYZED,
        /** Touches nothing a tenant may not see or change: catalog browsing, the session's own objects. */
        HARMLESS,
        /** {@code SET} and {@code RESET}: the key must be one a session may change; the gateway's own stay hidden. */
        SESSION_SETTING,
        /** {@code SHOW JOBS}, {@code STOP JOB}, {@code DESCRIBE JOB}: only the project's own jobs. */
        JOB,
        /** Not offered to tenants, for the reason given. */
        REFUSED
    }
}
