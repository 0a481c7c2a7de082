package io.sluice.catalog.access;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sluice.catalog.common.Environment;
import java.time.OffsetDateTime;
import java.util.List;

/** A request for privileges on a table, for a project or for the applicant; approval writes the grant. */
public record Application(
        long id,
        String table,
        @JsonIgnore long tableId,
        Environment environment,
        String applicant,
        String project,
        GranteeType granteeType,
        String grantee,
        @JsonIgnore long granteeId,
        List<Privilege> privileges,
        List<String> columns,
        String reason,
        ApplicationStatus status,
        OffsetDateTime appliedAt,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionComment) {}
