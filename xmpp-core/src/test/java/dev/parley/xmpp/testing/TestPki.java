package dev.parley.xmpp.testing;

import dev.parley.xmpp.tls.ServerCredential;
import java.io.StringReader;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERIA5String;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.pkcs.Attribute;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * A certificate authority for one test and the certificates it (or nobody) signs, built with BouncyCastle: server
 * certificates to import, and CAs to trust. EC P-256 keys keep it fast.
 */
public final class TestPki {

    private static final AtomicLong SERIALS = new AtomicLong(1);
    private static final ASN1ObjectIdentifier ID_ON_XMPP_ADDR = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.5");
    private static final ASN1ObjectIdentifier ID_ON_DNS_SRV = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.7");

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestPki(KeyPair keys, X509Certificate certificate) {
        this.keys = keys;
        this.certificate = certificate;
    }

    /** A root CA valid from yesterday for a year. */
    public static TestPki create(String name) {
        KeyPair keys = newKeys();
        X500Name subject = new X500Name("CN=" + name);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(365))), subject,
                keys.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return new TestPki(keys, sign(builder, keys));
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** A certificate to build: names, validity, usages, issuer. */
    /**
     * Signs a PKCS#10 request (PEM) as a CA would: the requested subject, key and extensions, valid from yesterday for
     * 90 days.
     *
     * @return the issued certificate, then this CA's
     */
    public List<X509Certificate> signRequest(String csrPem) {
        try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
            JcaPKCS10CertificationRequest request = new JcaPKCS10CertificationRequest(
                    (PKCS10CertificationRequest) parser.readObject());
            if (!request.isSignatureValid(new JcaContentVerifierProviderBuilder().build(request.getPublicKey()))) {
                throw new IllegalArgumentException("the request's signature does not verify");
            }
            Instant now = Instant.now();
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(
                    X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()), serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(90))),
                    request.getSubject(), request.getPublicKey());
            for (Attribute attribute : request.getAttributes(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest)) {
                Extensions extensions = Extensions.getInstance(attribute.getAttrValues().getObjectAt(0));
                for (ASN1ObjectIdentifier oid : extensions.getExtensionOIDs()) {
                    builder.addExtension(extensions.getExtension(oid));
                }
            }
            return List.of(sign(builder, keys), certificate);
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign the request", e);
        }
    }

    public Leaf leaf(String commonName) {
        return new Leaf(this, commonName);
    }

    /** The certificate under construction; every setter returns it. */
    public static final class Leaf {

        private final TestPki ca;
        private final String commonName;
        private final List<GeneralName> names = new ArrayList<>();
        private Instant notBefore = Instant.now().minus(Duration.ofHours(1));
        private Instant notAfter = Instant.now().plus(Duration.ofDays(90));
        private KeyPurposeId[] extendedKeyUsage = {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth};
        private int keyUsage = KeyUsage.digitalSignature;
        private boolean isCa;
        private boolean selfSigned;

        private Leaf(TestPki ca, String commonName) {
            this.ca = ca;
            this.commonName = commonName;
        }

        public Leaf dns(String name) {
            names.add(new GeneralName(GeneralName.dNSName, name));
            return this;
        }

        public Leaf validity(Instant from, Instant until) {
            notBefore = from;
            notAfter = until;
            return this;
        }

        /** An XmppAddr (RFC 6120 §13.7.1.4) for {@code domain}. */
        public Leaf xmppAddr(String domain) {
            names.add(new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {
                ID_ON_XMPP_ADDR, new DERTaggedObject(true, 0, new DERUTF8String(domain))})));
            return this;
        }

        /** An SRV-ID (RFC 4985), e.g. {@code _xmpp-server.example.com}. */
        public Leaf srv(String srvName) {
            names.add(new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {
                ID_ON_DNS_SRV, new DERTaggedObject(true, 0, new DERIA5String(srvName))})));
            return this;
        }

        /** serverAuth only, as public CAs issue server certificates since 2025. */
        public Leaf withoutClientAuth() {
            return extendedKeyUsage(KeyPurposeId.id_kp_serverAuth);
        }

        /** Only these extended key usages; none at all (no extension) when empty. */
        public Leaf extendedKeyUsage(KeyPurposeId... usages) {
            extendedKeyUsage = usages;
            return this;
        }

        /** The key usage bits ({@link KeyUsage}); 0 for no extension. */
        public Leaf keyUsage(int bits) {
            keyUsage = bits;
            return this;
        }

        /** A CA certificate (basic constraints CA), signing certificates unless {@link #keyUsage} says otherwise. */
        public Leaf ca() {
            isCa = true;
            keyUsage = KeyUsage.keyCertSign | KeyUsage.cRLSign;
            extendedKeyUsage = new KeyPurposeId[0];
            return this;
        }

        public Leaf selfSigned() {
            selfSigned = true;
            return this;
        }

        /** The key and the chain: the certificate, then the CA unless self-signed. */
        public ServerCredential issue() {
            KeyPair keys = newKeys();
            X500Name subject = new X500Name("CN=" + commonName);
            X500Name issuer = selfSigned ? subject
                    : X500Name.getInstance(ca.certificate.getSubjectX500Principal().getEncoded());
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(notBefore),
                    Date.from(notAfter), subject, keys.getPublic());
            try {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
                if (keyUsage != 0) {
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(keyUsage));
                }
                if (extendedKeyUsage.length > 0) {
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(extendedKeyUsage));
                }
                if (!names.isEmpty()) {
                    builder.addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(names.toArray(GeneralName[]::new)));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            X509Certificate leaf = sign(builder, selfSigned ? keys : ca.keys);
            return new ServerCredential(keys.getPrivate(), selfSigned ? List.of(leaf) : List.of(leaf, ca.certificate));
        }
    }

    private static X509Certificate sign(JcaX509v3CertificateBuilder builder, KeyPair signer) {
        try {
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot sign a test certificate", e);
        }
    }

    private static KeyPair newKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return BigInteger.valueOf(SERIALS.incrementAndGet()).shiftLeft(16).add(BigInteger.valueOf(System.nanoTime() & 0xFFFF));
    }
}
