package dev.parley.it.peers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AccessDescription;
import org.bouncycastle.asn1.x509.AuthorityInformationAccess;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.DistributionPoint;
import org.bouncycastle.asn1.x509.DistributionPointName;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemObjectGenerator;

/**
 * A certificate authority that exists for one test run: peers and the server under test trust it and nothing else,
 * and it issues server certificates for the test domains ({@link CertificateKind}). EC P-256 keys keep it fast.
 */
public final class TestCa {

    /** The password of every key store and trust store the test CA writes. */
    public static final String PASSWORD = "parley-test";

    /** RFC 6120 §13.7.1.4: the XmppAddr identifier in a subjectAltName otherName. */
    private static final ASN1ObjectIdentifier ID_ON_XMPP_ADDR = new ASN1ObjectIdentifier("1.3.6.1.5.5.7.8.5");
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final Duration VALIDITY = Duration.ofDays(30);
    private static final Duration PUBLIC_CA_VALIDITY = Duration.ofDays(365);
    private static final String REVOCATION_HOST = "http://revocation.parley-test-ca.invalid";
    /** Not registered with the JVM: only the keys come from it. */
    private static final Provider BOUNCY_CASTLE = new BouncyCastleProvider();

    private final Path dir;
    private final KeyPair keys;
    private final X509Certificate certificate;
    private final Path certificateFile;
    private final Path trustStore;

    private TestCa(Path dir, KeyPair keys, X509Certificate certificate, Path certificateFile, Path trustStore) {
        this.dir = dir;
        this.keys = keys;
        this.certificate = certificate;
        this.certificateFile = certificateFile;
        this.trustStore = trustStore;
    }

