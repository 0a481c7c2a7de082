package io.sluice.catalog.common;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a table lives: designed in {@code design}, then published to {@code test}, then to {@code prod}. */
public enum Environment {
    DESIGN,
    TEST,
    PROD;

    /** The environments with a catalog of published tables (design has none: nothing runs on designs). */
    public static final java.util.List<Environment> WITH_CATALOG = java.util.List.of(TEST, PROD);

    /** The environment a table must be published to before this one, or null for design and test. */
    public Environment predecessor() {
        return this == PROD ? TEST : null;
    }

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }

    /** Parses a path or query value, naming the accepted values when it is none of them. */
    public static Environment parse(String field, String value) {
        return Names.parse(Environment.class, field, value);
    }
}
