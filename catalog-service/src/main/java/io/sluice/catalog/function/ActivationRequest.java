package io.sluice.catalog.function;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.workflow.PublishStatus;
import java.time.OffsetDateTime;

/** A request to make a version of a function what prod runs, decided by a data admin as a publish request is. */
public record ActivationRequest(
        long id,
        @JsonIgnore long functionId,
        String project,
        String function,
        Environment environment,
        int version,
        PublishStatus status,
        String requestedBy,
        OffsetDateTime requestedAt,
        String requestComment,
        String decidedBy,
        OffsetDateTime decidedAt,
        String decisionComment) {

    String describe() {
        return "activation request " + id;
    }
}
