package dev.parley.bench.delivery;

/**
 * What every load message carries in its body: its sequence number on the stream and the {@link System#nanoTime()}
 * at which it was due to be sent. The body, not attributes, because servers rewrite stanzas on the way to a client
 * and keep the body as it is but not unknown attributes.
 *
 * @param sequence  0, 1, 2 … in sending order within one run
 * @param sentNanos the sender's {@code System.nanoTime()}; comparable across JVMs of one Linux host, where it is
 *                  {@code CLOCK_MONOTONIC}
 */
public record BodyStamp(long sequence, long sentNanos) {

    /** The body text: the stamp, then filler that brings the message to a realistic size. */
    public String toBody(String filler) {
        return sequence + " " + sentNanos + " " + filler;
    }

    /** The stamp at the start of a body, or {@code null} when the body is not one of ours. */
    public static BodyStamp parse(CharSequence body) {
        int firstSpace = indexOf(body, ' ', 0);
        int secondSpace = firstSpace < 0 ? -1 : indexOf(body, ' ', firstSpace + 1);
        if (secondSpace < 0) {
            return null;
        }
        long sequence = digits(body, 0, firstSpace);
        long sent = digits(body, firstSpace + 1, secondSpace);
        return sequence < 0 || sent < 0 ? null : new BodyStamp(sequence, sent);
    }

    private static int indexOf(CharSequence text, char wanted, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** A non-negative decimal, or -1; by hand because this runs for every delivered stanza. */
    private static long digits(CharSequence text, int from, int to) {
        if (from >= to) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
