package dev.parley.bench.load;

/**
 * How fast to send: as fast as the target takes the stream ({@link #FULL}), or a fixed number of stanzas per second.
 *
 * @param perSecond the fixed rate, 0 for full speed
 */
public record Pace(long perSecond) {

    public static final Pace FULL = new Pace(0);

    public Pace {
        if (perSecond < 0) {
            throw new IllegalArgumentException("a rate cannot be negative: " + perSecond);
        }
    }

    public static Pace perSecond(long rate) {
        if (rate < 1) {
            throw new IllegalArgumentException("a fixed pace needs at least 1 stanza/s, not " + rate);
        }
        return new Pace(rate);
    }

    public boolean isFull() {
        return perSecond == 0;
    }

    @Override
    public String toString() {
        return isFull() ? "full" : perSecond + "/s";
    }
}
