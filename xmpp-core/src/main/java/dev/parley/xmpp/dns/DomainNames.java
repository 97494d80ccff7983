package dev.parley.xmpp.dns;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.xbill.DNS.Address;

/** Domain and host names as DNS wants them, checked before anything is sent. */
final class DomainNames {

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private DomainNames() {
    }

    /**
     * The lower-case ASCII (IDNA) form of {@code name}, without a trailing dot.
     *
     * @throws IllegalArgumentException with a reason a person understands when it is no valid host name
     */
    static String toAscii(String name) {
        if (name == null || name.isBlank()) {
            throw invalid(name == null ? "" : name, "it is empty");
        }
        String relative = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        String ascii;
        try {
            ascii = IDN.toASCII(relative, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(name, e.getMessage());
        }
        if (ascii.length() > MAX_NAME_LENGTH) {
            throw invalid(name, "longer than " + MAX_NAME_LENGTH + " characters");
        }
        for (String label : ascii.split("\\.", -1)) {
            if (label.isEmpty()) {
                throw invalid(name, "empty label");
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw invalid(name, "a label is longer than " + MAX_LABEL_LENGTH + " characters");
            }
        }
        return ascii;
    }

    /**
     * The address {@code host} spells, if it is an IPv4 or IPv6 literal (brackets allowed); parsed
     * by dnsjava, never looked up.
     */
    static Optional<InetAddress> ipLiteral(String host) {
        String literal = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        byte[] bytes = Address.toByteArray(literal, Address.IPv4);
        if (bytes == null) {
            bytes = Address.toByteArray(literal, Address.IPv6);
        }
        if (bytes == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new IllegalStateException("dnsjava returned " + bytes.length + " address bytes for " + literal, e);
        }
    }

    private static IllegalArgumentException invalid(String name, String reason) {
        return new IllegalArgumentException("'" + name + "' is not a valid domain name: " + reason);
    }
}
