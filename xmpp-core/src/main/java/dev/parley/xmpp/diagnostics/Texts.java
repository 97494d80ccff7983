package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.s2s.AuditTexts;

import java.time.Duration;

/** How the tester writes durations, addresses and what peers told it. */
final class Texts {

    private Texts() {
    }

    /** "5 s" for whole seconds (the limits), "43 ms" otherwise (what was measured). */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        return millis > 0 && millis % 1000 == 0 ? duration.toSeconds() + " s" : millis + " ms";
    }

    /**
     * A text a peer or its answer produced (a stream error's text, a handshake's failure), bounded as the engine
     * bounds what it keeps for administrators: a peer that has proven nothing may send 256 KiB of it.
     */
    static String fromPeer(String text) {
        return AuditTexts.cut(text, AuditTexts.DETAIL);
    }

    /** The message of a failure, or its kind when it has none. */
    static String message(Throwable failure) {
        return AuditTexts.failure(failure);
    }
}
