package dev.parley.xmpp.s2s;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;

import java.util.Locale;

/**
 * Domain names in the one form the engine compares and stores them in, whatever a peer or the host wrote: the
 * canonical domainpart of {@link Jid} (lower-case A-labels, no trailing dot), so that {@code Prosody.TEST} and
 * {@code prosody.test}, or a U-label name and its A-label, are one domain.
 */
final class Domains {

    private Domains() {
    }

    /**
     * The canonical form of {@code domain}. Names that are no valid domainpart come from peers (stream headers,
     * dialback) where refusing is another handler's job, so they are only lower-cased: they can never equal a valid
     * canonical name, which is all A-labels or an IP literal, and so never match a local or authenticated domain.
     */
    static String canonical(String domain) {
        try {
            return Jid.ofDomain(domain).domainpart();
        } catch (InvalidJidException e) {
            return domain.toLowerCase(Locale.ROOT);
        }
    }

    /** Whether {@code name} is a valid domainpart in the canonical form, as {@link #canonical} makes valid names. */
    static boolean isCanonical(String name) {
        if (name.length() > Jid.MAX_PART_BYTES) {
            // A canonical domainpart is ASCII, so longer is never one; spares the IDNA work on the longest texts peers send.
            return false;
        }
        try {
            return Jid.ofDomain(name).domainpart().equals(name);
        } catch (InvalidJidException e) {
            return false;
        }
    }
}
