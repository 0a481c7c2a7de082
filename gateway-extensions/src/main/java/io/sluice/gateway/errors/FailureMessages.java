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

    /**
     * The first telling message of the chain (its first paragraph: Flink appends table options and hints after a
     * blank line) and the root cause's message, which usually names what was wrong.
     */
    public static String describe(Throwable failure, SecretRedactor redactor) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            // a denial found while planning (e.g. a forbidden OPTIONS hint) is the whole story
            if (t.getMessage() != null && t.getMessage().startsWith(ClientError.DENIED)) {
                return redactor.redact(firstParagraph(t.getMessage()));
            }
        }
        Set<String> messages = new LinkedHashSet<>();
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            root = t;
            String message = t.getMessage();
            if (messages.isEmpty() && message != null && !message.isBlank() && !isWrapper(message)) {
                messages.add(firstParagraph(message));
            }
        }
        if (root.getMessage() != null && !root.getMessage().isBlank()) {
            String rootMessage = root.getMessage().strip();
            if (messages.stream().noneMatch(m -> m.contains(rootMessage))) {
                messages.add(rootMessage);
            }
        }
        String text = messages.isEmpty() ? "The statement failed." : String.join("\n", messages);
        text = redactor.redact(text);
        return text.length() > LONGEST ? text.substring(0, LONGEST) + " …" : text;
    }

    private static String firstParagraph(String message) {
        String text = message.strip();
        int blank = text.indexOf("\n\n");
        return blank < 0 ? text : text.substring(0, blank);
    }

    private static boolean isWrapper(String message) {
        return message.startsWith("Failed to ")
                || message.startsWith("org.apache.flink.")
                || message.startsWith("java.")
                || message.startsWith("Could not execute SQL statement.");
    }
}
