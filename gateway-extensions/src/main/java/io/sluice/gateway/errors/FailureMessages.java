package io.sluice.gateway.errors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Words a failed statement for the client: the most telling messages of its cause chain, without stack traces,
 * without the gateway's generic wrappers and without any connection detail or secret.
 */
public final class FailureMessages {

    private static final Logger LOG = LoggerFactory.getLogger(FailureMessages.class);

    private static final int LONGEST = 4000;

    /** Flink's message for an operation handle its session does not have. */
    private static final String UNKNOWN_OPERATION = "Can not find the submitted operation";

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
     * Any failure as the client should read it: the denial in its causes if there is one; a statement the session
     * does not have as a 404; a fault of the gateway
     * itself (a programming error such as a null pointer) as a 500 without its internals, which go to the log; any
     * other failure — Flink's refusal of what the request asked — as a 400 with {@link #describe its words}.
     */
    public static ClientError asClientError(Throwable failure, SecretRedactor redactor) {
        ClientError denial = clientErrorIn(failure);
        if (denial != null) {
            return denial;
        }
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            root = t;
            if (t.getMessage() != null && t.getMessage().startsWith(UNKNOWN_OPERATION)) {
                return ClientError.notFound(
                        "This session has no such statement (closed, or never run in it): check the operation "
                                + "handle, or run the statement again.");
            }
        }
        if (isFault(root)) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("Internal error {} while serving a request", reference, failure);
            return ClientError.internal(
                    "The gateway failed on this request (internal error " + reference + ", in its log). Try again, "
                            + "or tell the platform team the reference if it persists.");
        }
        return ClientError.badRequest(describe(failure, redactor));
    }

    /** Failures that say nothing about the request, only that the gateway's code went wrong. */
    private static boolean isFault(Throwable root) {
        return root instanceof NullPointerException
                || root instanceof ClassCastException
                || root instanceof IndexOutOfBoundsException
                || root instanceof ArrayStoreException
                || root instanceof ArithmeticException
                || root instanceof LinkageError;
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
