package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dns.HostResolver;
import dev.parley.xmpp.dns.S2sResolutionException;
import dev.parley.xmpp.dns.S2sTarget;
import dev.parley.xmpp.dns.S2sTargetResolver;
import dev.parley.xmpp.stanza.StanzaErrorCondition;
import dev.parley.xmpp.tls.TlsPolicy;
import dev.parley.xmpp.xml.XmlLimits;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.Optional;

/**
 * Opens a TCP connection to a remote domain's S2S service: its targets from the
 * {@link S2sTargetResolver}, best first, each target's addresses from the {@link HostResolver}, one
 * attempt after the other until one connects. Shared by sessions and dialback verifications.
 *
 * <p>Direct-TLS targets (XEP-0368) start TLS on connect; they are tried in the resolver's order with
 * the others, and skipped when the TLS policy for the domain is {@code NONE}.
 */
final class OutboundConnector {

    private static final System.Logger LOG = System.getLogger(OutboundConnector.class.getName());

    private final EventLoopGroup group;
    private final S2sTargetResolver targets;
    private final HostResolver hosts;
    private final Duration connectTimeout;
    private final XmlLimits limits;
    private final S2sTls tls;

    OutboundConnector(EventLoopGroup group, S2sTargetResolver targets, HostResolver hosts, Duration connectTimeout,
                      XmlLimits limits, S2sTls tls) {
        this.group = group;
        this.targets = targets;
        this.hosts = hosts;
        this.connectTimeout = connectTimeout;
        this.limits = limits;
        this.tls = tls;
    }

    /**
     * The connected channel, its pipeline with a fresh stream handler for {@code stream}; completes
     * exceptionally with a {@link RemoteDomainException} naming every attempt when none succeeds.
     */
    CompletableFuture<Channel> connect(OutboundStreamSpec stream) {
        String domain = stream.remoteDomain();
        boolean tlsAllowed = tls.policyFor(Optional.of(domain)) != TlsPolicy.NONE;
        return targets.targets(domain)
                .exceptionally(failure -> {
                    throw new CompletionException(resolutionFailure(domain, failure));
                })
                .thenCompose(found -> {
                    List<S2sTarget> usable = found.stream().filter(target -> tlsAllowed || !target.directTls()).toList();
                    if (usable.isEmpty()) {
                        return CompletableFuture.failedFuture(new RemoteDomainException(
                                StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND, domain
                                + " offers only direct TLS connections, and the policy for it is " + TlsPolicy.NONE));
                    }
                    return tryTargets(domain, usable, 0, new Attempts(), stream);
                });
    }

    private CompletableFuture<Channel> tryTargets(String domain, List<S2sTarget> candidates, int index, Attempts attempts,
                                                  OutboundStreamSpec stream) {
        if (index == candidates.size()) {
            return CompletableFuture.failedFuture(attempts.failure(domain));
        }
        S2sTarget target = candidates.get(index);
        return hosts.addresses(target.host())
                .handle((addresses, failure) -> {
                    if (failure != null) {
                        attempts.add(resolutionFailure(target.host(), failure).getMessage(), false);
                        return List.<InetAddress>of();
                    }
                    return addresses;
                })
                .thenCompose(addresses -> tryAddresses(target, addresses, 0, attempts, stream))
                .thenCompose(channel -> channel != null ? CompletableFuture.completedFuture(channel)
                        : tryTargets(domain, candidates, index + 1, attempts, stream));
    }

    /** Completes with null when no address of {@code target} connects, so the next target is tried. */
    private CompletableFuture<Channel> tryAddresses(S2sTarget target, List<InetAddress> addresses, int index,
                                                    Attempts attempts, OutboundStreamSpec stream) {
        if (index == addresses.size()) {
            return CompletableFuture.completedFuture(null);
        }
        InetSocketAddress address = new InetSocketAddress(addresses.get(index), target.port());
        CompletableFuture<Channel> connected = new CompletableFuture<>();
        new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new OutboundChannelInitializer(limits, target.directTls()
                        ? Optional.of(channel -> tls.clientHandler(channel.alloc(), stream.localDomain(),
                                stream.remoteDomain(), target.port()))
                        : Optional.empty(),
                        new OutboundStreamHandler(stream.localDomain(), stream.remoteDomain(), stream.events(), tls,
                                limits, stream.authenticate(), target.directTls())))
                .connect(address)
                .addListener(future -> {
                    if (future.isSuccess()) {
                        connected.complete(((ChannelFuture) future).channel());
                    } else {
                        boolean timeout = future.cause() instanceof ConnectTimeoutException;
                        LOG.log(Level.DEBUG, "cannot connect to {0} ({1}): {2}", target.host(), address, future.cause().toString());
                        attempts.add(target.host() + " " + address.getAddress().getHostAddress() + ":" + target.port()
                                + ": " + (timeout ? "no answer in time" : future.cause().getMessage()), timeout);
                        connected.complete(null);
                    }
                });
        return connected.thenCompose(channel -> channel != null ? CompletableFuture.completedFuture(channel)
                : tryAddresses(target, addresses, index + 1, attempts, stream));
    }

    private static RemoteDomainException resolutionFailure(String name, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof S2sResolutionException resolution) {
            StanzaErrorCondition condition = resolution.reason() == S2sResolutionException.Reason.NOT_FOUND
                    ? StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND
                    : StanzaErrorCondition.REMOTE_SERVER_TIMEOUT;
            return new RemoteDomainException(condition, "DNS lookup of " + name + " failed: " + resolution.getMessage());
        }
        return RemoteDomainException.of(cause);
    }

    /** What went wrong with each attempt, to tell the administrator and the senders everything that was tried. */
    private static final class Attempts {

        private final List<String> failures = new ArrayList<>();
        private boolean allTimedOut = true;

        synchronized void add(String failure, boolean timeout) {
            failures.add(failure);
            allTimedOut &= timeout;
        }

        synchronized RemoteDomainException failure(String domain) {
            StanzaErrorCondition condition = !failures.isEmpty() && allTimedOut
                    ? StanzaErrorCondition.REMOTE_SERVER_TIMEOUT
                    : StanzaErrorCondition.REMOTE_SERVER_NOT_FOUND;
            return new RemoteDomainException(condition, "could not connect to " + domain + " (" + String.join("; ", failures) + ")");
        }
    }
}
