package dev.parley.xmpp.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@link ServerCredential}s from the two forms administrators import (ARCHITECTURE.md feature 4):
 * a PKCS#12 key store, or a PEM private key plus a PEM certificate chain. Plain JDK APIs only.
 */
public final class ServerCredentials {

    private static final Pattern PKCS8 = Pattern.compile(
            "-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");
    /** The key algorithms a PKCS#8 key may be in; the encoding names its algorithm, the JDK wants it named. */
    private static final List<String> KEY_ALGORITHMS = List.of("EC", "RSA", "Ed25519", "Ed448", "RSASSA-PSS");

    private ServerCredentials() {
    }

    /** The first key entry of a PKCS#12 file whose store and key share {@code password}. */
    public static ServerCredential fromPkcs12(Path file, char[] password) {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    Key key = store.getKey(alias, password);
                    Certificate[] chain = store.getCertificateChain(alias);
                    if (key instanceof PrivateKey privateKey && chain != null && chain.length > 0) {
                        return new ServerCredential(privateKey, x509(List.of(chain), file));
                    }
                }
            }
            throw new CredentialLoadException(file + " holds no private key with a certificate chain");
        } catch (IOException | GeneralSecurityException e) {
            throw new CredentialLoadException("cannot read the PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * A PEM PKCS#8 private key ({@code BEGIN PRIVATE KEY}, unencrypted) and a PEM chain, the
     * server's certificate first. Older "BEGIN RSA/EC PRIVATE KEY" files must be converted first
     * ({@code openssl pkcs8 -topk8 -nocrypt}); the message says so.
     */
    public static ServerCredential fromPem(Path keyFile, Path chainFile) {
        List<X509Certificate> chain;
        try (InputStream in = Files.newInputStream(chainFile)) {
            chain = x509(new ArrayList<>(CertificateFactory.getInstance("X.509").generateCertificates(in)), chainFile);
        } catch (IOException | GeneralSecurityException e) {
            throw new CredentialLoadException("cannot read the certificate chain " + chainFile + ": " + e.getMessage(), e);
        }
        if (chain.isEmpty()) {
            throw new CredentialLoadException(chainFile + " contains no certificate");
        }
        return new ServerCredential(pkcs8Key(keyFile), chain);
    }

    private static PrivateKey pkcs8Key(Path keyFile) {
        String pem;
        try {
            pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new CredentialLoadException("cannot read the private key " + keyFile + ": " + e.getMessage(), e);
        }
        Matcher matcher = PKCS8.matcher(pem);
        if (!matcher.find()) {
            throw new CredentialLoadException(keyFile + " holds no unencrypted PKCS#8 key (BEGIN PRIVATE KEY); convert it"
                    + " with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
        }
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(matcher.group(1)));
        for (String algorithm : KEY_ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException wrongAlgorithm) {
                // The encoding is for another algorithm: try the next.
            }
        }
        throw new CredentialLoadException(keyFile + " holds a key of none of the algorithms " + KEY_ALGORITHMS);
    }

    private static List<X509Certificate> x509(List<? extends Certificate> certificates, Path file) {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : certificates) {
            if (!(certificate instanceof X509Certificate x509)) {
                throw new CredentialLoadException(file + " holds a certificate that is not X.509");
            }
            chain.add(x509);
        }
        return chain;
    }
}
