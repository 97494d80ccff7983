package dev.parley.xmpp.stream;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Fresh stream ids. They must be unguessable, not merely unique: Server Dialback (XEP-0220) derives
 * its keys from the stream id, and a predictable id helps an attacker forge them (RFC 6120 §4.7.3).
 */
public final class StreamIds {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StreamIds() {
    }

    /** 128 random bits as 32 lowercase hex digits. */
    public static String next() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }
}
