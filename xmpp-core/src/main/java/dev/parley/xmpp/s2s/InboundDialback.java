package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dialback.DialbackKeys;

import java.time.Clock;
import java.util.Set;

/**
 * What inbound streams need from the engine to authenticate peers by dialback and deliver their
 * stanzas. A listener started without it refuses every stanza, as before dialback existed.
 *
 * @param keys          this server's dialback keys, for answering {@code db:verify} as authoritative server
 * @param verifier      asks other servers' authoritative servers about the keys their streams present
 * @param listener      receives the stanzas of authenticated streams
 * @param backlogs      the engine's stanzas not yet taken by the listener, over every stream
 * @param sessions      the open inbound sessions, for {@link S2sEngine#sessions()}; each stream adds and removes itself
 * @param ids           names each stream's session, from the same counter as the outbound sessions
 * @param clock         when sessions open
 * @param tls           STARTTLS and the certificate checks, per the TLS policy
 * @param health        the idle timeout of inbound streams
 * @param pings         our pings waiting for answers, which arrive on inbound streams
 * @param replies       sends the answers to peers' pings over our outbound sessions
 * @param remoteDomains the host's say on which domains peers may authenticate
 * @param events        where each stream reports its authentications, refusals and end
 */
record InboundDialback(DialbackKeys keys, DialbackVerifier verifier, StanzaListener listener, InboundBacklogs backlogs,
                       Set<InboundSession> sessions, SessionIds ids, Clock clock, S2sTls tls, SessionHealth health,
                       ServerPings pings, StanzaSender replies, InboundFederationPolicy remoteDomains,
                       FederationEvents events) {
}
