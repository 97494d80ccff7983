package dev.parley.xmpp.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waits for a resolver's future, bounded, so that a hanging resolver fails the test instead of stalling it. */
final class ResolutionOutcomes {

    private static final long BOUND_SECONDS = 10;

    private ResolutionOutcomes() {
    }

    static <T> T resultOf(CompletableFuture<T> future) throws InterruptedException {
        try {
            return future.get(BOUND_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("resolution failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("resolution did not complete within " + BOUND_SECONDS + " s", e);
        }
    }

    static S2sResolutionException failureOf(CompletableFuture<?> future) throws InterruptedException {
        try {
            Object result = future.get(BOUND_SECONDS, TimeUnit.SECONDS);
            return fail("resolution should have failed, but gave " + result);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(S2sResolutionException.class);
            return (S2sResolutionException) e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("resolution did not complete within " + BOUND_SECONDS + " s", e);
        }
    }
}
