package dev.parley.xmpp.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SniHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.ssl.SslProvider;
import io.netty.util.DomainWildcardMappingBuilder;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Netty TLS handlers of the engine's streams, built once from the {@link TlsConfig}: TLS 1.2 and
 * 1.3 only (RFC 7590), only the {@link #CIPHER_SUITES} below, peer certificates requested both ways and judged after
 * the handshake
 * ({@link DeferredTrustManager}), ALPN {@code xmpp-server} for direct TLS (XEP-0368).
 */
public final class TlsContexts {

    /** XEP-0368's ALPN protocol name for server-to-server streams. */
    public static final String ALPN_XMPP_SERVER = "xmpp-server";
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /**
     * Forward secrecy and authenticated encryption only (RFC 9325 §4.2), for an ECDSA or an RSA certificate alike:
     * TLS 1.3's suites, and for TLS 1.2 ECDHE with AES-GCM or ChaCha20-Poly1305. Without a list Netty would also offer
     * CBC suites and, with an RSA certificate, RSA key transport (no forward secrecy). Every XMPP server of the last
     * decade (OpenSSL 1.0.1 and later, the JDK 8 and later) has some of these.
     */
    static final List<String> CIPHER_SUITES = List.of(
            "TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    private static final ApplicationProtocolConfig ALPN = new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, ALPN_XMPP_SERVER);

    private final Map<String, SslContext> servers;
    private final Map<String, SslContext> clients;
    private final SslContext anonymousClient;

    private TlsContexts(Map<String, SslContext> servers, Map<String, SslContext> clients, SslContext anonymousClient) {
        this.servers = servers;
        this.clients = clients;
        this.anonymousClient = anonymousClient;
    }

    /** @throws IllegalArgumentException when a credential's key does not fit its certificate or TLS cannot start */
    public static TlsContexts create(TlsConfig config) {
        Map<String, SslContext> servers = new LinkedHashMap<>();
        Map<String, SslContext> clients = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, ServerCredential> entry : config.credentials().entrySet()) {
                ServerCredential credential = entry.getValue();
                X509Certificate[] chain = credential.chain().toArray(X509Certificate[]::new);
                servers.put(entry.getKey(), common(SslContextBuilder.forServer(credential.key(), chain))
                        .clientAuth(ClientAuth.OPTIONAL).build());
                clients.put(entry.getKey(), common(SslContextBuilder.forClient().keyManager(credential.key(), chain)).build());
            }
            return new TlsContexts(Collections.unmodifiableMap(servers), Map.copyOf(clients), common(SslContextBuilder.forClient()).build());
        } catch (SSLException e) {
            throw new IllegalArgumentException("TLS cannot be set up with the configured certificates: " + e.getMessage(), e);
        }
    }

    private static SslContextBuilder common(SslContextBuilder builder) {
        return builder.sslProvider(SslProvider.JDK).protocols(PROTOCOLS).ciphers(CIPHER_SUITES)
                .trustManager(DeferredTrustManager.INSTANCE).applicationProtocolConfig(ALPN);
    }

    /** Whether inbound streams can be offered TLS: there is a certificate to present. */
    public boolean canAccept() {
        return !servers.isEmpty();
    }

    /**
     * The handler that starts TLS as the server: it reads the peer's SNI and presents the
     * certificate of that local domain, or of the first configured one when the peer names none.
     */
    public SniHandler newServerHandler() {
        SslContext fallback = servers.values().stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no certificate to accept TLS with"));
        DomainWildcardMappingBuilder<SslContext> mapping = new DomainWildcardMappingBuilder<>(fallback);
        servers.forEach(mapping::add);
        return new SniHandler(mapping.build());
    }

    /**
     * The handler that starts TLS as the client towards {@code remoteDomain}, presenting the
     * certificate of {@code localDomain} if there is one, with SNI naming the remote domain.
     */
    public SslHandler newClientHandler(ByteBufAllocator allocator, String localDomain, String remoteDomain, int port) {
        SslContext context = Optional.ofNullable(clients.get(localDomain)).orElse(anonymousClient);
        SslHandler handler = context.newHandler(allocator, remoteDomain, port);
        SSLEngine engine = handler.engine();
        SSLParameters parameters = engine.getSSLParameters();
        // SNI is the XMPP domain, not the SRV target host (RFC 7590 §3.1, XEP-0368 §3).
        parameters.setServerNames(List.of(new SNIHostName(remoteDomain)));
        engine.setSSLParameters(parameters);
        return handler;
    }
}
