package dev.parley.xmpp.s2s;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happened to federation with a remote domain, for an audit trail. Its texts are bounded, whatever a
 * peer sent: a domain longer than 255 characters that is no domainpart is cut to 255, {@code remoteAddress} to 64
 * characters and {@code detail} to 1,024; a cut text ends with "…".
 *
 * @param at            when it happened
 * @param kind          what happened
 * @param direction     who opened the stream: the remote server ({@code INBOUND}) or this one ({@code OUTBOUND})
 * @param localDomain   our domain concerned, canonical form; empty when not known yet (a header refused before it
 *                      named one of our domains)
 * @param remoteDomain  the remote domain concerned, canonical form; empty when not known yet. On a refused inbound
 *                      stream it is the domain the peer claimed, which it has not proven, and may be no domain name
 *                      at all (then lower-cased, and cut when longer than 255 characters)
 * @param remoteAddress the peer's IP address and port, e.g. {@code 192.0.2.7:5269} or {@code [2001:db8::7]:5269};
 *                      empty when no connection was made
 * @param authMethod    how the domain pair was authenticated, or was being authenticated when refused
 * @param tls           the stream's protocol and cipher suite, e.g. {@code TLSv1.3 TLS_AES_256_GCM_SHA384}; empty
 *                      while it is plaintext
 * @param detail        why, in words a person understands: the refusal or failure, or why a stream closed (idle, the
 *                      peer closed it, a stream error with its condition and text, shutdown, reconfiguration)
 */
public record FederationEvent(Instant at, Kind kind, SessionDirection direction, String localDomain,
                              String remoteDomain, String remoteAddress, Optional<AuthMethod> authMethod,
                              Optional<String> tls, String detail) {

    public enum Kind {
        /** A (local, remote) domain pair became authenticated on a stream; stanzas may flow. */
        STREAM_OPENED,
        /** A stream on which the pair was authenticated ended. */
        STREAM_CLOSED,
        /** An inbound stream, or a remote server's authentication of a domain on it, was refused. */
        REFUSED,
        /** An outbound attempt to reach a remote domain failed. */
        CONNECTION_FAILED,
        /** Proxy mode: the link to the proxy came up; stanzas flow through it. */
        PROXY_LINK_UP,
        /** Proxy mode: the link to the proxy went down, or an attempt to open it failed; the detail says why. */
        PROXY_LINK_DOWN
    }

    public FederationEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(direction, "direction");
        Objects.requireNonNull(localDomain, "localDomain");
        Objects.requireNonNull(remoteDomain, "remoteDomain");
        Objects.requireNonNull(remoteAddress, "remoteAddress");
        Objects.requireNonNull(authMethod, "authMethod");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(detail, "detail");
    }
}
