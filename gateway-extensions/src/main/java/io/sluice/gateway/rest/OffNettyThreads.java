package io.sluice.gateway.rest;

import io.sluice.gateway.auth.Credentials;
import io.sluice.gateway.auth.RequestCredentials;
import io.sluice.gateway.errors.ClientError;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * Runs a handler's work on a worker thread instead of one of the REST endpoint's few Netty threads, which every
 * request of every session shares: work that can wait (for a session's previous statement, for catalog-service)
 * must not stall them. The request's credentials live on the Netty thread; the worker carries them over for the
 * governed service's owner checks.
 */
public final class OffNettyThreads {

    private OffNettyThreads() {}

    public static <T> CompletableFuture<T> supply(Supplier<T> work, ExecutorService workers) {
        Credentials credentials = RequestCredentials.current().orElse(null);
        try {
            return CompletableFuture.supplyAsync(
                    () -> {
                        RequestCredentials.set(credentials);
                        try {
                            return work.get();
                        } finally {
                            RequestCredentials.clear();
                        }
                    },
                    workers);
        } catch (RejectedExecutionException full) {
            return CompletableFuture.failedFuture(
                    ClientError.busy("the gateway is serving too many requests at once; try again shortly."));
        }
    }
}
