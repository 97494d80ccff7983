package dev.parley.connector.ra;

import jakarta.resource.spi.UnavailableException;
import jakarta.resource.spi.endpoint.MessageEndpoint;
import jakarta.resource.spi.endpoint.MessageEndpointFactory;
import dev.parley.connector.api.FederationListener;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A bounded queue of items for the message endpoint, delivered one at a time and in order by at
 * most one worker. An item leaves the queue only once the endpoint took it, or after
 * {@link #ATTEMPTS} failed calls, when it goes to {@code givingUp}; while no endpoint is active
 * (before the MDB is deployed, while it is redeployed) items wait. Whichever way an item leaves,
 * {@code leaving} hears of it last, once it was delivered, given up or refused.
 */
final class Lane<T> {

    private static final System.Logger LOG = System.getLogger(Lane.class.getName());
    static final int ATTEMPTS = 3;

    private final String name;
    private final BlockingDeque<T> queue;
    private final Executor executor;
    private final Supplier<MessageEndpointFactory> endpoints;
    private final BiConsumer<FederationListener, T> call;
    private final Consumer<T> givingUp;
    private final Consumer<T> leaving;
    private final Duration retryPause;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** The item the worker is handing to the endpoint; guarded by {@code queue}. */
    private T inFlight;

    /**
     * @param givingUp what happens to an item the endpoint failed on {@link #ATTEMPTS} times
     * @param leaving  told of every item that leaves the queue, however it leaves, after the rest
     */
    Lane(String name, int capacity, Executor executor, Supplier<MessageEndpointFactory> endpoints,
         BiConsumer<FederationListener, T> call, Consumer<T> givingUp, Consumer<T> leaving, Duration retryPause) {
        this.name = name;
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.executor = executor;
        this.endpoints = endpoints;
        this.call = call;
        this.givingUp = givingUp;
        this.leaving = leaving;
        this.retryPause = retryPause;
    }

    /** Queues {@code item}; false when the lane is full. */
    boolean offer(T item) {
        if (!queue.offerLast(item)) {
            return false;
        }
        kick();
        return true;
    }

    /** Starts a worker if there is work, an endpoint, and no worker yet. */
    void kick() {
        if (queue.isEmpty() || endpoints.get() == null || !scheduled.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            // The items stay queued; the next offer or activation tries again.
            scheduled.set(false);
            LOG.log(Level.WARNING, "The " + name + " lane could not get a worker thread; " + queue.size()
                    + " item(s) wait", e);
        }
    }

    /**
     * Takes everything still queued, for the adapter's shutdown, and hands each item to
     * {@code refusing}; returns how many there were. An item the worker is handing to the endpoint
     * right now stays the worker's: it must end up either delivered or refused, never both and
     * never neither.
     */
    int removeAll(Consumer<T> refusing) {
        List<T> left = new ArrayList<>();
        synchronized (queue) {
            queue.drainTo(left);
            if (inFlight != null && !left.isEmpty() && left.get(0) == inFlight) {
                queue.offerFirst(left.remove(0));
            }
        }
        left.forEach(item -> {
            refusing.accept(item);
            leaving.accept(item);
        });
        return left.size();
    }

    int size() {
        return queue.size();
    }

    /** Whether the worker is handing an item to the endpoint right now. */
    boolean delivering() {
        synchronized (queue) {
            return inFlight != null;
        }
    }

    private void drain() {
        try {
            while (true) {
                T item;
                synchronized (queue) {
                    item = queue.peekFirst();
                    inFlight = item;
                }
                if (item == null) {
                    return;
                }
                Outcome outcome = deliver(item);
                synchronized (queue) {
                    inFlight = null;
                    if (outcome == Outcome.NO_ENDPOINT) {
                        return;
                    }
                    // The item is still the head: only this worker takes items off the front.
                    queue.pollFirst();
                }
                if (outcome == Outcome.FAILED) {
                    givingUp.accept(item);
                }
                leaving.accept(item);
            }
        } finally {
            scheduled.set(false);
            // An item offered between the last poll and the flag being cleared found the flag set.
            kick();
        }
    }

    private enum Outcome { DELIVERED, FAILED, NO_ENDPOINT }

    private Outcome deliver(T item) {
        for (int attempt = 1; ; attempt++) {
            MessageEndpointFactory factory = endpoints.get();
            if (factory == null) {
                return Outcome.NO_ENDPOINT;
            }
            try {
                MessageEndpoint endpoint = factory.createEndpoint(null);
                try {
                    call.accept((FederationListener) endpoint, item);
                } finally {
                    release(endpoint);
                }
                return Outcome.DELIVERED;
            } catch (UnavailableException e) {
                // The endpoint is going away (undeploy) or not ready: the item waits, and the lane
                // looks again after a pause rather than spinning until the successor is activated.
                LOG.log(Level.DEBUG, "The {0} endpoint is unavailable: {1}", name, e.getMessage());
                pause();
                return Outcome.NO_ENDPOINT;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS) {
                    LOG.log(Level.WARNING, "The application failed " + ATTEMPTS + " times on an item of the " + name
                            + " lane; giving it up", e);
                    return Outcome.FAILED;
                }
                LOG.log(Level.DEBUG, "The application failed on an item of the {0} lane (attempt {1}): {2}",
                        name, attempt, e.toString());
                if (!pause()) {
                    return Outcome.NO_ENDPOINT;
                }
            }
        }
    }

    /** Gives the endpoint back; a failure then must not count against an item the application took. */
    private void release(MessageEndpoint endpoint) {
        try {
            endpoint.release();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Releasing a message endpoint of the " + name + " lane failed", e);
        }
    }

    private boolean pause() {
        try {
            Thread.sleep(retryPause.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
