package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;
import dev.parley.xmpp.stream.StreamHeader;
import dev.parley.xmpp.stream.StreamIds;
import dev.parley.xmpp.stream.StreamVersion;
import dev.parley.xmpp.stream.XmppNamespaces;
import dev.parley.xmpp.xml.XmlStreamEvent.StreamOpened;

import java.util.Optional;

/**
 * Decides how a receiving server answers an initial stream header, per RFC 6120 §4.7 and §4.9.
 *
 * <ul>
 *   <li>The stream element must be {@code stream} in the streams namespace and declare
 *       {@code jabber:server} as default namespace, else {@code invalid-namespace}
 *       ({@code bad-format} for a wrong element name in the right namespace).</li>
 *   <li>A version with a major number above 1, or one that is not {@code major.minor}, gets
 *       {@code unsupported-version}. A higher minor version is answered with {@code 1.0}, the lower
 *       of both (§4.7.5). A header without version comes from a pre-RFC 3920 server: it is
 *       answered without version and without features (§4.7.5), which leaves only dialback.</li>
 *   <li>{@code to} must name a local domain, else {@code host-unknown}. A missing {@code to} is
 *       refused with {@code host-unknown} too: §4.7.2 makes it mandatory for the initiating
 *       entity, and without it the server cannot know which domain's identity (later: certificate)
 *       to present, so falling back to a default domain would present the wrong one.</li>
 * </ul>
 * The response header names the served domain as {@code from} only when {@code to} was one, so an
 * error never reveals which domains this server hosts; its {@code to} echoes the peer's {@code from}.
 */
final class InitialHeaderCheck {

    private final ListenerConfig config;

    InitialHeaderCheck(ListenerConfig config) {
        this.config = config;
    }

    HeaderAnswer answer(StreamOpened opened) {
        Optional<String> servedDomain = opened.attribute("to").filter(config::serves);
        Optional<String> versionText = opened.attribute("version");
        Optional<StreamVersion> peerVersion = versionText.flatMap(StreamVersion::parse);
        // Answer with 1.0 unless the peer predates versions (none, or a 0.x like 0.9).
        Optional<StreamVersion> version = versionText.isPresent() && peerVersion.filter(v -> v.major() == 0).isEmpty()
                ? Optional.of(StreamVersion.V1_0)
                : Optional.empty();
        StreamHeader response = new StreamHeader(servedDomain, opened.attribute("from"), Optional.of(StreamIds.next()),
                version, Optional.of("en"), XmppNamespaces.SERVER);
        return new HeaderAnswer(response, problem(opened, servedDomain, versionText, peerVersion));
    }

    private static Optional<StreamError> problem(StreamOpened opened, Optional<String> servedDomain,
                                                 Optional<String> versionText, Optional<StreamVersion> peerVersion) {
        if (!opened.namespace().equals(XmppNamespaces.STREAMS)) {
            return error(StreamErrorCondition.INVALID_NAMESPACE, "the stream element must be in " + XmppNamespaces.STREAMS);
        }
        if (!opened.name().equals("stream")) {
            return error(StreamErrorCondition.BAD_FORMAT, "the root element must be <stream:stream>");
        }
        if (!opened.defaultNamespace().filter(XmppNamespaces.SERVER::equals).isPresent()) {
            return error(StreamErrorCondition.INVALID_NAMESPACE, "the default namespace must be " + XmppNamespaces.SERVER);
        }
        if (versionText.isPresent() && peerVersion.filter(v -> v.major() <= 1).isEmpty()) {
            return error(StreamErrorCondition.UNSUPPORTED_VERSION, "only XMPP 1.0 is supported");
        }
        if (opened.attribute("to").isEmpty()) {
            return error(StreamErrorCondition.HOST_UNKNOWN, "the stream header must name the receiving domain in 'to'");
        }
        if (servedDomain.isEmpty()) {
            return error(StreamErrorCondition.HOST_UNKNOWN, "this server does not serve the domain in 'to'");
        }
        return Optional.empty();
    }

    private static Optional<StreamError> error(StreamErrorCondition condition, String text) {
        return Optional.of(StreamError.of(condition, text));
    }
}
