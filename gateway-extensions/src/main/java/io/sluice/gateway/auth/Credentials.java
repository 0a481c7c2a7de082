package io.sluice.gateway.auth;

import io.sluice.gateway.errors.ClientError;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a client proved itself with: a user name and password (HTTP Basic towards catalog-service) or a bearer
 * token. They are forwarded to catalog-service as they are, which decides who they belong to.
 */
public record Credentials(String user, String password, String token) {

    /** JDBC connection properties (and URL parameters) that carry credentials: never kept in a session's config. */
    public static final String USER_PROPERTY = "user";
    public static final String PASSWORD_PROPERTY = "password";
    public static final String TOKEN_PROPERTY = "token";
    public static final Set<String> PROPERTIES = Set.of(USER_PROPERTY, PASSWORD_PROPERTY, TOKEN_PROPERTY);

    public static Credentials basic(String user, String password) {
        return new Credentials(user, password, null);
    }

    public static Credentials bearer(String token) {
        return new Credentials(null, null, token);
    }

    /** The value of an {@code Authorization} header that presents these credentials to catalog-service. */
    public String authorizationHeader() {
        if (token != null) {
            return "Bearer " + token;
        }
        return "Basic "
                + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Reads an {@code Authorization} header: {@code Bearer <token>} or {@code Basic <base64 user:password>}.
     *
     * @return empty when there is no header
     */
    public static Optional<Credentials> fromAuthorizationHeader(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String value = header.trim();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        String rest = space < 0 ? "" : value.substring(space + 1).trim();
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "bearer":
                if (rest.isEmpty()) {
                    throw ClientError.loginFailed("the Authorization header has no token after 'Bearer'.").raise();
                }
                return Optional.of(bearer(rest));
            case "basic":
                String decoded;
                try {
                    decoded = new String(Base64.getDecoder().decode(rest), StandardCharsets.UTF_8);
                } catch (IllegalArgumentException e) {
                    throw ClientError.loginFailed("the Authorization header's Basic value is not base64.").raise();
                }
                int colon = decoded.indexOf(':');
                if (colon <= 0) {
                    throw ClientError.loginFailed("the Authorization header's Basic value is not 'user:password'.")
                            .raise();
                }
                return Optional.of(basic(decoded.substring(0, colon), decoded.substring(colon + 1)));
            default:
                throw ClientError.loginFailed(
                                "the Authorization header must be 'Bearer <token>' or 'Basic <user:password in base64>', not '"
                                        + scheme + " …'.")
                        .raise();
        }
    }

    /**
     * Reads the JDBC driver's connection properties: {@code token}, or {@code user} with {@code password}.
     *
     * @return empty when none of them is present
     */
    public static Optional<Credentials> fromSessionProperties(Map<String, String> properties) {
        String token = properties.get(TOKEN_PROPERTY);
        if (token != null && !token.isBlank()) {
            return Optional.of(bearer(token.trim()));
        }
        String user = properties.get(USER_PROPERTY);
        if (user == null || user.isBlank()) {
            return Optional.empty();
        }
        String password = properties.get(PASSWORD_PROPERTY);
        if (password == null) {
            throw ClientError.loginFailed("user '" + user + "' came without a password; set the 'password' property.")
                    .raise();
        }
        return Optional.of(basic(user, password));
    }

    /** Never prints the secret part, so credentials can't leak through a log line or an error. */
    @Override
    public String toString() {
        return token != null ? "Credentials[token]" : "Credentials[user=" + user + "]";
    }
}
