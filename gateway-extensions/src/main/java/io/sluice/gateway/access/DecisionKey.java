package io.sluice.gateway.access;

import io.sluice.contract.AccessCheck;

import java.util.List;
import java.util.Objects;

/**
 * One question to the decision API as a cache key. Its hash is computed once, when the key is built, and equality
 * compares the hash first, so a cache hit costs one hash lookup and a few reference-equal string compares (the
 * strings come from the session's principal and the analyzer's resolved identifiers, which repeat).
 */
public final class DecisionKey {

    private final String user;
    private final String project;
    private final String environment;
    private final String table;
    private final Action action;
    private final List<String> columns;
    private final int hash;

    public DecisionKey(String user, String project, String environment, String table, Action action, List<String> columns) {
        this.user = Objects.requireNonNull(user, "user");
        this.project = project;
        this.environment = Objects.requireNonNull(environment, "environment");
        this.table = Objects.requireNonNull(table, "table");
        this.action = Objects.requireNonNull(action, "action");
        this.columns = List.copyOf(columns);
        this.hash = Objects.hash(user, project, environment, table, action, this.columns);
    }

    public String environment() {
        return environment;
    }

    public String table() {
        return table;
    }

    public Action action() {
        return action;
    }

    public List<String> columns() {
        return columns;
    }

    /** The same question about the whole table. */
    DecisionKey withoutColumns() {
        return new DecisionKey(user, project, environment, table, action, List.of());
    }

    AccessCheck toCheck() {
        return new AccessCheck(user, project, environment, table, action.privilege(), columns);
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof DecisionKey key
                && hash == key.hash
                && action == key.action
                && user.equals(key.user)
                && Objects.equals(project, key.project)
                && environment.equals(key.environment)
                && table.equals(key.table)
                && columns.equals(key.columns);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return user + (project == null ? "" : "@" + project) + " " + action.privilege() + " " + environment + "."
                + table + (columns.isEmpty() ? "" : " " + columns);
    }
}
