package dev.parley.xmpp.s2s;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Names the S2S sessions of one engine for its administrator, who closes one by it ({@link S2sEngine#closeSession}).
 * A counter makes every id unique while the engine runs; random bits after it make ids hard to guess, so that a
 * made-up id, or one shown before a restart, names no session of this engine.
 */
final class SessionIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AtomicLong issued = new AtomicLong();

    /** A fresh id, e.g. {@code 17-5f0c9a3e1b2d}: the count, then 48 random bits as hex; safe in a URL path. */
    String next() {
        byte[] bits = new byte[6];
        RANDOM.nextBytes(bits);
        return issued.incrementAndGet() + "-" + HexFormat.of().formatHex(bits);
    }
}
