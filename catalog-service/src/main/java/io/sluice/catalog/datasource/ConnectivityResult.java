package io.sluice.catalog.datasource;

import io.sluice.catalog.common.Environment;

/** The outcome of really connecting to a data source: whether it answered, and if not, why. */
public record ConnectivityResult(Environment environment, boolean ok, String reason, long elapsedMillis) {}
