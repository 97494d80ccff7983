package dev.parley.xmpp.s2s;

import dev.parley.xmpp.stream.StreamError;
import dev.parley.xmpp.stream.StreamErrorCondition;

import java.lang.System.Logger.Level;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The host's {@link RemoteDomainPolicy} applied to the domains remote servers authenticate on inbound streams (dialback
 * {@code db:result}, SASL EXTERNAL). The policy is read from the engine's current settings at each authentication,
 * not from the generation a stream started with: a reconfiguration that refuses a domain ends the streams already
 * carrying it, and a stream still negotiating must not let it in afterwards.
 */
final class InboundFederationPolicy {

    private static final System.Logger LOG = System.getLogger(InboundFederationPolicy.class.getName());

    private final Supplier<RemoteDomainPolicy> current;
    private final FailureLog failures;

    InboundFederationPolicy(Supplier<RemoteDomainPolicy> current, FailureLog failures) {
        this.current = current;
        this.failures = failures;
    }

    /**
     * The {@code policy-violation} that must end the stream on which {@code remote} (canonical form) would be
     * authenticated for {@code local} by {@code method}, when the host does not federate with it; the refusal is
     * logged, recorded among the recent failures and reported on {@code session}. Empty when federation is allowed.
     */
    Optional<StreamError> refusal(InboundSession session, String local, String remote, AuthMethod method) {
        Optional<String> reason = current.get().refusal(remote);
        if (reason.isEmpty()) {
            return Optional.empty();
        }
        LOG.log(Level.INFO, "refusing {0} for {1} ({2}): {3}", remote, local, method, reason.get());
        failures.record(remote, reason.get());
        StreamError error = StreamError.of(StreamErrorCondition.POLICY_VIOLATION, reason.get());
        session.refused(local, remote, Optional.of(method), ServerStreams.describe(error));
        return Optional.of(error);
    }
}
