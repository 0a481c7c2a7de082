package io.sluice.dimtable;

import java.io.IOException;

/** A read failed for a reason that may pass (connection lost, timeout, server restarting): worth a retry. */
final class SourceUnavailableException extends IOException {

    private static final long serialVersionUID = 1L;

    SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
