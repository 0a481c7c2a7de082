package io.sluice.gateway.catalog;

import io.sluice.gateway.access.Action;

import org.apache.flink.table.catalog.ObjectIdentifier;

/**
 * The last check before a catalog table becomes a source or a sink: it throws when the session's principal may not
 * read ({@link Action#SELECT}) or write ({@link Action#INSERT}) the table, so a statement the analysis misread still
 * fails closed.
 */
@FunctionalInterface
public interface TableGuard {

    void require(ObjectIdentifier table, Action action);
}
