package io.sluice.gateway.access;

import io.sluice.contract.AccessDecision;
import io.sluice.contract.PrincipalView;

import org.apache.flink.table.catalog.ObjectIdentifier;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The sentences a denied user reads: which table or object, which privilege is missing, and how to get it. */
final class DenialMessages {

    private DenialMessages() {}

    static Denial table(PrincipalView principal, TableAccess access, AccessDecision decision) {
        ObjectIdentifier id = access.table();
        String table = id.asSummaryString();
        String privilege = access.action().privilege();
        String who = principal.user() + (principal.project() == null ? "" : " (project " + principal.project() + ")");
        String columns = access.columns().isEmpty() ? "" : " (columns " + String.join(", ", access.columns()) + ")";
        String apply =
                "apply for " + privilege + " on " + table + ": POST /api/v1/tables/" + id.getObjectName()
                        + "/applications";
        return new Denial(
                table,
                privilege,
                who + " may not " + privilege + " " + table + columns + ": " + decision.reason()
                        + (applicable(decision) ? ". To get it, " + apply : "") + ".");
    }

    /**
     * Applying helps only when a grant is missing, not against a blacklist or an unpublished table; and needs saying
     * only when catalog-service's reason does not say it already.
     */
    private static boolean applicable(AccessDecision decision) {
        boolean grantMissing = "no_grant".equals(decision.rule()) || "column_grant".equals(decision.rule());
        return grantMissing && (decision.reason() == null || !decision.reason().contains("/applications"));
    }

    static Denial definition(Definition definition, Set<String> environments) {
        String catalogs = String.join(", ", new TreeSet<>(environments));
        String message =
                switch (definition.kind()) {
                    case CONNECTOR_TABLE -> "table " + definition.subject() + " names its own 'connector': only a "
                            + "system admin may define tables that reach a system outside catalog-service. Use the "
                            + "published tables of catalogs " + catalogs + ", or design and publish the table in "
                            + "catalog-service (POST /api/v1/tables).";
                    case JAR -> "loading code from a jar (" + definition.subject() + ") is for system admins: "
                            + "use the functions registered for your project.";
                    case FUNCTION -> "defining function " + definition.subject() + " from a class of the gateway's "
                            + "classpath is for system admins: use the functions registered for your project.";
                    case CATALOG -> "creating or changing catalog " + definition.subject() + " is for system admins: the "
                            + "session's catalogs are the environments " + catalogs + ".";
                    case MODULE -> "loading or changing module " + definition.subject() + " is for system admins: the gateway "
                            + "sets up the session's modules.";
                };
        return new Denial(definition.subject(), definition.kind().name().toLowerCase(Locale.ROOT), message);
    }

    static Denial hint(TableAccess access, Set<String> refused) {
        String table = access.table().asSummaryString();
        return new Denial(
                table,
                "hint",
                "an OPTIONS hint may not set " + String.join(", ", refused) + " on " + table
                        + ": a query may tune how it reads a published table, not where the table lives.");
    }
}
