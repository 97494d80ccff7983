package dev.parley.infrastructure.security;

import dev.parley.domain.model.certificate.CertificateGenerator;
import dev.parley.domain.model.certificate.KeyAlgorithm;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.ExtensionsGenerator;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/**
 * {@link CertificateGenerator} with the JDK's key generators and signatures and BouncyCastle's ASN.1 builders (the
 * JDK has no public API for requests or certificates). BouncyCastle is not registered as a JCA provider: nothing
 * else in WildFly changes.
 */
@ApplicationScoped
public class BouncyCastleCertificateGenerator implements CertificateGenerator {

    private static final int RSA_BITS = 3072;
    private static final String EC_CURVE = "secp256r1";
    private static final int SERIAL_BITS = 128;

    private final SecureRandom random = new SecureRandom();

    @Override
    public KeyPair keyPair(KeyAlgorithm algorithm) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(algorithm.jcaName());
            switch (algorithm) {
                case EC_P256 -> generator.initialize(new ECGenParameterSpec(EC_CURVE), random);
                case RSA_3072 -> generator.initialize(new RSAKeyGenParameterSpec(RSA_BITS, RSAKeyGenParameterSpec.F4),
                        random);
            }
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot generate " + algorithm.displayName() + " keys", e);
        }
    }

    @Override
    public String signingRequest(KeyPair keys, KeyAlgorithm algorithm, List<String> dnsNames) {
        ExtensionsGenerator extensions = new ExtensionsGenerator();
        try {
            for (Extension extension : serverExtensions(algorithm, dnsNames)) {
                extensions.addExtension(extension);
            }
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(subject(dnsNames),
                    keys.getPublic())
                    .addAttribute(PKCSObjectIdentifiers.pkcs_9_at_extensionRequest, extensions.generate())
                    .build(signer(keys, algorithm));
            StringWriter pem = new StringWriter();
            try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
                writer.writeObject(request);
            }
            return pem.toString();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the certificate signing request", e);
        }
    }

    @Override
    public X509Certificate selfSigned(KeyPair keys, KeyAlgorithm algorithm, List<String> dnsNames, Instant notBefore,
                                      Instant notAfter) {
        X500Name subject = subject(dnsNames);
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(SERIAL_BITS, random).setBit(SERIAL_BITS - 1), Date.from(notBefore), Date.from(notAfter),
                subject, keys.getPublic());
        try {
            for (Extension extension : serverExtensions(algorithm, dnsNames)) {
                builder.addExtension(extension);
            }
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
            return new JcaX509CertificateConverter().getCertificate(builder.build(signer(keys, algorithm)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the certificate's extensions", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot build the self-signed certificate", e);
        }
    }

    private static X500Name subject(List<String> dnsNames) {
        return new X500Name("CN=" + dnsNames.get(0));
    }

    /**
     * An end entity's extensions: the DNS names, serverAuth and clientAuth (the same certificate answers inbound
     * streams and authenticates outbound ones, SASL EXTERNAL included), and the key usage its algorithm needs: RSA
     * key exchange in TLS 1.2 enciphers with the key, ECDSA only signs.
     */
    private static List<Extension> serverExtensions(KeyAlgorithm algorithm, List<String> dnsNames) throws IOException {
        GeneralName[] names = dnsNames.stream().map(name -> new GeneralName(GeneralName.dNSName, name))
                .toArray(GeneralName[]::new);
        int keyUsage = algorithm == KeyAlgorithm.RSA_3072 ? KeyUsage.digitalSignature | KeyUsage.keyEncipherment
                : KeyUsage.digitalSignature;
        return List.of(
                new Extension(Extension.basicConstraints, true, new BasicConstraints(false).getEncoded()),
                new Extension(Extension.keyUsage, true, new KeyUsage(keyUsage).getEncoded()),
                new Extension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                        new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}).getEncoded()),
                new Extension(Extension.subjectAlternativeName, false, new GeneralNames(names).getEncoded()));
    }

    private static ContentSigner signer(KeyPair keys, KeyAlgorithm algorithm) {
        try {
            return new JcaContentSignerBuilder(algorithm.signatureAlgorithm()).build(keys.getPrivate());
        } catch (OperatorCreationException e) {
            throw new IllegalStateException("cannot sign with " + algorithm.signatureAlgorithm(), e);
        }
    }
}
