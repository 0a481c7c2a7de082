package io.sluice.gateway.errors;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Words a failed statement for the client: the most telling messages of its cause chain, without stack traces,
 * without the gateway's generic wrappers and without any connection detail or secret.
 */
public final class FailureMessages {

    private static final int LONGEST = 4000;

    private FailureMessages() {}

    /** The first {@link ClientError} in the cause chain, if a denial is what made the statement fail. */
    public static ClientError clientErrorIn(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ClientError) {
                return (ClientError) t;
            }
        }
        return null;
    }

    public static String describe(Throwable failure, SecretRedactor redactor) {
        Set<String> messages = new LinkedHashSet<>();
        for (Throwable t = failure; t != null && messages.size() < 3; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null || message.isBlank() || isWrapper(message)) {
                continue;
            }
            // a cause's message is often repeated inside its wrapper's: keep only the new part
            if (messages.stream().noneMatch(m -> m.contains(message.strip()))) {
                messages.add(message.strip());
            }
        }
        String text = messages.isEmpty() ? "The statement failed." : String.join("\n", messages);
        text = redactor.redact(text);
        return text.length() > LONGEST ? text.substring(0, LONGEST) + " …" : text;
    }

    private static boolean isWrapper(String message) {
        return message.startsWith("Failed to ")
                || message.startsWith("org.apache.flink.")
                || message.startsWith("java.")
                || message.startsWith("Could not execute SQL statement.");
    }
}
