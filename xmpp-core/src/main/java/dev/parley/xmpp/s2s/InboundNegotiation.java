package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.sasl.SaslExternal;
import dev.parley.xmpp.sm.StreamManagement;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.tls.CertificateDecision;
import dev.parley.xmpp.tls.CertificateProblem;
import dev.parley.xmpp.tls.CertificateVerdict;
import dev.parley.xmpp.tls.StartTls;
import dev.parley.xmpp.tls.TlsDetails;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlNode;

import io.netty.channel.ChannelPipeline;

import javax.net.ssl.SSLSession;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one inbound stream has negotiated and may negotiate next: STARTTLS per the TLS policy for
 * the peer, SASL EXTERNAL once a certificate authenticates the domain in the header's {@code from},
 * dialback otherwise; stream management wherever no TLS must come first ({@link InboundStreamManagement}). Before the header the peer's domain is unknown, so the policy is the one for
 * {@code from} when the header names it and the global one when it does not. Used on the stream's
 * event loop only.
 */
final class InboundNegotiation {

    private final S2sTls tls;
    private final InboundSession session;
    private Optional<String> peerDomain = Optional.empty();
    private String localDomain;
    private boolean startTlsOffered;
    private boolean tlsRequired;
    private List<X509Certificate> peerChain;
    private CertificateVerdict verdict;
    private boolean externalOffered;
    private boolean saslDone;

    InboundNegotiation(S2sTls tls, InboundSession session) {
        this.tls = tls;
        this.session = session;
    }

    /** The stream whose authentication this negotiates. */
    InboundSession session() {
        return session;
    }

    /** Our domain the latest header named in {@code to}, canonical form. */
    String localDomain() {
        return localDomain;
    }

    /** The domain the latest header named in {@code from}, canonical form; SASL EXTERNAL authenticates it. */
    Optional<String> peerDomain() {
        return peerDomain;
    }

    /**
     * A header arrived, the first or one after a restart; {@code ssl} is the TLS session when TLS is
     * on. Returns the error that ends the stream when the policy refuses the peer.
     */
    Optional<StreamError> onHeader(Optional<String> from, String to, boolean hasFeatures, Optional<SSLSession> ssl) {
        peerDomain = from.map(Domains::canonical);
        localDomain = Domains.canonical(to);
        TlsPolicy policy = tls.policyFor(peerDomain);
        String peer = peerDomain.orElse("a peer that does not name its domain");
        if (ssl.isEmpty()) {
            startTlsOffered = hasFeatures && policy != TlsPolicy.NONE && tls.canAccept();
            tlsRequired = policy.requiresTls();
            if (tlsRequired && !startTlsOffered) {
                return Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION, "TLS is required for " + peer
                        + (hasFeatures ? ", but this server has no certificate to offer it" : ", which needs XMPP 1.0 stream features")));
            }
            return Optional.empty();
        }
        startTlsOffered = false;
        tlsRequired = false;
        peerChain = TlsDetails.peerChain(ssl.get());
        verdict = peerDomain.map(domain -> tls.verify(peerChain, domain))
                .orElseGet(() -> new CertificateVerdict.Rejected(CertificateProblem.NAME_MISMATCH,
                        "the stream header names no domain to check the certificate against", Optional.empty()));
        session.secured(TlsDetails.of(ssl.get(), verdict));
        CertificateDecision decision = policy.decide(verdict);
        if (decision == CertificateDecision.REFUSE) {
            return Optional.of(StreamError.of(StreamErrorCondition.POLICY_VIOLATION, "the certificate of " + peer
                    + " is not accepted: " + ((CertificateVerdict.Rejected) verdict).reason()));
        }
        externalOffered = decision == CertificateDecision.AUTHENTICATES && !saslDone;
        return Optional.empty();
    }

    /** The features to offer after the header just checked. */
    XmlElement features() {
        List<XmlNode> features = new ArrayList<>();
        if (startTlsOffered) {
            features.add(StartTls.feature(tlsRequired));
        }
        if (externalOffered) {
            features.add(SaslExternal.feature());
        }
        if (!tlsRequired) {
            features.add(Dialback.feature());
            features.add(StreamManagement.feature());
        }
        return new XmlElement("features", XmppNamespaces.STREAMS, List.of(), features);
    }

    /** Whether {@code <starttls/>} may be answered with {@code <proceed/>} now. */
    boolean startTlsOffered() {
        return startTlsOffered;
    }

    /** Starts the server side of TLS in front of {@code pipeline}, after {@code <proceed/>} is written. */
    void startTls(ChannelPipeline pipeline) {
        startTlsOffered = false;
        tlsRequired = false;
        tls.startServer(pipeline);
    }

    /** Whether the policy allows nothing but STARTTLS now. */
    boolean tlsRequiredFirst() {
        return tlsRequired;
    }

    /**
     * Checks an {@code <auth/>}: empty when it authenticates the header's domain, else the
     * {@code <failure/>} to answer (RFC 6120 §6.5, XEP-0178 §3).
     */
    Optional<XmlElement> refusalOfAuth(XmlElement auth) {
        if (!externalOffered) {
            return Optional.of(SaslExternal.failure("not-authorized", "SASL EXTERNAL needs TLS with a certificate that"
                    + " authenticates the domain in the stream header"));
        }
        if (!auth.attribute("mechanism").filter(SaslExternal.MECHANISM::equals).isPresent()) {
            return Optional.of(SaslExternal.failure("invalid-mechanism", "only EXTERNAL is offered"));
        }
        Optional<String> authzid;
        try {
            authzid = SaslExternal.authorizationIdentity(auth);
        } catch (IllegalArgumentException notBase64) {
            return Optional.of(SaslExternal.failure("incorrect-encoding", "the authorization identity is not base64"));
        }
        if (authzid.isPresent() && !Domains.canonical(authzid.get()).equals(peerDomain.orElseThrow())) {
            return Optional.of(SaslExternal.failure("invalid-authzid", "the authorization identity must be the domain"
                    + " in the stream header, " + peerDomain.get()));
        }
        return Optional.empty();
    }

    /** SASL EXTERNAL succeeded: the header's domain pair is authenticated, and is not offered EXTERNAL again. */
    void saslSucceeded() {
        saslDone = true;
        externalOffered = false;
        session.authenticate(localDomain, peerDomain.orElseThrow(), AuthMethod.SASL_EXTERNAL);
    }

    /**
     * Why {@code originating} may not authenticate by dialback on this stream, if it may not: its
     * policy wants TLS and the stream has none, or wants a valid certificate and ours does not name it
     * (a piggy-backed domain must pass the same check as the header's).
     */
    Optional<String> dialbackRefusal(String originating) {
        TlsPolicy policy = tls.policyFor(Optional.of(originating));
        if (policy.requiresTls() && peerChain == null) {
            return Optional.of("TLS is required for " + originating);
        }
        if (policy == TlsPolicy.REQUIRED_VALID_CERT) {
            CertificateVerdict forOriginating = tls.verify(peerChain, originating);
            if (forOriginating instanceof CertificateVerdict.Rejected rejected) {
                return Optional.of("the certificate is not accepted for " + originating + ": " + rejected.reason());
            }
        }
        return Optional.empty();
    }
}
