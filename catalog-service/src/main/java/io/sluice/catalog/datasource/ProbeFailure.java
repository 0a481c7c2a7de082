package io.sluice.catalog.datasource;

import java.io.IOException;

/** A failed connectivity probe whose message this service wrote itself, so it may be shown as it is. */
final class ProbeFailure extends IOException {

    ProbeFailure(String message) {
        super(message);
    }
}
