package io.sluice.jdbc;

import io.sluice.templates.Json;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The gateway's error answers ({@code {"errors": ["…"]}}) as SQLExceptions whose message is the gateway's own and
 * whose SQLState says what kind of failure it is.
 */
final class GatewayErrors {

    /** Flink's wording around a message whose cause it did not show; the gateway's message follows it. */
    private static final Pattern WRAPPER = Pattern.compile(
            "^(Failed to get response for the operation [^\\s]+\\.?|Failed to fetchResults\\.?|"
                    + "Failed to execute the statement\\.?)\\s*", Pattern.CASE_INSENSITIVE);

    private GatewayErrors() {}

    static SQLException fromAnswer(int status, String body) {
        String message = message(body);
        if (status == 401 || message.startsWith("Login failed")) {
            return new SQLInvalidAuthorizationSpecException(message, "28000", status);
        }
        if (status == 403 || message.startsWith("Access denied")) {
            return new SQLSyntaxErrorException(message, "42501", status);
        }
        if (status == 404 && message.startsWith("Session ")) {
            return new SQLNonTransientConnectionException(message, "08003", status);
        }
        if (status == 502 || status == 503 || status == 504) {
            return new SQLTransientConnectionException(message, "08006", status);
        }
        if (status >= 500) {
            return new SQLException(message, "HY000", status);
        }
        if (status == 413) {
            return new SQLException(message, "54000", status);
        }
        return new SQLSyntaxErrorException(message, "42000", status);
    }

    /** The first message of an error answer, without Flink's wrappers; the status when the body has none. */
    private static String message(String body) {
        Object parsed;
        try {
            parsed = Json.read(body);
        } catch (IllegalArgumentException e) {
            return "The gateway answered with an error that is not JSON";
        }
        if (parsed instanceof Map && ((Map<?, ?>) parsed).get("errors") instanceof List) {
            List<?> errors = (List<?>) ((Map<?, ?>) parsed).get("errors");
            for (Object error : errors) {
                if (error instanceof String && !((String) error).isBlank()) {
                    return WRAPPER.matcher(((String) error).strip()).replaceFirst("");
                }
            }
        }
        return "The gateway answered with an error without a message";
    }

    static SQLException unreachable(String gateway, String what, Exception cause) {
        String reason = cause instanceof java.net.ConnectException ? "nothing listens there or a firewall refuses"
                : cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new SQLNonTransientConnectionException("Cannot reach the gateway at " + gateway + " to " + what + ": "
                + reason + "; check the URL's host and port and whether it needs ssl=true", "08006");
    }
}
