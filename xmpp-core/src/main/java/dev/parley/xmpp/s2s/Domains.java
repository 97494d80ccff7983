package dev.parley.xmpp.s2s;

import java.util.Locale;

/**
 * The domain part of a JID (RFC 7622 §3.2), compared case-insensitively. Only what routing needs:
 * the full JID type with PRECIS comes with the stanza model.
 */
final class Domains {

    private Domains() {
    }

    /** The domain of {@code jid}, lower-cased; the resource is cut first since it may contain '@'. */
    static String domainOf(String jid) {
        int slash = jid.indexOf('/');
        String bare = slash < 0 ? jid : jid.substring(0, slash);
        int at = bare.indexOf('@');
        return canonical(at < 0 ? bare : bare.substring(at + 1));
    }

    /** A domain name in the form it is compared and stored in: lower case, without a trailing dot. */
    static String canonical(String domain) {
        String lower = domain.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }
}
