package io.sluice.jdbc;

import io.sluice.templates.Json;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import javax.net.ssl.SSLException;

import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Stream;

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

    /**
     * The gateway could not be reached or the TLS handshake failed: the message says what went wrong in the user's
     * terms and which setting fixes it, never a stack trace or the JDK's exception class names.
     */
    static SQLException unreachable(URI gateway, String what, Exception cause) {
        return new SQLNonTransientConnectionException("Cannot reach the gateway at " + gateway + " to " + what + ": "
                + reason(cause, gateway), "08006");
    }

    /**
     * The gateway answered with a redirect. Flink's REST endpoint serving TLS answers a plain-HTTP request with one to
     * https, so that one says to add ssl=true; the driver follows none.
     */
    static SQLException redirected(URI gateway, String what, String location) {
        String reason = "http".equals(gateway.getScheme()) && location.regionMatches(true, 0, "https:", 0, 6)
                ? "it serves TLS on that port (it answers plain HTTP with a redirect to https); add ssl=true to the URL"
                : "it answers with a redirect, which the driver does not follow; connect to the gateway's own address";
        return new SQLNonTransientConnectionException(
                "Cannot reach the gateway at " + gateway + " to " + what + ": " + reason, "08006");
    }

    private static String reason(Exception cause, URI gateway) {
        boolean ssl = "https".equals(gateway.getScheme());
        if (causedBy(cause, ConnectException.class)) {
            return "nothing listens there or a firewall refuses; check the URL's host and port";
        }
        if (causedBy(cause, CertPathBuilderException.class) || mentions(cause, "PKIX path building failed")) {
            return "its TLS certificate is not trusted by this Java runtime (no certificate authority it trusts signed "
                    + "it). Put the gateway's certificate, or its authority's, into a truststore and start the "
                    + "application with -Djavax.net.ssl.trustStore=<file> -Djavax.net.ssl.trustStorePassword=<password>";
        }
        if (causedBy(cause, CertificateExpiredException.class)
                || causedBy(cause, CertificateNotYetValidException.class) || mentions(cause, "validity check failed")) {
            return "its TLS certificate has expired or is not valid yet; the gateway's operators must renew it";
        }
        if (mentions(cause, "No subject alternative") || mentions(cause, "No name matching")) {
            return "its TLS certificate is not issued for the host " + gateway.getHost() + "; connect with a host name "
                    + "the certificate names";
        }
        // JDK 17: "Unrecognized SSL message, plaintext connection?"; later JDKs: "Unsupported or unrecognized …"
        if (ssl && mentions(cause, "nrecognized SSL message")) {
            return "it does not speak TLS on that port, but the URL says ssl=true; use the gateway's TLS port, or "
                    + "ssl=false if it serves plain HTTP";
        }
        if (causedBy(cause, SSLException.class)) {
            return "the TLS handshake failed (" + innermostMessage(cause) + ")";
        }
        if (!ssl && cause instanceof IOException) {
            return "the connection closed without an HTTP answer (" + innermostMessage(cause) + "); if the gateway "
                    + "serves TLS on that port, add ssl=true to the URL";
        }
        return innermostMessage(cause) + "; check the URL's host and port and whether it needs ssl=true";
    }

    private static boolean causedBy(Throwable thrown, Class<? extends Throwable> type) {
        return chain(thrown).anyMatch(type::isInstance);
    }

    private static boolean mentions(Throwable thrown, String words) {
        return chain(thrown).anyMatch(t -> t.getMessage() != null && t.getMessage().contains(words));
    }

    /** The deepest cause's own message (the JDK's wrappers repeat it prefixed with class names). */
    private static String innermostMessage(Throwable thrown) {
        return chain(thrown).map(Throwable::getMessage).filter(m -> m != null && !m.isBlank())
                .reduce((outer, inner) -> inner)
                .map(m -> m.lines().findFirst().orElse("").strip())
                .orElse(thrown.getClass().getSimpleName());
    }

    private static Stream<Throwable> chain(Throwable thrown) {
        return Stream.iterate(thrown, Objects::nonNull, t -> t.getCause() == t ? null : t.getCause());
    }
}
