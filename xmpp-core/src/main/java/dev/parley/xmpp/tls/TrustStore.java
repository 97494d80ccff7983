package dev.parley.xmpp.tls;

import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The CAs whose certificates authenticate peers: the JDK's default trust store (the public CAs)
 * plus the ones an administrator adds, such as a company CA for partner domains.
 */
public final class TrustStore {

    private final Set<TrustAnchor> anchors;

    private TrustStore(Set<TrustAnchor> anchors) {
        this.anchors = Set.copyOf(anchors);
    }

    /** The JDK's default CAs and {@code extraCas}. */
    public static TrustStore withDefaults(List<X509Certificate> extraCas) {
        return of(Stream.concat(jdkDefaults().stream(), extraCas.stream()).toList());
    }

    /** Exactly {@code cas}, nothing else: for tests that must not depend on the JDK's CA list. */
    public static TrustStore of(List<X509Certificate> cas) {
        Set<TrustAnchor> anchors = new HashSet<>();
        cas.forEach(ca -> anchors.add(new TrustAnchor(ca, null)));
        return new TrustStore(anchors);
    }

    /** These CAs as a JSSE trust manager factory, for TLS clients that let the JDK check the peer's chain. */
    public TrustManagerFactory trustManagerFactory() {
        try {
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int alias = 0;
            for (TrustAnchor anchor : anchors) {
                store.setCertificateEntry("ca-" + alias++, anchor.getTrustedCert());
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the trusted CAs cannot be loaded: " + e.getMessage(), e);
        }
    }

    Set<TrustAnchor> anchors() {
        return anchors;
    }

    /** Whether {@code certificate} is itself one of the trusted CAs. */
    boolean isAnchor(X509Certificate certificate) {
        return anchors.stream().anyMatch(anchor -> certificate.equals(anchor.getTrustedCert()));
    }

    private static List<X509Certificate> jdkDefaults() {
        try {
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init((KeyStore) null);
            return Arrays.stream(factory.getTrustManagers())
                    .filter(X509TrustManager.class::isInstance)
                    .flatMap(manager -> Arrays.stream(((X509TrustManager) manager).getAcceptedIssuers()))
                    .toList();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK's default trust store cannot be read", e);
        }
    }
}
