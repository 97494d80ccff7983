package dev.parley.xmpp.s2s;

import dev.parley.xmpp.tls.CertificateVerdict;
import dev.parley.xmpp.tls.CertificateVerifier;
import dev.parley.xmpp.tls.ServerCredential;
import dev.parley.xmpp.tls.ServiceIdentity;
import dev.parley.xmpp.tls.TlsConfig;
import dev.parley.xmpp.tls.TlsContexts;
import dev.parley.xmpp.tls.TlsPolicy;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.ssl.SslHandler;

import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Everything the engine's streams need to do TLS, built once per settings generation
 * ({@link EngineSettings}): the policy lookup, the Netty handlers with our certificates, and the
 * check of peer certificates.
 */
final class S2sTls {

    /** The pipeline name of the TLS handler, in front of everything else. */
    static final String HANDLER_NAME = "tls";

    private final TlsConfig config;
    private final TlsContexts contexts;
    private final CertificateVerifier verifier;
    private final Clock clock;

    S2sTls(TlsConfig config, CertificateVerifier verifier, Clock clock) {
        this.config = config;
        this.contexts = TlsContexts.create(config);
        this.verifier = verifier;
        this.clock = clock;
    }

    /** The policy for a peer, or the global one while its domain is unknown. */
    TlsPolicy policyFor(Optional<String> peerDomain) {
        return peerDomain.map(config::policyFor).orElse(config.globalPolicy());
    }

    /** Whether we have a certificate to offer STARTTLS or direct TLS to peers with. */
    boolean canAccept() {
        return contexts.canAccept();
    }

    /** Puts the server side of TLS in front of the pipeline; the peer's SNI picks our certificate. */
    void startServer(ChannelPipeline pipeline) {
        pipeline.addFirst(HANDLER_NAME, contexts.newServerHandler());
    }

    /** Puts the client side of TLS in front of the pipeline, towards {@code remoteDomain}. */
    void startClient(ChannelPipeline pipeline, String localDomain, String remoteDomain, int port) {
        pipeline.addFirst(HANDLER_NAME, clientHandler(pipeline.channel().alloc(), localDomain, remoteDomain, port));
    }

    SslHandler clientHandler(ByteBufAllocator allocator, String localDomain, String remoteDomain, int port) {
        return contexts.newClientHandler(allocator, localDomain, remoteDomain, port);
    }

    CertificateVerdict verify(List<X509Certificate> chain, String domain) {
        return verifier.verify(chain, domain);
    }

    /**
     * Whether our own certificate for {@code localDomain} names it and is within its validity, the
     * least it takes for SASL EXTERNAL to have a chance; whether the peer trusts our CA only it knows.
     */
    boolean ownCertificateCovers(String localDomain) {
        Optional<ServerCredential> credential = config.credentialFor(localDomain);
        if (credential.isEmpty()) {
            return false;
        }
        X509Certificate certificate = credential.get().certificate();
        Instant now = clock.instant();
        return ServiceIdentity.covers(certificate, localDomain) && !now.isAfter(certificate.getNotAfter().toInstant())
                && !now.isBefore(certificate.getNotBefore().toInstant());
    }
}