    /** Generates a new CA and writes {@code ca.crt} (PEM) and {@code truststore.p12} into the folder. */
    public static TestCa create(Path dir) {
        KeyPair keys = newKeys();
        X500Name name = new X500Name("CN=Parley Test CA " + Long.toHexString(ThreadLocalRandom.current().nextLong()));
        Instant now = Instant.now();
        X509Certificate certificate = sign(new JcaX509v3CertificateBuilder(name, serial(), Date.from(now.minus(Duration.ofHours(1))),
                Date.from(now.plus(VALIDITY)), name, keys.getPublic()), keys.getPrivate(), builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
                    builder.addExtension(Extension.subjectKeyIdentifier, false,
                            extensions().createSubjectKeyIdentifier(keys.getPublic()));
                });
        Path certificateFile = writePem(dir.resolve("ca.crt"), List.of(certificate));
        KeyStore trust = emptyStore();
        try {
            trust.setCertificateEntry("parley-test-ca", certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        Path trustStore = store(trust, dir.resolve("truststore.p12"));
        return new TestCa(dir, keys, certificate, certificateFile, trustStore);
    }

    /** The CA certificate, PEM. */
    public Path certificateFile() {
        return certificateFile;
    }

    /** The CA certificate. */
    public X509Certificate certificate() {
        return certificate;
    }

    /** A PKCS#12 trust store with only the CA certificate, password {@link #PASSWORD}. */
    public Path trustStore() {
        return trustStore;
    }

    /** Issues a server certificate naming the domain as dNSName and XmppAddr; see {@link #issue(String, CertificateKind, SubjectAltNames)}. */
    public ServerCertificate issue(String domain, CertificateKind kind) {
        return issue(domain, kind, SubjectAltNames.DNS_NAME_AND_XMPP_ADDR);
    }

    /** Issues a server certificate for the domain and writes it into {@code <domain>/<kind>/} of the CA folder. */
    public ServerCertificate issue(String domain, CertificateKind kind, SubjectAltNames names) {
        KeyPair serverKeys = kind == CertificateKind.RSA_AS_A_PUBLIC_CA_ISSUES ? newRsaKeys() : newKeys();
        Instant now = Instant.now();
        Instant notBefore = kind == CertificateKind.EXPIRED ? now.minus(VALIDITY) : now.minus(Duration.ofHours(1));
        Instant notAfter = kind == CertificateKind.EXPIRED ? now.minus(Duration.ofDays(1))
                : now.plus(kind.asAPublicCaIssues() ? PUBLIC_CA_VALIDITY : VALIDITY);
        X500Name subject = new X500Name("CN=" + domain);
        boolean selfSigned = kind == CertificateKind.SELF_SIGNED;
        X500Name issuer = selfSigned ? subject : X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded());
        PrivateKey signer = selfSigned ? serverKeys.getPrivate() : keys.getPrivate();
        KeyPurposeId[] purposes = kind == CertificateKind.WITHOUT_CLIENT_AUTH
                ? new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth}
                : new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth};

        X509Certificate server = sign(new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(notBefore),
                Date.from(notAfter), subject, serverKeys.getPublic()), signer, builder -> {
                    builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                    builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                    builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purposes));
                    builder.addExtension(Extension.subjectAlternativeName, false, altNames(domain, names));
                    builder.addExtension(Extension.subjectKeyIdentifier, false,
                            extensions().createSubjectKeyIdentifier(serverKeys.getPublic()));
                    if (!selfSigned) {
                        builder.addExtension(Extension.authorityKeyIdentifier, false,
                                extensions().createAuthorityKeyIdentifier(certificate));
                    }
                    if (kind.asAPublicCaIssues()) {
                        GeneralName crl = new GeneralName(GeneralName.uniformResourceIdentifier, REVOCATION_HOST + "/ca.crl");
                        builder.addExtension(Extension.cRLDistributionPoints, false, new CRLDistPoint(
                                new DistributionPoint[] {new DistributionPoint(new DistributionPointName(
                                        new GeneralNames(crl)), null, null)}));
                        builder.addExtension(Extension.authorityInfoAccess, false, new AuthorityInformationAccess(
                                AccessDescription.id_ad_ocsp, new GeneralName(GeneralName.uniformResourceIdentifier,
                                        REVOCATION_HOST + "/ocsp")));
                    }
                });
        List<X509Certificate> chain = selfSigned ? List.of(server) : List.of(server, certificate);

        Path folder = dir.resolve(domain).resolve(kind.name().toLowerCase() + "-" + names.name().toLowerCase());
        KeyStore keyStore = emptyStore();
        try {
            keyStore.setKeyEntry("server", serverKeys.getPrivate(), PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
        return new ServerCertificate(domain, kind,
                writePem(folder.resolve(domain + ".crt"), List.of(server)),
                writePem(folder.resolve(domain + ".key"), List.of(new PemObject("PRIVATE KEY", serverKeys.getPrivate().getEncoded()))),
                writePem(folder.resolve(domain + "-chain.pem"), chain),
                store(keyStore, folder.resolve(domain + ".p12")));
    }

    private static GeneralNames altNames(String domain, SubjectAltNames names) {
        GeneralName dnsName = new GeneralName(GeneralName.dNSName, domain);
        if (names == SubjectAltNames.DNS_NAME_ONLY) {
            return new GeneralNames(dnsName);
        }
        GeneralName xmppAddr = new GeneralName(GeneralName.otherName, new DERSequence(new ASN1Encodable[] {
            ID_ON_XMPP_ADDR, new DERTaggedObject(true, 0, new DERUTF8String(domain))}));
        return new GeneralNames(new GeneralName[] {dnsName, xmppAddr});
    }

    /** The certificate-specific part of building one, so that {@link #sign} can own the checked exceptions. */
    private interface Extensions {
        void add(X509v3CertificateBuilder builder) throws IOException, GeneralSecurityException;
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer, Extensions extensions) {
        try {
            extensions.add(builder);
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder(SIGNATURE).build(signer)));
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not sign a test certificate", e);
        }
    }

    private static JcaX509ExtensionUtils extensions() throws GeneralSecurityException {
        return new JcaX509ExtensionUtils();
    }

    private static KeyPair newKeys() {
        try {
            // BouncyCastle's keys, whatever providers the JVM has: their PKCS#8 form carries the public key, which
            // ejabberd needs to pair key and certificate ("no matching private key"); the JDK's leaves it out.
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", BOUNCY_CASTLE);
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair newRsaKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA", BOUNCY_CASTLE);
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, ThreadLocalRandom.current()).add(BigInteger.ONE);
    }

    private static KeyStore emptyStore() {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path store(KeyStore store, Path file) {
        try {
            Files.createDirectories(file.getParent());
            try (OutputStream out = Files.newOutputStream(file)) {
                store.store(out, PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path writePem(Path file, List<?> objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter pem = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                if (object instanceof PemObjectGenerator generator) {
                    pem.writeObject(generator);
                } else {
                    pem.writeObject(object);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.writeString(file, text.toString(), StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }
}
