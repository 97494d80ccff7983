package dev.parley.xmpp.tls;

import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The identities a certificate presents for XMPP server-to-server use (RFC 9525, RFC 6120 §13.7.1.4):
 * dNSName, SRV-ID ({@code _xmpp-server.}) and XmppAddr from the subjectAltName. The subject's common
 * name is never used: RFC 9525 §6.3 dropped CN-IDs, and honouring them would let a certificate whose
 * SAN lists other names speak for the CN too.
 */
public final class ServiceIdentity {

    private static final int OTHER_NAME = 0;
    private static final int DNS_NAME = 2;
    /** DER contents of the OIDs 1.3.6.1.5.5.7.8.5 (id-on-xmppAddr) and 1.3.6.1.5.5.7.8.7 (id-on-dnsSRV). */
    private static final byte[] ID_ON_XMPP_ADDR = {0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x08, 0x05};
    private static final byte[] ID_ON_DNS_SRV = {0x2B, 0x06, 0x01, 0x05, 0x05, 0x07, 0x08, 0x07};

    private ServiceIdentity() {
    }

    /** The identifiers {@code certificate} presents, in certificate order; unreadable otherNames are left out. */
    public static List<PresentedIdentifier> presented(X509Certificate certificate) {
        Collection<List<?>> names;
        try {
            names = certificate.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return List.of();
        }
        if (names == null) {
            return List.of();
        }
        List<PresentedIdentifier> identifiers = new ArrayList<>();
        for (List<?> name : names) {
            int type = (Integer) name.get(0);
            if (type == DNS_NAME && name.get(1) instanceof String dns) {
                identifiers.add(new PresentedIdentifier(PresentedIdentifier.Type.DNS_ID, dns));
            } else if (type == OTHER_NAME && name.get(1) instanceof byte[] der) {
                otherName(der).ifPresent(identifiers::add);
            }
        }
        return List.copyOf(identifiers);
    }

    /** Whether {@code certificate} names {@code domain} in any of its identifiers. */
    public static boolean covers(X509Certificate certificate, String domain) {
        return presented(certificate).stream().anyMatch(identifier -> identifier.matches(domain));
    }

    /**
     * An OtherName ::= SEQUENCE { type-id OID, value [0] EXPLICIT ANY } as the JDK hands it over.
     * JDK 17 wraps the value in a second [0] (it keeps the value's own tag inside the explicit one),
     * and some versions tag the outer element [0] instead of SEQUENCE; every [0] is unwrapped.
     */
    private static Optional<PresentedIdentifier> otherName(byte[] der) {
        Der outer = Der.read(der, 0);
        if (outer == null || (outer.tag() != 0x30 && outer.tag() != (byte) 0xA0)) {
            return Optional.empty();
        }
        Der oid = Der.read(der, outer.start());
        if (oid == null || oid.tag() != 0x06) {
            return Optional.empty();
        }
        Der value = Der.read(der, oid.end());
        while (value != null && value.tag() == (byte) 0xA0) {
            value = Der.read(der, value.start());
        }
        if (value == null) {
            return Optional.empty();
        }
        byte[] oidBytes = Arrays.copyOfRange(der, oid.start(), oid.end());
        String text = new String(der, value.start(), value.end() - value.start(),
                value.tag() == 0x0C ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII);
        if (Arrays.equals(oidBytes, ID_ON_XMPP_ADDR) && value.tag() == 0x0C) {
            return Optional.of(new PresentedIdentifier(PresentedIdentifier.Type.XMPP_ADDR, text));
        }
        if (Arrays.equals(oidBytes, ID_ON_DNS_SRV) && value.tag() == 0x16) {
            return Optional.of(new PresentedIdentifier(PresentedIdentifier.Type.SRV_ID, text));
        }
        return Optional.empty();
    }

    /** One DER tag-length-value: its tag and where its contents start and end in the buffer. */
    private record Der(byte tag, int start, int end) {

        /** The element at {@code offset}, or null when the bytes do not hold a complete one. */
        static Der read(byte[] der, int offset) {
            if (offset + 2 > der.length) {
                return null;
            }
            byte tag = der[offset];
            int length = der[offset + 1] & 0xFF;
            int start = offset + 2;
            if (length > 0x80) {
                int octets = length & 0x7F;
                if (octets > 3 || start + octets > der.length) {
                    return null;
                }
                length = 0;
                for (int i = 0; i < octets; i++) {
                    length = (length << 8) | (der[start + i] & 0xFF);
                }
                start += octets;
            } else if (length == 0x80) {
                // Indefinite lengths are BER, never DER.
                return null;
            }
            return start + length > der.length ? null : new Der(tag, start, start + length);
        }
    }
}
