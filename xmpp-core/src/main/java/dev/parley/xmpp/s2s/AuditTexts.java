package dev.parley.xmpp.s2s;

import java.util.Objects;

/**
 * Bounds the texts the engine keeps for administrators and hands to the host's audit trail ({@link FederationEvent},
 * {@link ConnectionFailure}): many come from peers that have proven nothing (a stream header's {@code from}, a stream
 * error's text) and may be as long as a whole stanza, 256 KiB, while a host keeps thousands of them. The federation
 * tester ({@code dev.parley.xmpp.diagnostics}) bounds what peers tell it the same way.
 */
public final class AuditTexts {

    /**
     * The longest text kept of a name that is no domainpart: every DNS name fits (RFC 1035 §2.3.4 allows 255 octets),
     * so a peer's typo stays readable, while junk cannot grow an audit record.
     */
    public static final int DOMAIN = 255;
    /** Enough for a reason with a peer's stream error text; the rest of such a text adds nothing an administrator needs. */
    public static final int DETAIL = 1024;
    /** {@code [IPv6 with a zone]:port} fits with room to spare. */
    public static final int ADDRESS = 64;
    /** Ends a text that was cut, so that nobody mistakes the rest for the whole. */
    private static final String CUT = "…";

    private AuditTexts() {
    }

    /**
     * {@code domain} as it is when it is a domainpart in canonical form (at most 1023 bytes, RFC 7622 §3.2), or when it
     * is short anyway; otherwise its first characters, at most {@link #DOMAIN} with the cut marked. A cut name is no
     * domainpart either, so it never reads as a domain that exists.
     */
    static String domain(String domain) {
        return domain.length() <= DOMAIN || Domains.isCanonical(domain) ? domain : cut(domain, DOMAIN);
    }

    /**
     * What went wrong, for an administrator: the failure's message, or its kind when it has none (many of the JDK's
     * network exceptions have none), bounded like a peer's text, which it may quote.
     */
    public static String failure(Throwable failure) {
        return cut(Objects.toString(failure.getMessage(), failure.getClass().getSimpleName()), DETAIL);
    }

    /**
     * {@code text} when it has at most {@code max} characters, otherwise its beginning and "…" in {@code max}
     * characters; a surrogate pair is never split, which would leave a character that no XML, UTF-8 or database takes.
     */
    public static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
    }
}
