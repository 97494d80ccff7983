package dev.parley.xmpp.tls;

import java.util.Locale;
import java.util.Objects;

/**
 * One identity a certificate presents in its subjectAltName (RFC 9525 §3; RFC 6120 §13.7.1.4).
 *
 * @param type  which kind of identifier
 * @param value as written in the certificate: {@code *.example.com}, {@code _xmpp-server.example.com}, {@code example.com}
 */
public record PresentedIdentifier(Type type, String value) {

    public enum Type {
        /** A dNSName; may be a wildcard in the left-most label. */
        DNS_ID,
        /** An otherName id-on-dnsSRV (RFC 4985), e.g. {@code _xmpp-server.example.com}. */
        SRV_ID,
        /** An otherName id-on-xmppAddr (RFC 6120 §13.7.1.4). */
        XMPP_ADDR
    }

    private static final String XMPP_SERVER_SERVICE = "_xmpp-server.";

    public PresentedIdentifier {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(value, "value");
    }

    /**
     * Whether this identifier names {@code domain} as an XMPP server. Wildcards match exactly one
     * label and only as the whole left-most label (RFC 9525 §6.3): {@code *.example.com} covers
     * {@code a.example.com}, neither {@code example.com} nor {@code a.b.example.com}.
     */
    public boolean matches(String domain) {
        String reference = canonical(domain);
        String presented = canonical(value);
        return switch (type) {
            case XMPP_ADDR -> presented.equals(reference);
            case SRV_ID -> presented.startsWith(XMPP_SERVER_SERVICE)
                    && presented.substring(XMPP_SERVER_SERVICE.length()).equals(reference);
            case DNS_ID -> presented.startsWith("*.") ? wildcardMatches(presented.substring(2), reference)
                    : presented.equals(reference);
        };
    }

    private static boolean wildcardMatches(String parent, String reference) {
        int firstDot = reference.indexOf('.');
        // The parent must itself have at least two labels, so "*.com" never covers a whole TLD.
        return firstDot > 0 && parent.contains(".") && !parent.contains("*")
                && reference.substring(firstDot + 1).equals(parent);
    }

    private static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    @Override
    public String toString() {
        return switch (type) {
            case DNS_ID -> "DNS:" + value;
            case SRV_ID -> "SRV:" + value;
            case XMPP_ADDR -> "XmppAddr:" + value;
        };
    }
}
