package dev.parley.domain.model.authorization;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.net.IpAddressLiteral;
import java.util.Comparator;
import java.util.Objects;

/**
 * What a domain authorization covers: one domain exactly ({@code example.com}), or every subdomain of one at any
 * depth ({@code *.example.com} covers {@code sub.example.com} and {@code a.b.example.com}, but not
 * {@code example.com} itself). The domain is kept canonical, as JIDs carry it: lower-case A-labels without a trailing
 * dot, so {@code *.Bücher.example} and {@code *.xn--bcher-kva.example} are the same pattern.
 *
 * @param domain   the canonical domain, without the {@code *.} of a wildcard
 * @param wildcard whether the pattern covers the subdomains of {@code domain} rather than {@code domain} itself
 */
public record DomainPattern(String domain, boolean wildcard) {

    /** The longest name DNS can resolve (RFC 1035 §2.3.4, in text form): a longer one can never federate. */
    public static final int MAX_DOMAIN_LENGTH = 253;
    /** The longest pattern text: {@code *.} and the longest domain. */
    public static final int MAX_TEXT_LENGTH = MAX_DOMAIN_LENGTH + 2;
    private static final String WILDCARD_PREFIX = "*.";
    private static final int SHOWN_CHARACTERS = 80;

    /** For lists people read: by domain, each domain's exact pattern before its wildcard. */
    public static final Comparator<DomainPattern> DISPLAY_ORDER =
            Comparator.comparing(DomainPattern::domain).thenComparing(DomainPattern::wildcard);

    /**
     * Canonicalises {@code domain} as {@link #parse} does.
     *
     * @throws IllegalArgumentException when {@code domain} is no domain name, with the message {@link #parse} gives
     */
    public DomainPattern {
        Objects.requireNonNull(domain, "domain");
        domain = canonicalDomain(wildcard ? WILDCARD_PREFIX + domain.strip() : domain.strip(), domain.strip());
    }

    /** The pattern for exactly {@code domain}, canonicalised. */
    public static DomainPattern exact(String domain) {
        return new DomainPattern(domain, false);
    }

    /**
     * The pattern {@code text} spells, canonicalised: a domain, or {@code *.} and a domain. Surrounding white space
     * is ignored; internationalized names may be given in U-labels or A-labels.
     *
     * @throws IllegalArgumentException with a message for the administrator that says what is wrong, starting with
     *                                  "pattern"
     */
    public static DomainPattern parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException(
                    "pattern is required: a domain such as example.com, or *.example.com for its subdomains");
        }
        String trimmed = text.strip();
        boolean wildcard = trimmed.startsWith(WILDCARD_PREFIX);
        return new DomainPattern(wildcard ? trimmed.substring(WILDCARD_PREFIX.length()) : trimmed, wildcard);
    }

    /** The canonical form of {@code name}, the domain of the pattern {@code text}, or why there is none. */
    private static String canonicalDomain(String text, String name) {
        if (text.equals("*")) {
            throw new IllegalArgumentException("pattern '*' would cover every domain; name a domain, or"
                    + " *.example.com for the subdomains of one");
        }
        if (name.indexOf('*') >= 0) {
            throw new IllegalArgumentException("pattern " + shown(text) + " may hold '*' only as its whole first"
                    + " label, as in *.example.com");
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException(text.startsWith(WILDCARD_PREFIX)
                    ? "pattern " + shown(text) + " needs a domain after '*.', as in *.example.com"
                    : "pattern is required: a domain such as example.com, or *.example.com for its subdomains");
        }
        if (isIpAddress(name)) {
            throw new IllegalArgumentException("pattern " + shown(text) + " is an IP address; domain"
                    + " authorizations name domains");
        }
        String canonical;
        try {
            canonical = Jid.ofDomain(name).domainpart();
        } catch (InvalidJidException e) {
            throw new IllegalArgumentException("pattern " + shown(text) + " is not a valid domain: " + e.rule(), e);
        }
        if (canonical.startsWith("[") || isIpAddress(canonical)) {
            throw new IllegalArgumentException("pattern " + shown(text) + " is an IP address; domain"
                    + " authorizations name domains");
        }
        if (canonical.length() > MAX_DOMAIN_LENGTH) {
            throw new IllegalArgumentException("pattern " + shown(text) + " names a domain of " + canonical.length()
                    + " characters; DNS names have at most " + MAX_DOMAIN_LENGTH);
        }
        String lastLabel = canonical.substring(canonical.lastIndexOf('.') + 1);
        if (lastLabel.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("pattern " + shown(text) + " is not a domain name: its last label '"
                    + lastLabel + "' is all digits");
        }
        return canonical;
    }

    /** The canonical text, {@code example.com} or {@code *.example.com}: what is stored and compared. */
    public String text() {
        return wildcard ? WILDCARD_PREFIX + domain : domain;
    }

    /** The text for people: as {@link #text()}, with internationalized labels in their Unicode form. */
    public String displayText() {
        String display = Jid.ofDomain(domain).toDisplayString();
        return wildcard ? WILDCARD_PREFIX + display : display;
    }

    @Override
    public String toString() {
        return text();
    }

    private static boolean isIpAddress(String text) {
        try {
            IpAddressLiteral.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shown(String text) {
        return "'" + (text.length() <= SHOWN_CHARACTERS ? text : text.substring(0, SHOWN_CHARACTERS) + "…") + "'";
    }
}
