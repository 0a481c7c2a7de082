package io.sluice.catalog.datasource;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Names;

/** Whether the platform creates the source's topics and tables ({@code managed}) or only knows them ({@code registered}). */
public enum ManagementMode {
    MANAGED,
    REGISTERED;

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
