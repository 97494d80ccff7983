package dev.parley.xmpp.component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * The component handshake of XEP-0114 §3: the lowercase hex SHA-1 of the stream id the host sent followed by the
 * shared secret. SHA-1 is what the protocol prescribes (every component host checks exactly that); the secret itself
 * never travels, and the id is fresh random for every stream, so a recorded handshake does not open another.
 */
public final class Handshake {

    private Handshake() {
    }

    /** The handshake value a component sends for {@code streamId}. */
    public static String digest(String streamId, ComponentSecret secret) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(streamId.getBytes(StandardCharsets.UTF_8));
            sha1.update(secret.value().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha1.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-1", e);
        }
    }

    /**
     * Whether {@code received} is the right handshake for {@code streamId}, compared in constant time so that the
     * time to refuse tells nothing about how much of it was right. Hex digits are compared case-insensitively, as
     * some components send uppercase.
     */
    public static boolean verify(String streamId, ComponentSecret secret, String received) {
        byte[] expected = digest(streamId, secret).getBytes(StandardCharsets.US_ASCII);
        byte[] given = received.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(expected, given);
    }
}
