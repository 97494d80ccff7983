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
 * A bounded queue of items for the message endpoint, delivered in order by at most one worker, up
 * to {@code batch} at a time in one call (one transaction of the MDB: all or none of them; one
 * commit is what a stanza costs most). An item leaves the queue only once the endpoint took it, or
 * after {@link #ATTEMPTS} failed calls, when it goes to {@code givingUp}; a batch the endpoint
 * fails on is offered again item by item, so that one bad item costs only itself. While no
 * endpoint is active (before the MDB is deployed, while it is redeployed) items wait. Whichever way
 * an item leaves, {@code leaving} hears of it last, once it was delivered, given up or refused.
 */
final class Lane<T> {

    private static final System.Logger LOG = System.getLogger(Lane.class.getName());
    static final int ATTEMPTS = 3;

    private final String name;
    private final BlockingDeque<T> queue;
    private final int batch;
    private final Executor executor;
    private final Supplier<MessageEndpointFactory> endpoints;
    private final BiConsumer<FederationListener, List<T>> call;
    private final Consumer<T> givingUp;
    private final Consumer<T> leaving;
    private final Duration retryPause;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** How many items at the head the worker is handing to the endpoint; guarded by {@code queue}. */
    private int inFlight;

    /**
     * @param batch    the most items handed over in one call
     * @param givingUp what happens to an item the endpoint failed on {@link #ATTEMPTS} times
     * @param leaving  told of every item that leaves the queue, however it leaves, after the rest
     */
    Lane(String name, int capacity, int batch, Executor executor, Supplier<MessageEndpointFactory> endpoints,
         BiConsumer<FederationListener, List<T>> call, Consumer<T> givingUp, Consumer<T> leaving,
         Duration retryPause) {
        this.name = name;
        this.queue = new LinkedBlockingDeque<>(capacity);
        this.batch = batch;
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
     * {@code refusing}; returns how many there were. Items the worker is handing to the endpoint
     * right now stay the worker's: each must end up either delivered or refused, never both and
     * never neither.
     */
    int removeAll(Consumer<T> refusing) {
        List<T> left = new ArrayList<>();
        synchronized (queue) {
            queue.drainTo(left);
            List<T> worked = left.subList(0, Math.min(inFlight, left.size()));
            for (int i = worked.size() - 1; i >= 0; i--) {
                queue.offerFirst(worked.get(i));
            }
            worked.clear();
        }
        left.forEach(item -> leave(item, refusing));
        return left.size();
    }

    int size() {
        return queue.size();
    }

    /** Whether the worker is handing items to the endpoint right now. */
    boolean delivering() {
        synchronized (queue) {
            return inFlight > 0;
        }
    }

    private void drain() {
        try {
            while (true) {
                List<T> items = head(batch);
                if (items.isEmpty()) {
                    return;
                }
                Outcome outcome = deliver(items, items.size() > 1 ? 1 : ATTEMPTS);
                if (outcome == Outcome.FAILED && items.size() > 1) {
                    if (!oneByOne(items.size())) {
                        return;
                    }
                } else if (!settle(items, outcome)) {
                    return;
                }
            }
        } finally {
            synchronized (queue) {
                inFlight = 0;
            }
            scheduled.set(false);
            // An item offered between the last poll and the flag being cleared found the flag set.
            kick();
        }
    }

    /** Offers the first {@code count} items again, each alone; false when the endpoint went away meanwhile. */
    private boolean oneByOne(int count) {
        for (int i = 0; i < count; i++) {
            List<T> item = head(1);
            if (item.isEmpty()) {
                return true; // refused meanwhile, at shutdown
            }
            if (!settle(item, deliver(item, ATTEMPTS))) {
                return false;
            }
        }
        return true;
    }

    /** The first {@code most} items, left at the head and marked in flight. */
    private List<T> head(int most) {
        synchronized (queue) {
            List<T> items = new ArrayList<>(Math.min(most, queue.size()));
            for (T item : queue) {
                if (items.size() == most) {
                    break;
                }
                items.add(item);
            }
            inFlight = items.size();
            return items;
        }
    }

    /** Takes the delivered or failed items off the head; false, leaving them queued, when no endpoint took them. */
    private boolean settle(List<T> items, Outcome outcome) {
        synchronized (queue) {
            inFlight = 0;
            if (outcome == Outcome.NO_ENDPOINT) {
                return false;
            }
            // The items are still the head: only this worker takes items off the front.
            items.forEach(item -> queue.pollFirst());
        }
        Consumer<T> first = outcome == Outcome.FAILED ? givingUp : delivered -> { };
        items.forEach(item -> leave(item, first));
        return true;
    }

    /**
     * {@code first} (giving up, refusing) and then {@code leaving} for an item off the queue: one that throws must
     * skip neither the other nor the items after, or what {@code leaving} keeps count of would never be settled.
     */
    private void leave(T item, Consumer<T> first) {
        tell(first, item);
        tell(leaving, item);
    }

    private void tell(Consumer<T> whom, T item) {
        try {
            whom.accept(item);
        } catch (RuntimeException e) {
            LOG.log(Level.ERROR, "Settling an item that left the " + name + " lane failed", e);
        }
    }

    private enum Outcome { DELIVERED, FAILED, NO_ENDPOINT }

    private Outcome deliver(List<T> items, int attempts) {
        for (int attempt = 1; ; attempt++) {
            MessageEndpointFactory factory = endpoints.get();
            if (factory == null) {
                return Outcome.NO_ENDPOINT;
            }
            try {
                MessageEndpoint endpoint = factory.createEndpoint(null);
                try {
                    call.accept((FederationListener) endpoint, items);
                } finally {
                    release(endpoint);
                }
                return Outcome.DELIVERED;
            } catch (UnavailableException e) {
                // The endpoint is going away (undeploy) or not ready: the items wait, and the lane
                // looks again after a pause rather than spinning until the successor is activated.
                LOG.log(Level.DEBUG, "The {0} endpoint is unavailable: {1}", name, e.getMessage());
                pause();
                return Outcome.NO_ENDPOINT;
            } catch (RuntimeException e) {
                if (attempt >= attempts) {
                    if (items.size() == 1) {
                        LOG.log(Level.WARNING, "The application failed " + attempts + " times on an item of the "
                                + name + " lane; giving it up", e);
                    } else {
                        LOG.log(Level.DEBUG, "The application failed on {0} items of the {1} lane together; offering"
                                + " them one by one: {2}", items.size(), name, e.toString());
                    }
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
