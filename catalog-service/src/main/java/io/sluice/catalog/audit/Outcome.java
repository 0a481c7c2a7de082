package io.sluice.catalog.audit;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

public enum Outcome {
    /** Done. */
    SUCCESS,
    /** Refused for a reason the caller could fix: bad input, no permission, wrong state. */
    REFUSED,
    /** Failed on the platform's side or a system it depends on. */
    FAILED;

    static Outcome ofStatus(int httpStatus) {
        return httpStatus < 400 ? SUCCESS : httpStatus < 500 ? REFUSED : FAILED;
    }

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
