package io.sluice.gateway.access;

import io.sluice.contract.AccessDecision;
import io.sluice.contract.PrincipalView;
import io.sluice.gateway.catalogservice.CatalogServiceException;
import io.sluice.gateway.errors.ClientError;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.apache.flink.table.catalog.ObjectIdentifier;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Decides whether a principal may run a statement, from what {@link StatementAnalyzer} found in it: every table of
 * an environment catalog must be allowed by catalog-service for the action and the columns, and only system admins
 * may define what steps around the governed catalogs (tables with their own connector, jars, catalogs, modules).
 * Tables outside the environment catalogs (the session's own temporary tables and views) are not catalog-service's
 * to decide: views are already expanded into the tables under them, and a table of one's own can only be made
 * without a connector of one's own.
 */
public final class AccessEnforcer {

    /** The platform role that may define tables with raw connector options, jars, catalogs and modules. */
    public static final String SYSTEM_ADMIN = "system_admin";

    private final AccessDecider decider;
    private final Set<String> environments;
    private final Predicate<String> hintableOption;
    /** What statements were allowed lately, so the table factory's second check does not ask again. */
    private final Cache<DecisionKey, Boolean> recentlyAllowed;

    /**
     * @param environments the names of the environment catalogs, which are also the environments' names
     * @param hintableOption which table options a query may set with an {@code OPTIONS} hint
     * @param staleness how long an allowance may be reused, the same bound as the decider's
     */
    public AccessEnforcer(
            AccessDecider decider, Set<String> environments, Predicate<String> hintableOption, Duration staleness) {
        this.decider = decider;
        this.environments = Set.copyOf(environments);
        this.hintableOption = hintableOption;
        this.recentlyAllowed = Caffeine.newBuilder().expireAfterWrite(staleness).maximumSize(10_000).build();
    }

    /** Throws an {@code Access denied: …} {@link ClientError} (HTTP 403) unless the principal may run the statement. */
    public void enforce(PrincipalView principal, StatementAccess access) {
        check(principal, access).ifPresent(denial -> {
            throw ClientError.denied(denial.message()).raise();
        });
    }

    /** The first reason the principal may not run the statement, if there is one. */
    public Optional<Denial> check(PrincipalView principal, StatementAccess access) {
        boolean admin = principal.platformRoles() != null && principal.platformRoles().contains(SYSTEM_ADMIN);
        if (!admin && !access.definitions().isEmpty()) {
            return Optional.of(DenialMessages.definition(access.definitions().get(0), environments));
        }
        List<TableAccess> governed = new ArrayList<>(access.tables().size());
        for (TableAccess table : access.tables()) {
            if (environments.contains(table.table().getCatalogName())) {
                Optional<Denial> hint = hints(table);
                if (hint.isPresent()) {
                    return hint;
                }
                governed.add(table);
            }
        }
        if (governed.isEmpty()) {
            return Optional.empty();
        }
        DecisionKey[] keys = new DecisionKey[governed.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = key(principal, governed.get(i));
        }
        AccessDecision[] decisions = decide(keys);
        for (int i = 0; i < keys.length; i++) {
            if (!decisions[i].allowed()) {
                return Optional.of(DenialMessages.table(principal, governed.get(i), decisions[i]));
            }
        }
        for (DecisionKey key : keys) {
            recentlyAllowed.put(wholeTable(key), Boolean.TRUE);
        }
        return Optional.empty();
    }

    /**
     * The table factory's check, for a path the analyzer might have missed: may the principal read
     * ({@link Action#SELECT}) or write ({@link Action#INSERT}) this table at all? While the statement is being
     * analysed (Flink builds sources as it parses) the table is only recorded, and the analysis refuses the statement
     * if it did not find the table itself. Afterwards, a table the statement was allowed moments ago passes without
     * asking again; anything else needs the privilege on the whole table.
     */
    public void requireTable(PrincipalView principal, ObjectIdentifier table, Action action) {
        if (!environments.contains(table.getCatalogName()) || PlannedTables.record(table)) {
            return;
        }
        TableAccess access = new TableAccess(table, false, action, List.of(), Map.of());
        DecisionKey key = key(principal, access);
        if (recentlyAllowed.getIfPresent(key) != null) {
            return;
        }
        AccessDecision decision = decide(new DecisionKey[] {key})[0];
        if (!decision.allowed()) {
            throw ClientError.denied(DenialMessages.table(principal, access, decision).message()).raise();
        }
    }

    private AccessDecision[] decide(DecisionKey[] keys) {
        try {
            return decider.decide(keys);
        } catch (CatalogServiceException e) {
            throw ClientError.unavailable("Access cannot be decided now, so the statement does not run: " + e.getMessage())
                    .raise();
        }
    }

    private Optional<Denial> hints(TableAccess table) {
        Set<String> refused = new TreeSet<>();
        for (String option : table.hintedOptions().keySet()) {
            if (!hintableOption.test(option)) {
                refused.add(option);
            }
        }
        return refused.isEmpty() ? Optional.empty() : Optional.of(DenialMessages.hint(table, refused));
    }

    private static DecisionKey key(PrincipalView principal, TableAccess table) {
        ObjectIdentifier id = table.table();
        return new DecisionKey(
                principal.user(),
                principal.project(),
                id.getCatalogName(),
                id.getObjectName(),
                table.action(),
                table.action() == Action.SELECT ? table.columns() : List.of());
    }

    private static DecisionKey wholeTable(DecisionKey key) {
        return key.columns().isEmpty() ? key : key.withoutColumns();
    }
}
