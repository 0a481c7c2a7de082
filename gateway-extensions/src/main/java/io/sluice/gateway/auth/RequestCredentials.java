package io.sluice.gateway.auth;

import java.util.Optional;

/**
 * The credentials of the REST request being handled on this thread, if its transport carried any (an
 * {@code Authorization} header). Flink's REST handlers call the gateway service on the Netty thread that read
 * the request, without passing its headers on; the endpoint sets this around each handler call.
 */
public final class RequestCredentials {

    private static final ThreadLocal<Credentials> CURRENT = new ThreadLocal<>();

    private RequestCredentials() {}

    public static Optional<Credentials> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    public static void set(Credentials credentials) {
        CURRENT.set(credentials);
    }

    public static void clear() {
        CURRENT.remove();
    }
}
