package dev.parley.xmpp.dialback;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Dialback keys as XEP-0185 recommends:
 * {@code hex(HMAC-SHA256(hex(SHA-256(secret)), receiving + ' ' + originating + ' ' + streamId))}.
 * The HMAC key is the hex <em>text</em> of the secret's digest, as in the XEP's example; reading it
 * as raw digest bytes gives keys no other server can verify.
 *
 * <p>One instance per engine: the secret never leaves it, so only this server can produce keys that
 * it later confirms as authoritative server.
 */
public final class DialbackKeys {

    private static final HexFormat HEX = HexFormat.of();
    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec hmacKey;

    /** Keys derived from {@code secret}; engines of one cluster share it so any of them can verify. */
    public DialbackKeys(String secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.isEmpty()) {
            throw new IllegalArgumentException("the dialback secret must not be empty");
        }
        this.hmacKey = new SecretKeySpec(HEX.formatHex(sha256(secret)).getBytes(StandardCharsets.US_ASCII), HMAC);
    }

    /** Keys from 32 fresh random bytes: valid while this engine runs, which is all dialback needs. */
    public static DialbackKeys random() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return new DialbackKeys(HEX.formatHex(secret));
    }

    /** The key that proves {@code originating} opened stream {@code streamId} to {@code receiving}. */
    public String key(String receiving, String originating, String streamId) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(hmacKey);
            byte[] digest = mac.doFinal((receiving + ' ' + originating + ' ' + streamId).getBytes(StandardCharsets.UTF_8));
            return HEX.formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }

    /** Whether {@code key} is the one {@link #key} gives; compared in constant time, so timing tells nothing. */
    public boolean matches(String key, String receiving, String originating, String streamId) {
        byte[] expected = key(receiving, originating, streamId).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, key.trim().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
