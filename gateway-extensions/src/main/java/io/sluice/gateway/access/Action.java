package io.sluice.gateway.access;

import java.util.Locale;

/** What a statement does to a table, in the words of catalog-service's privileges. */
public enum Action {
    SELECT,
    INSERT,
    UPDATE,
    DELETE;

    /** The privilege's name as grants and the decision API spell it: select, insert, update, delete. */
    public String privilege() {
        return name().toLowerCase(Locale.ROOT);
    }
}
