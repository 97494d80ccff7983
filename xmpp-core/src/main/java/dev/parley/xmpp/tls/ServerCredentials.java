package dev.parley.xmpp.tls;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.UnrecoverableKeyException;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.EdECPublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Reads {@link ServerCredential}s from the two forms administrators import (ARCHITECTURE.md feature 4):
 * a PKCS#12 key store, or a PEM private key plus a PEM certificate chain; from files or from memory (an upload).
 * Plain JDK APIs only.
 *
 * <p>What is read is checked as a TLS server needs it: exactly one private key, a chain that starts with the
 * certificate of that key and goes on with each certificate's issuer. Every refusal is a
 * {@link CredentialLoadException} (an {@link IllegalArgumentException}) whose message says what is wrong and, where
 * there is one, how to fix it; no message quotes the key, the password or the text given.
 */
public final class ServerCredentials {

    /** The key algorithms a PKCS#8 key may be in; the encoding names its algorithm, the JDK wants it named. */
    private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519", "Ed448", "RSASSA-PSS");
    private static final String CONVERT_TRADITIONAL = "; convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW";

    private ServerCredentials() {
    }

    /** The one key entry of a PKCS#12 file whose store and key share {@code password}; see {@link #fromPkcs12(byte[], char[])}. */
    public static ServerCredential fromPkcs12(Path file, char[] password) {
        byte[] keystore;
        try {
            keystore = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CredentialLoadException("cannot read the PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
        try {
            return fromPkcs12(keystore, password);
        } catch (CredentialLoadException e) {
            throw new CredentialLoadException(file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The one key entry of a PKCS#12 key store ({@code .p12}, {@code .pfx}) whose store and key share
     * {@code password}, with its chain.
     *
     * @throws CredentialLoadException when the bytes are no PKCS#12 key store (PEM text, say), the password is wrong,
     *                                 the store holds no private key or several, or the key does not match its
     *                                 certificate
     */
    public static ServerCredential fromPkcs12(byte[] keystore, char[] password) {
        if (keystore == null || keystore.length == 0) {
            throw new CredentialLoadException("the PKCS#12 key store is empty");
        }
        if (Pem.looksLikePem(new String(keystore, 0, Math.min(keystore.length, 4096), StandardCharsets.ISO_8859_1))) {
            throw new CredentialLoadException("this is PEM text, not a PKCS#12 key store: import it as a PEM private key"
                    + " and chain");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot read PKCS#12", e);
        }
        try {
            store.load(new ByteArrayInputStream(keystore), password);
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new CredentialLoadException("the PKCS#12 key store cannot be opened: wrong password", e);
            }
            throw new CredentialLoadException("not a PKCS#12 key store (.p12/.pfx), or a damaged one: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new CredentialLoadException("the PKCS#12 key store cannot be read: " + e.getMessage(), e);
        }
        try {
            List<String> keyAliases = new ArrayList<>();
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    keyAliases.add(alias);
                }
            }
            if (keyAliases.isEmpty()) {
                throw new CredentialLoadException("the PKCS#12 key store holds no private key, only "
                        + store.size() + " certificate(s): export it with the server's private key");
            }
            if (keyAliases.size() > 1) {
                throw new CredentialLoadException("the PKCS#12 key store holds " + keyAliases.size()
                        + " private keys (aliases " + String.join(", ", keyAliases) + "); export only the server's");
            }
            String alias = keyAliases.get(0);
            Key key;
            try {
                key = store.getKey(alias, password);
            } catch (UnrecoverableKeyException e) {
                throw new CredentialLoadException("the private key in the PKCS#12 key store has a password other than"
                        + " the store's; export it with one password for both", e);
            }
            if (!(key instanceof PrivateKey privateKey)) {
                throw new CredentialLoadException("the PKCS#12 key store holds a secret key, not a private key");
            }
            Certificate[] chain = store.getCertificateChain(alias);
            if (chain == null || chain.length == 0) {
                throw new CredentialLoadException("the PKCS#12 key store holds the private key without its certificate");
            }
            List<X509Certificate> x509 = new ArrayList<>();
            for (Certificate certificate : chain) {
                if (!(certificate instanceof X509Certificate one)) {
                    throw new CredentialLoadException("the PKCS#12 key store holds a certificate that is not X.509");
                }
                x509.add(one);
            }
            return checked(privateKey, x509);
        } catch (GeneralSecurityException e) {
            throw new CredentialLoadException("the PKCS#12 key store cannot be read: " + e.getMessage(), e);
        }
    }

    /** A PEM key file and a PEM chain file; see {@link #fromPem(String, String)}. */
    public static ServerCredential fromPem(Path keyFile, Path chainFile) {
        String key;
        String chain;
        try {
            key = Files.readString(keyFile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CredentialLoadException("cannot read the private key " + keyFile + ": " + e.getMessage(), e);
        }
        try {
            chain = Files.readString(chainFile, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new CredentialLoadException("cannot read the certificate chain " + chainFile + ": " + e.getMessage(), e);
        }
        try {
            return fromPem(key, chain);
        } catch (CredentialLoadException e) {
            throw new CredentialLoadException(keyFile + ", " + chainFile + ": " + e.getMessage(), e);
        }
    }

    /**
     * A PEM PKCS#8 private key ({@code BEGIN PRIVATE KEY}, unencrypted) and a PEM chain: the server's certificate
     * first, then each certificate's issuer (the root may be left out). Older "BEGIN RSA/EC PRIVATE KEY" and
     * encrypted keys must be converted first; the message says how.
     *
     * @throws CredentialLoadException when either text is no PEM or holds the wrong kind of block, the key does not
     *                                 match the first certificate, or the chain is out of order
     */
    public static ServerCredential fromPem(String privateKeyPem, String chainPem) {
        PrivateKey key = pkcs8Key(privateKeyPem);
        List<X509Certificate> chain = Certificates.parsePem(chainPem, "the certificate chain");
        return checked(key, chain);
    }

    /** {@code key} as an unencrypted PEM PKCS#8 block ({@code BEGIN PRIVATE KEY}): what {@link #fromPem} reads. */
    public static String privateKeyPem(PrivateKey key) {
        if (!"PKCS#8".equals(key.getFormat()) || key.getEncoded() == null) {
            throw new IllegalArgumentException("the private key has no PKCS#8 encoding (format " + key.getFormat() + ")");
        }
        return Pem.encode("PRIVATE KEY", key.getEncoded());
    }

    /**
     * The key of a PEM PKCS#8 block ({@code BEGIN PRIVATE KEY}, unencrypted), as {@link #fromPem} reads it.
     *
     * @throws CredentialLoadException as for {@link #fromPem}
     */
    public static PrivateKey pkcs8Key(String pem) {
        if (pem != null) {
            if (pem.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----")) {
                throw new CredentialLoadException("the private key is encrypted; give it unencrypted (it is stored"
                        + " sealed): openssl pkcs8 -in ENCRYPTED -out PLAIN");
            }
            for (String traditional : List.of("RSA", "EC", "DSA", "OPENSSH")) {
                if (pem.contains("-----BEGIN " + traditional + " PRIVATE KEY-----")) {
                    throw new CredentialLoadException("the private key is in the traditional " + traditional
                            + " format (BEGIN " + traditional + " PRIVATE KEY), not PKCS#8 (BEGIN PRIVATE KEY)"
                            + CONVERT_TRADITIONAL);
                }
            }
        }
        List<Pem.Block> keys = new ArrayList<>();
        for (Pem.Block block : Pem.blocks(pem, "the private key")) {
            if (block.type().equals("PRIVATE KEY")) {
                keys.add(block);
            } else if (!block.type().equals("CERTIFICATE")) {
                throw new CredentialLoadException("the private key holds a " + block.type()
                        + " block; a PKCS#8 private key (BEGIN PRIVATE KEY) is expected" + CONVERT_TRADITIONAL);
            }
        }
        if (keys.isEmpty()) {
            throw new CredentialLoadException("the private key holds only certificates, no -----BEGIN PRIVATE KEY----- block");
        }
        if (keys.size() > 1) {
            throw new CredentialLoadException("the private key holds " + keys.size() + " private keys; give only the server's");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(keys.get(0).der());
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException | RuntimeException wrongAlgorithm) {
                // The encoding is for another algorithm (or none): try the next.
            }
        }
        throw new CredentialLoadException("the private key is no readable PKCS#8 key of the algorithms " + KEY_ALGORITHMS);
    }

    /** The credential, once the key matches the first certificate and the chain goes from it up to its CAs. */
    private static ServerCredential checked(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new CredentialLoadException("the certificate chain holds no certificate");
        }
        if (!matches(key, chain.get(0).getPublicKey())) {
            for (int i = 1; i < chain.size(); i++) {
                if (matches(key, chain.get(i).getPublicKey())) {
                    throw new CredentialLoadException("the chain is out of order: the key belongs to certificate "
                            + (i + 1) + " of " + chain.size() + " (" + subject(chain.get(i))
                            + "); the server's certificate comes first, then each certificate's issuer");
                }
            }
            throw new CredentialLoadException("the private key does not match the certificate (" + subject(chain.get(0))
                    + "): a " + key.getAlgorithm() + " key for a certificate with a "
                    + chain.get(0).getPublicKey().getAlgorithm() + " key that is not its own");
        }
        for (int i = 0; i + 1 < chain.size(); i++) {
            X509Certificate certificate = chain.get(i);
            X509Certificate next = chain.get(i + 1);
            if (!certificate.getIssuerX500Principal().equals(next.getSubjectX500Principal())) {
                throw new CredentialLoadException("the chain is out of order: certificate " + (i + 1) + " ("
                        + subject(certificate) + ") is issued by " + name(certificate.getIssuerX500Principal())
                        + ", but certificate " + (i + 2) + " is " + subject(next)
                        + "; the server's certificate comes first, then each certificate's issuer");
            }
            if (!Certificates.isSignedBy(certificate, next)) {
                throw new CredentialLoadException("certificate " + (i + 1) + " (" + subject(certificate)
                        + ") is not signed by the key of certificate " + (i + 2)
                        + ", although that one bears its issuer's name: a different CA of the same name?");
            }
        }
        return new ServerCredential(key, chain);
    }

    /**
     * Whether {@code key} is the private half of {@code publicKey}: RSA keys by their modulus, EC and EdDSA keys by
     * a test signature.
     */
    public static boolean matches(PrivateKey key, PublicKey publicKey) {
        if (key instanceof RSAPrivateKey rsa) {
            return publicKey instanceof RSAPublicKey other && rsa.getModulus().equals(other.getModulus())
                    && (!(rsa instanceof RSAPrivateCrtKey crt) || crt.getPublicExponent().equals(other.getPublicExponent()));
        }
        String algorithm;
        if (key instanceof ECPrivateKey && publicKey instanceof ECPublicKey) {
            algorithm = "SHA256withECDSA";
        } else if (key instanceof EdECPrivateKey && publicKey instanceof EdECPublicKey) {
            algorithm = "EdDSA";
        } else {
            return false;
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static String subject(X509Certificate certificate) {
        return "subject " + name(certificate.getSubjectX500Principal());
    }

    private static String name(X500Principal principal) {
        String name = principal.getName(X500Principal.RFC2253);
        return name.isEmpty() ? "(empty)" : name;
    }
}
