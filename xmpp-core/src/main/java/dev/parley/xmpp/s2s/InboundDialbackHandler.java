package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.Dialback;
import dev.parley.xmpp.dialback.DialbackType;
import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.xml.XmlElement;
import dev.parley.xmpp.xml.XmlWriter;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;

import java.lang.System.Logger.Level;
import java.util.Optional;

/**
 * The receiving and the authoritative server's side of Server Dialback (XEP-0220) on one inbound
 * stream. A {@code db:result} request is checked with the originating domain's authoritative
 * server through the {@link DialbackVerifier}; the answer goes back as {@code db:result} with
 * {@code type} valid, invalid or error, and a valid one authenticates the domain pair on this
 * stream. A {@code db:verify} request is answered from our own keys, since then we are the
 * authoritative server. Everything else passes on to the stanza gate.
 *
 * <p>Both requests name domains in their canonical form from the start (RFC 7622: lower-case A-labels, any IDNA dot
 * a dot), so that the TLS policy, the verification and the authentication all see the one name the engine stores;
 * a name that is no domainpart ends the stream with {@code improper-addressing}, like a missing one. A
 * {@code db:result} for a pair already authenticated or already being verified on this stream is ignored: the peer
 * has its answer, or will get it from the verification under way.
 *
 * <p>A {@code db:result} for a domain the host does not federate with ({@link InboundFederationPolicy}) ends the stream
 * with {@code policy-violation} before that domain's authoritative server is contacted, even when the stream already
 * carries other domains: a stream error is the only refusal that tells the peer plainly, and it ends the whole stream,
 * so piggy-backed domains reconnect. Every refusal of a {@code db:result} is reported on the {@link InboundSession}.
 */
final class InboundDialbackHandler extends SimpleChannelInboundHandler<XmlElement> {

    private static final System.Logger LOG = System.getLogger(InboundDialbackHandler.class.getName());

    private final ListenerConfig config;
    private final InboundDialback dialback;
    private final InboundSession session;
    private final InboundNegotiation negotiation;
    private final PendingVerifications pending = new PendingVerifications();
    private String streamId;

    InboundDialbackHandler(ListenerConfig config, InboundDialback dialback, InboundSession session,
                           InboundNegotiation negotiation) {
        this.config = config;
        this.dialback = dialback;
        this.session = session;
        this.negotiation = negotiation;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof InboundStreamOpened opened) {
            streamId = opened.streamId();
        }
        ctx.fireUserEventTriggered(event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, XmlElement element) {
        // Requests carry no type; a typed db:result or db:verify is an answer, which a receiving
        // server never expects on an inbound stream, so the gate refuses it like any non-stanza.
        boolean request = element.attribute("type").isEmpty();
        if (request && Dialback.isResult(element)) {
            onResultRequest(ctx, element);
        } else if (request && Dialback.isVerify(element)) {
            onVerifyRequest(ctx, element);
        } else {
            ctx.fireChannelRead(element);
        }
    }

    /** {@code <db:result from=O to=R>key</db:result>}: O claims to send to our R on this stream. */
    private void onResultRequest(ChannelHandlerContext ctx, XmlElement request) {
        Optional<String> originating = request.attribute("from").flatMap(InboundDialbackHandler::domainpart);
        Optional<String> receiving = request.attribute("to").flatMap(InboundDialbackHandler::domainpart);
        if (originating.isEmpty() || receiving.isEmpty()) {
            failStream(ctx, "db:result needs a domain name in both 'from' and 'to'");
            return;
        }
        String from = originating.get();
        String to = receiving.get();
        if (!config.serves(to)) {
            // XEP-0220 §2.4: since we advertised dialback errors, an unknown 'to' is a dialback
            // error, not a stream error, and the stream stays open for the peer's other domains.
            LOG.log(Level.DEBUG, "dialback from {0} for {1}, which is not served here", from, to);
            refuse(ctx, to, from, StanzaErrorCondition.ITEM_NOT_FOUND, to + " is not served here");
            return;
        }
        if (refusedByHost(ctx, to, from)) {
            return;
        }
        Optional<String> refusal = negotiation.dialbackRefusal(from);
        if (refusal.isPresent()) {
            // The TLS policy for the sender wants more than this stream has; dialback cannot make up for it.
            LOG.log(Level.INFO, "dialback from {0} for {1} refused: {2}", from, to, refusal.get());
            refuse(ctx, to, from, StanzaErrorCondition.POLICY_VIOLATION, refusal.get());
            return;
        }
        if (session.allows(to, from)) {
            return;
        }
        switch (pending.admit(to, from)) {
            case ALREADY_PENDING -> {
                return;
            }
            case FULL -> {
                LOG.log(Level.INFO, "dialback from {0} for {1} refused: {2} verifications already wait on stream {3}",
                        from, to, PendingVerifications.MAX_PER_STREAM, streamId);
                refuse(ctx, to, from, StanzaErrorCondition.RESOURCE_CONSTRAINT,
                        PendingVerifications.MAX_PER_STREAM + " verifications already wait on this stream");
                return;
            }
            case ADMITTED -> LOG.log(Level.DEBUG, "verifying dialback key of {0} for {1} on stream {2}", from, to, streamId);
        }
        dialback.verifier().verify(to, from, streamId, request.text().trim())
                .whenComplete((type, failure) -> ctx.executor().execute(() -> {
                    pending.finished(to, from);
                    answerResult(ctx, to, from, type, failure);
                }));
    }

