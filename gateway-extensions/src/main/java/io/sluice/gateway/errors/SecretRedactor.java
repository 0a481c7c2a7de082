package io.sluice.gateway.errors;

import java.util.Comparator;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers every connection detail and secret the gateway resolved, and blanks them out of any text it sends
 * to a client. Connectors put addresses (and sometimes more) into their error messages; this is the last line
 * that keeps them from reaching a user.
 */
public final class SecretRedactor {

    /** Shorter values (ports, "PLAIN", …) would blank ordinary words out of messages. */
    private static final int SHORTEST_REDACTED = 6;

    private static final String MASK = "****";

    private final Set<String> values = ConcurrentHashMap.newKeySet();

    public void remember(Iterable<String> sensitiveValues) {
        for (String value : sensitiveValues) {
            if (value != null && value.length() >= SHORTEST_REDACTED) {
                values.add(value);
            }
        }
    }

    public String redact(String text) {
        if (text == null || values.isEmpty()) {
            return text;
        }
        String result = text;
        // longest first, so that a secret containing another one is blanked whole
        for (String value : values.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            result = result.replace(value, MASK);
        }
        return result;
    }
}
