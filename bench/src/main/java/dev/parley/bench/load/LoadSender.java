package dev.parley.bench.load;

import dev.parley.bench.delivery.BodyStamp;
import dev.parley.it.peers.wire.DialbackStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes one run's stanzas over an authenticated stream. At full speed each stanza is stamped when written; at a
 * fixed pace it is stamped with the time it was due, so that a target that falls behind shows its backlog in the
 * latencies instead of slowing the sender down unnoticed (coordinated omission).
 */
public final class LoadSender {

    /** How often the full-speed loop looks at the clock and the stream's health. */
    private static final int CHECK_EVERY = 1024;

    private final DialbackStream stream;
    private final MessageStanzas stanzas;

    public LoadSender(DialbackStream stream, MessageStanzas stanzas) {
        this.stream = stream;
        this.stanzas = stanzas;
    }

    /** Sends up to {@code count} stanzas, numbered from 0, and stops early when {@code limit} has passed. */
    public SendResult send(long count, Pace pace, Duration limit) throws IOException {
        OutputStream out = stream.out();
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long sent = pace.isFull() ? full(out, count, deadline) : paced(out, count, pace.perSecond(), start, deadline);
        out.flush();
        long end = System.nanoTime();
        failIfRefused();
        return new SendResult(sent, start, end);
    }

    private long full(OutputStream out, long count, long deadline) throws IOException {
        for (long sequence = 0; sequence < count; sequence++) {
            if (sequence % CHECK_EVERY == 0 && (System.nanoTime() > deadline || stream.failure().isPresent())) {
                return sequence;
            }
            out.write(stanzas.encode(new BodyStamp(sequence, System.nanoTime())));
        }
        return count;
    }

    private long paced(OutputStream out, long count, long perSecond, long start, long deadline) throws IOException {
        double interval = 1e9 / perSecond;
        long sequence = 0;
        while (sequence < count) {
            long now = System.nanoTime();
            if (now > deadline || stream.failure().isPresent()) {
                return sequence;
            }
            long due = Math.min(count, (long) ((now - start) / interval) + 1);
            for (; sequence < due; sequence++) {
                // a target far behind makes this catch-up long: the limit must hold inside it too
                if (sequence % CHECK_EVERY == 0 && System.nanoTime() > deadline) {
                    return sequence;
                }
                out.write(stanzas.encode(new BodyStamp(sequence, start + (long) (sequence * interval))));
            }
            out.flush();
            LockSupport.parkNanos((long) interval);
        }
        return sequence;
    }

    private void failIfRefused() throws IOException {
        if (stream.failure().isPresent()) {
            throw new IOException("the target ended the load stream: " + stream.failure().get());
        }
    }
}
