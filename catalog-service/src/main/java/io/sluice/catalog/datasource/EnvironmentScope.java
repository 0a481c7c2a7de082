package io.sluice.catalog.datasource;

import com.fasterxml.jackson.annotation.JsonValue;
import io.sluice.catalog.common.Environment;
import io.sluice.catalog.common.Names;
import java.util.Set;

/** The environments a data source serves, each with its own connection config. */
public enum EnvironmentScope {
    TEST(Set.of(Environment.TEST)),
    PROD(Set.of(Environment.PROD)),
    BOTH(Set.of(Environment.TEST, Environment.PROD));

    private final Set<Environment> environments;

    EnvironmentScope(Set<Environment> environments) {
        this.environments = environments;
    }

    public Set<Environment> environments() {
        return environments;
    }

    public boolean serves(Environment environment) {
        return environments.contains(environment);
    }

    @JsonValue
    public String spelling() {
        return Names.spelling(this);
    }
}
