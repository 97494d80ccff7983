package dev.parley.xmpp.s2s;

import dev.parley.xmpp.tls.TlsDetails;

import java.util.Objects;
import java.util.Optional;

/**
 * What an outbound stream's negotiation achieved, for whoever uses the stream.
 *
 * @param streamId          the id the receiving server chose for the final stream; dialback keys bind to it
 * @param tls               the encryption, empty for a plaintext stream
 * @param saslAuthenticated whether SASL EXTERNAL already authenticated the domain in our header
 * @param dialbackOffered   whether the receiving server offers dialback (or predates stream features)
 * @param streamManagementOffered whether the receiving server offers XEP-0198 stream management on the final stream
 */
record NegotiatedStream(String streamId, Optional<TlsDetails> tls, boolean saslAuthenticated, boolean dialbackOffered,
                        boolean streamManagementOffered) {

    NegotiatedStream {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(tls, "tls");
    }
}
