package dev.parley.xmpp.jid;

import rocks.xmpp.precis.PrecisProfile;
import rocks.xmpp.precis.PrecisProfiles;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * An XMPP address, {@code [localpart@]domainpart[/resourcepart]} (RFC 7622), always in canonical form: the
 * localpart enforced by the PRECIS UsernameCaseMapped profile (RFC 8265 §3.3, so case and width fold), the
 * resourcepart by OpaqueString (RFC 8265 §4.2, kept as written apart from spaces and normalisation), the domainpart
 * as lower-case A-labels without a trailing dot, or an IP literal. Two spellings of one address are therefore
 * {@link #equals equal}, and the constructor refuses what RFC 7622 does not allow with an {@link InvalidJidException}.
 *
 * @param localpart    the account at the domain, if any
 * @param domainpart   the domain (or IP literal) that routing and DNS use
 * @param resourcepart the session or occupant, if any
 */
public record Jid(Optional<String> localpart, String domainpart, Optional<String> resourcepart) {

    /** RFC 7622 §3.1: no part may exceed 1023 bytes in UTF-8. */
    public static final int MAX_PART_BYTES = 1023;
    /** RFC 7622 §3.3.1 keeps these out of localparts, beyond what the PRECIS profile refuses. */
    private static final String FORBIDDEN_IN_LOCALPART = "\"&'/:<>@";

    /**
     * @throws InvalidJidException naming the part and the rule it breaks
     */
    public Jid {
        Objects.requireNonNull(localpart, "localpart");
        Objects.requireNonNull(domainpart, "domainpart");
        Objects.requireNonNull(resourcepart, "resourcepart");
        localpart = localpart.map(Jid::enforceLocalpart);
        domainpart = Domainparts.canonical(domainpart);
        resourcepart = resourcepart.map(Jid::enforceResourcepart);
    }

    /**
     * The JID {@code text} spells, split as RFC 7622 §3.1 says: the resourcepart is everything after the first
     * '/', then the localpart everything before the first '@' (so a resourcepart may contain both).
     *
     * @throws InvalidJidException naming the part and the rule it breaks, e.g. for {@code "@example.com"}
     */
    public static Jid parse(String text) {
        Objects.requireNonNull(text, "text");
        int slash = text.indexOf('/');
        String bare = slash < 0 ? text : text.substring(0, slash);
        Optional<String> resourcepart = slash < 0 ? Optional.empty() : Optional.of(text.substring(slash + 1));
        int at = bare.indexOf('@');
        Optional<String> localpart = at < 0 ? Optional.empty() : Optional.of(bare.substring(0, at));
        return new Jid(localpart, bare.substring(at + 1), resourcepart);
    }

    /** The JID of a domain alone, e.g. a server's. */
    public static Jid ofDomain(String domainpart) {
        return new Jid(Optional.empty(), domainpart, Optional.empty());
    }

    /**
     * {@code localpart} as a JID's localpart is compared and written: case-mapped and checked by RFC 7622 §3.3, e.g.
     * a user name before it is stored.
     *
     * @throws InvalidJidException naming the rule it breaks
     */
    public static String canonicalLocalpart(String localpart) {
        Objects.requireNonNull(localpart, "localpart");
        return enforceLocalpart(localpart);
    }

    /** This JID without its resourcepart. */
    public Jid asBareJid() {
        return new Jid(localpart, domainpart, Optional.empty());
    }

    /** The JID of this JID's domain. */
    public Jid domain() {
        return ofDomain(domainpart);
    }

    /**
     * The canonical text, with the domainpart in A-labels: what is compared, routed and stored, and what DNS is asked
     * about. Not what goes on the wire for an internationalized domain ({@link #toDisplayString()}).
     */
    @Override
    public String toString() {
        return text(domainpart);
    }

    /**
     * The text for people, and for the wire: as {@link #toString()}, but the domainpart in U-labels where it has any.
     * RFC 7622 §3.2 has XMPP addresses carry U-labels, A-labels being for DNS and certificates; servers such as
     * Prosody and ejabberd serving {@code bücher.test} do not know {@code xn--bcher-kva.test}.
     */
    public String toDisplayString() {
        return text(Domainparts.unicode(domainpart));
    }

    /**
     * {@code address}, a JID or a domain, as XMPP addresses carry it on the wire ({@link #toDisplayString()}); text
     * that is no valid JID is returned as it is, for whoever checks it to refuse.
     */
    public static String onTheWire(String address) {
        if (!Domainparts.mayHoldALabel(address)) {
            return address;
        }
        try {
            return parse(address).toDisplayString();
        } catch (InvalidJidException e) {
            return address;
        }
    }

    private String text(String domain) {
        return localpart.map(local -> local + "@").orElse("") + domain + resourcepart.map(resource -> "/" + resource)
                .orElse("");
    }

    private static String enforceLocalpart(String localpart) {
        // Printable ASCII is all IdentifierClass-valid and only case-maps: the same result as the profile, without it.
        String enforced = isAsciiBetween(localpart, '!', '~') && localpart.length() <= MAX_PART_BYTES
                ? localpart.toLowerCase(Locale.ROOT)
                : enforce(JidPart.LOCALPART, localpart, PrecisProfiles.USERNAME_CASE_MAPPED,
                        "the PRECIS UsernameCaseMapped profile (RFC 8265 §3.3, required by RFC 7622 §3.3)");
        enforced.codePoints().filter(codePoint -> FORBIDDEN_IN_LOCALPART.indexOf(codePoint) >= 0).findFirst()
                .ifPresent(forbidden -> {
                    throw new InvalidJidException(JidPart.LOCALPART, localpart, "contains '" + (char) forbidden
                            + "', which RFC 7622 §3.3.1 does not allow in a localpart");
                });
        return enforced;
    }

    private static String enforceResourcepart(String resourcepart) {
        // OpaqueString leaves printable ASCII (space included) as it is.
        if (isAsciiBetween(resourcepart, ' ', '~') && resourcepart.length() <= MAX_PART_BYTES) {
            return resourcepart;
        }
        return enforce(JidPart.RESOURCEPART, resourcepart, PrecisProfiles.OPAQUE_STRING,
                "the PRECIS OpaqueString profile (RFC 8265 §4.2, required by RFC 7622 §3.4)");
    }

    /**
     * Whether {@code value} is non-empty and all ASCII within [{@code lowest}, {@code highest}]: the common case on
     * the wire, where the PRECIS profiles are costly no-ops (parts are enforced on every stanza).
     */
    private static boolean isAsciiBetween(String value, char lowest, char highest) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < lowest || c > highest) {
                return false;
            }
        }
        return true;
    }

    private static String enforce(JidPart part, String value, PrecisProfile profile, String profileName) {
        if (value.isEmpty()) {
            throw new InvalidJidException(part, value, "is empty; RFC 7622 §3.1 requires the " + part.label()
                    + " to be left out together with its separator instead");
        }
        String enforced;
        try {
            enforced = profile.enforce(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidJidException(part, value, "is refused by " + profileName + ": " + e.getMessage());
        }
        int bytes = enforced.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_PART_BYTES) {
            throw new InvalidJidException(part, value, "is " + bytes + " bytes long; RFC 7622 §3.1 allows at most "
                    + MAX_PART_BYTES);
        }
        return enforced;
    }
}
