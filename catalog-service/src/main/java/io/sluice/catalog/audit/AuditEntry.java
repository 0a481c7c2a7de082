package io.sluice.catalog.audit;

import java.time.OffsetDateTime;

/** Who did what (for whom, when the gateway acted for an end user), when, to which object, and how it ended. */
public record AuditEntry(
        long id,
        OffsetDateTime at,
        String actor,
        String onBehalfOf,
        String action,
        String objectType,
        String objectName,
        Outcome outcome,
        String detail) {}
