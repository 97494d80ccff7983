package dev.parley.domain.model.certificate;

import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.net.IpAddressLiteral;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The DNS names a generated request or self-signed certificate is for, canonical (lower-case A-labels, as peers
 * compare them), without repeats, the first one also its subject's common name. One of them must cover this server's
 * XMPP domain: a certificate without it is refused by every peer that checks certificates.
 *
 * @param names at least one; {@code *.example.com} for every subdomain of example.com
 */
public record RequestedNames(List<String> names) {

    /** More names than any CA signs in one certificate. */
    public static final int MAX_NAMES = 100;
    /** The longest name DNS can resolve (RFC 1035 §2.3.4, in text form). */
    public static final int MAX_NAME_LENGTH = 253;
    /** X.520's upper bound for a common name, which the first name becomes. */
    public static final int MAX_COMMON_NAME_LENGTH = 64;
    private static final String WILDCARD_PREFIX = "*.";

    public RequestedNames {
        names = List.copyOf(names);
        if (names.isEmpty()) {
            throw new IllegalArgumentException("no DNS name");
        }
    }

    /**
     * The names as given (one an entry, blank entries ignored), checked and canonical.
     *
     * @param localDomain this server's XMPP domain, canonical
     * @throws InvalidCertificateException with every name that is not a DNS name, or when none covers the domain
     */
    public static RequestedNames of(List<String> given, String localDomain) throws InvalidCertificateException {
        List<String> problems = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (String entry : given) {
            String name = entry == null ? "" : entry.strip();
            if (!name.isEmpty()) {
                canonical(name, problems).ifPresent(names::add);
            }
        }
        if (!names.isEmpty() && names.iterator().next().length() > MAX_COMMON_NAME_LENGTH) {
            problems.add("the first DNS name becomes the subject's common name, which holds at most "
                    + MAX_COMMON_NAME_LENGTH + " characters: put a shorter name first");
        }
        if (names.size() > MAX_NAMES) {
            problems.add(names.size() + " DNS names are more than a certificate should hold (at most " + MAX_NAMES + ")");
        }
        if (problems.isEmpty() && !CertificateRules.namesCover(List.copyOf(names), localDomain)) {
            problems.add(names.isEmpty() ? "give the DNS names the certificate is for, at least " + localDomain
                    : "none of the DNS names covers " + localDomain + ", this server's XMPP domain: peers would refuse"
                    + " the certificate; add " + localDomain);
        }
        if (!problems.isEmpty()) {
            throw new InvalidCertificateException(problems);
        }
        return new RequestedNames(List.copyOf(names));
    }

    /** The subject distinguished name: the first name as common name. */
    public String subject() {
        return "CN=" + names.get(0);
    }

    private static Optional<String> canonical(String name, List<String> problems) {
        boolean wildcard = name.startsWith(WILDCARD_PREFIX);
        String domain = wildcard ? name.substring(WILDCARD_PREFIX.length()) : name;
        String shown = "'" + (name.length() <= 80 ? name : name.substring(0, 80) + "…") + "'";
        if (domain.indexOf('*') >= 0) {
            problems.add("DNS name " + shown + " may hold '*' only as its whole first label, as in *.example.com");
            return Optional.empty();
        }
        if (isIpAddress(domain)) {
            problems.add("DNS name " + shown + " is an IP address; XMPP certificates name domains");
            return Optional.empty();
        }
        try {
            String canonical = Jid.ofDomain(domain).domainpart();
            if (isIpAddress(canonical) || canonical.startsWith("[")) {
                problems.add("DNS name " + shown + " is an IP address; XMPP certificates name domains");
                return Optional.empty();
            }
            if (canonical.length() > MAX_NAME_LENGTH) {
                problems.add("DNS name " + shown + " has " + canonical.length() + " characters; DNS names have at most "
                        + MAX_NAME_LENGTH);
                return Optional.empty();
            }
            return Optional.of(wildcard ? WILDCARD_PREFIX + canonical : canonical);
        } catch (InvalidJidException e) {
            problems.add("DNS name " + shown + " is not a valid domain: " + e.rule());
            return Optional.empty();
        }
    }

    private static boolean isIpAddress(String text) {
        try {
            IpAddressLiteral.parse(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
