package io.sluice.gateway.gate;

import io.sluice.gateway.SluiceGatewayOptions;

import org.apache.flink.configuration.ReadableConfig;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * How a session's queries return their rows ({@link SluiceGatewayOptions#RESULT_MODE}). BI tools read a result to its
 * end and show what they read, so for them a query over a topic must end and an aggregate must say its final value
 * once; streaming clients want the changelog as it happens.
 */
public enum ResultMode {
    /** A query runs as a batch job over what its sources hold when it starts: final rows, and it ends. */
    SNAPSHOT,
    /** A query runs as a streaming job: a topic is read on, an aggregate's rows are updated as rows arrive. */
    STREAMING;

    /** The mode of a statement's effective configuration (gateway, session and statement settings). */
    static ResultMode of(ReadableConfig config) {
        return config.get(SluiceGatewayOptions.RESULT_MODE);
    }

    /** Why a session may not give {@link SluiceGatewayOptions#RESULT_MODE} this value; empty when it may. */
    public static Optional<String> whyNotAllowed(String value) {
        return parse(value).isPresent() ? Optional.empty() : Optional.of(whyNot(value));
    }

    private static Optional<ResultMode> parse(String value) {
        return Arrays.stream(values()).filter(m -> m.name().equalsIgnoreCase(value)).findFirst();
    }

    private static String whyNot(String value) {
        return "'" + SluiceGatewayOptions.RESULT_MODE.key() + "' is either 'snapshot' or 'streaming'"
                + (value.isBlank() ? ", not empty" : "") + ".";
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
