package dev.parley.xmpp.jid;

import dev.parley.xmpp.net.IpAddressLiteral;

import java.net.IDN;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The domainpart of RFC 7622 §3.2: an IP literal or a domain name in its canonical form, the lower-case A-label
 * form that DNS uses too, so that {@code Prosody.TEST}, {@code prosody.test.} and a U-label name and its A-label
 * all compare equal.
 *
 * <p>The JDK's {@link IDN} implements IDNA2003 rather than the IDNA2008 that RFC 7622 asks for. The two differ in
 * two ways that matter here, and both are closed off: IDNA2003 maps the four "deviation" characters to something
 * else (ß to "ss", so {@code faß.de} would reach {@code fass.de}, another domain), so they are refused in U-label
 * form; and IDNA2003 accepts symbols in labels, which IDNA2008 disallows, so labels may hold only letters, digits,
 * combining marks and hyphens.
 */
final class Domainparts {

    /** The dot and the three ideographic and full-width full stops that RFC 7622 §3.2 treats as label separators. */
    private static final Pattern TRAILING_SEPARATOR = Pattern.compile("[.\u3002\uFF0E\uFF61]$");
    /** ß, ẞ, final sigma, ZERO WIDTH NON-JOINER, ZERO WIDTH JOINER: IDNA2003 maps or drops them, IDNA2008 keeps them. */
    private static final String DEVIATIONS = "\u00DF\u1E9E\u03C2\u200C\u200D";

    private Domainparts() {
    }

    /**
     * The canonical form of {@code domainpart}: an IPv6 literal in brackets in RFC 5952 text, or a domain name as
     * lower-case A-labels without a trailing dot (IPv4 literals are valid names and stay as they are).
     *
     * @throws InvalidJidException naming the rule {@code domainpart} breaks
     */
    static String canonical(String domainpart) {
        String hostName = asciiHostName(domainpart);
        if (hostName != null) {
            return hostName;
        }
        String name = TRAILING_SEPARATOR.matcher(domainpart).replaceFirst("");
        if (name.isEmpty()) {
            throw invalid(domainpart, "is empty; RFC 7622 §3.2 requires a domainpart in every JID");
        }
        if (name.startsWith("[")) {
            return "[" + ipv6(domainpart, name) + "]";
        }
        name.codePoints().filter(codePoint -> DEVIATIONS.indexOf(codePoint) >= 0).findFirst().ifPresent(deviation -> {
            throw invalid(domainpart, "contains " + InvalidJidException.codePoint(deviation) + ", which IDNA2003 (the"
                    + " JDK's) and IDNA2008 (RFC 7622 §3.2) map differently; give this label in its A-label (xn--) form");
        });
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(domainpart, "is not a valid internationalized domain name (RFC 7622 §3.2): " + e.getMessage());
        }
        if (ascii.endsWith(".")) {
            throw invalid(domainpart, "ends in an empty label; RFC 7622 §3.2 strips one trailing dot, not more");
        }
        if (ascii.length() > Jid.MAX_PART_BYTES) {
            throw invalid(domainpart, "is " + ascii.length() + " bytes long in A-label form; RFC 7622 §3.2 allows at most "
                    + Jid.MAX_PART_BYTES);
        }
        unicode(ascii).codePoints().filter(codePoint -> !isIdna2008LabelCharacter(codePoint)).findFirst()
                .ifPresent(symbol -> {
                    throw invalid(domainpart, "contains " + InvalidJidException.codePoint(symbol) + ", but IDNA2008"
                            + " (RFC 5892, required by RFC 7622 §3.2) allows only letters, digits, marks and hyphens");
                });
        return ascii;
    }

    /**
     * The canonical form of a plain ASCII host name (letters, digits and inner hyphens in labels of 1 to 63
     * characters, optionally one trailing dot), or null for anything else. For such names {@link IDN} changes nothing
     * but case, so they skip it: domains are canonicalised several times per stanza, and IDN is costly. A-labels
     * ({@code xn--}) take the full path, which checks what they decode to.
     */
    private static String asciiHostName(String domainpart) {
        int end = domainpart.endsWith(".") ? domainpart.length() - 1 : domainpart.length();
        if (end == 0 || end > Jid.MAX_PART_BYTES) {
            return null;
        }
        int labelStart = 0;
        for (int i = 0; i <= end; i++) {
            char c = i == end ? '.' : domainpart.charAt(i);
            if (c == '.') {
                int length = i - labelStart;
                if (length == 0 || length > 63 || domainpart.charAt(labelStart) == '-' || domainpart.charAt(i - 1) == '-'
                        || domainpart.regionMatches(true, labelStart, "xn--", 0, 4)) {
                    return null;
                }
                labelStart = i + 1;
            } else if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return null;
            }
        }
        return domainpart.substring(0, end).toLowerCase(Locale.ROOT);
    }

    /** The form of a canonical domainpart for people: U-labels where the A-labels decode, the rest unchanged. */
    static String unicode(String canonical) {
        return mayHoldALabel(canonical) ? IDN.toUnicode(canonical, IDN.USE_STD3_ASCII_RULES) : canonical;
    }

    /** Whether {@code text} has an A-label prefix anywhere; most names have none, and spare the IDNA work. */
    static boolean mayHoldALabel(String text) {
        for (int at = text.indexOf("--"); at >= 0; at = text.indexOf("--", at + 1)) {
            if (at >= 2 && text.regionMatches(true, at - 2, "xn", 0, 2)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isIdna2008LabelCharacter(int codePoint) {
        int type = Character.getType(codePoint);
        return codePoint == '.' || codePoint == '-' || Character.isLetterOrDigit(codePoint)
                || type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
    }

    /** The RFC 5952 text of the IPv6 address in {@code bracketed} ("[…]"): lower case, the longest zero run as "::". */
    private static String ipv6(String domainpart, String bracketed) {
        InetAddress address;
        try {
            address = IpAddressLiteral.parse(bracketed);
        } catch (IllegalArgumentException e) {
            address = null;
        }
        if (!bracketed.endsWith("]") || !(address instanceof Inet6Address)) {
            throw invalid(domainpart, "is not an IPv6 address in brackets, the only IP literal with brackets that"
                    + " RFC 7622 §3.2 (an RFC 3986 IP-literal) allows");
        }
        byte[] bytes = address.getAddress();
        int[] groups = new int[8];
        for (int i = 0; i < groups.length; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1;
        for (int start = 0; start < groups.length; start++) {
            int length = 0;
            while (start + length < groups.length && groups[start + length] == 0) {
                length++;
            }
            if (length > bestLength) {
                bestStart = start;
                bestLength = length;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    private static InvalidJidException invalid(String domainpart, String rule) {
        return new InvalidJidException(JidPart.DOMAINPART, domainpart, rule);
    }
}