    private void answerResult(ChannelHandlerContext ctx, String receiving, String originating, DialbackType type,
                              Throwable failure) {
        if (failure != null) {
            RemoteDomainException reason = RemoteDomainException.of(failure);
            LOG.log(Level.INFO, "cannot verify dialback of {0} for {1}: {2}", originating, receiving, reason.getMessage());
            refuse(ctx, receiving, originating, reason.condition(), reason.getMessage());
            return;
        }
        if (type == DialbackType.VALID) {
            // Checked again: a reconfiguration may have refused the domain while its server was being asked.
            if (refusedByHost(ctx, receiving, originating)) {
                return;
            }
            session.authenticate(receiving, originating, AuthMethod.DIALBACK);
            LOG.log(Level.INFO, "{0} authenticated by dialback to send to {1} from {2}", originating, receiving,
                    ctx.channel().remoteAddress());
        } else {
            LOG.log(Level.INFO, "{0} presented a dialback key for {1} that its authoritative server denies",
                    originating, receiving);
            session.refused(receiving, originating, Optional.of(AuthMethod.DIALBACK),
                    "the authoritative server of " + originating + " denies the dialback key");
        }
        write(ctx, Dialback.resultAnswer(receiving, originating, type));
    }

    /** Whether the host refuses {@code originating}; if so the stream is ending with {@code policy-violation}. */
    private boolean refusedByHost(ChannelHandlerContext ctx, String receiving, String originating) {
        Optional<StreamError> refusal = dialback.remoteDomains().refusal(session, receiving, originating,
                AuthMethod.DIALBACK);
        refusal.ifPresent(error -> ctx.pipeline().fireUserEventTriggered(new StreamFailure(error)));
        return refusal.isPresent();
    }

    /** Answers {@code db:result} with an error of {@code condition}, and reports the refusal and its {@code reason}. */
    private void refuse(ChannelHandlerContext ctx, String receiving, String originating, StanzaErrorCondition condition,
                        String reason) {
        // An event names only our own domains; a 'to' we do not serve is in the reason.
        session.refused(config.serves(receiving) ? receiving : "", originating, Optional.of(AuthMethod.DIALBACK),
                "dialback error " + condition.elementName() + ": " + reason);
        write(ctx, Dialback.resultError(receiving, originating, condition));
    }

    /** {@code <db:verify from=R to=O id=…>key</db:verify>}: R asks us, O's authoritative server. */
    private void onVerifyRequest(ChannelHandlerContext ctx, XmlElement request) {
        Optional<String> receiving = request.attribute("from").flatMap(InboundDialbackHandler::domainpart);
        Optional<String> originating = request.attribute("to").flatMap(InboundDialbackHandler::domainpart);
        Optional<String> id = request.attribute("id");
        if (receiving.isEmpty() || originating.isEmpty() || id.isEmpty()) {
            failStream(ctx, "db:verify needs a domain name in 'from' and 'to', and an 'id'");
            return;
        }
        String from = receiving.get();
        String to = originating.get();
        if (!config.serves(to)) {
            write(ctx, Dialback.verifyError(to, from, id.get(), StanzaErrorCondition.ITEM_NOT_FOUND));
            return;
        }
        boolean valid = dialback.keys().matches(request.text(), from, to, id.get());
        LOG.log(Level.DEBUG, "{0} asked whether {1} opened stream {2}: {3}", from, to, id.get(), valid);
        write(ctx, Dialback.verifyAnswer(to, from, id.get(), valid ? DialbackType.VALID : DialbackType.INVALID));
    }

    /** The canonical form of a peer's domain name, or empty when it is none. */
    private static Optional<String> domainpart(String domain) {
        try {
            return Optional.of(Jid.ofDomain(domain).domainpart());
        } catch (InvalidJidException e) {
            return Optional.empty();
        }
    }

    private static void write(ChannelHandlerContext ctx, XmlElement element) {
        ctx.writeAndFlush(XmlWriter.write(element, ServerStreams.SCOPE));
    }

    private void failStream(ChannelHandlerContext ctx, String text) {
        StreamError error = StreamError.of(StreamErrorCondition.IMPROPER_ADDRESSING, text);
        session.refused(Optional.of(AuthMethod.DIALBACK), ServerStreams.describe(error));
        ctx.pipeline().fireUserEventTriggered(new StreamFailure(error));
    }
}
