package dev.parley.xmpp.s2s;

import dev.parley.xmpp.dns.HostResolver;
import dev.parley.xmpp.dns.S2sResolutionException;
import dev.parley.xmpp.dns.S2sTarget;
import dev.parley.xmpp.dns.S2sTargetResolver;
import dev.parley.xmpp.net.PrivateAddresses;
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
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Opens a TCP connection to a remote domain's S2S service: its targets from the
 * {@link S2sTargetResolver}, best first, their addresses from the {@link HostResolver} (looked up
 * at once for all targets), all raced Happy Eyeballs style (RFC 8305) in that order: a target that
 * does not answer (a firewall dropping packets) costs the connection attempt delay, not the
 * connect timeout, before the next address or target is tried alongside it. Shared by sessions
 * and dialback verifications.
 *
 * <p>Direct-TLS targets (XEP-0368) start TLS on connect; they are tried in the resolver's order with
 * the others, and skipped when the TLS policy for the domain is {@code NONE}.
 *
 * <p>Without private federation, an address that does not belong on the public internet
 * ({@link PrivateAddresses}) is not connected to, and the failure names it and why.
 */
final class OutboundConnector {

    private static final System.Logger LOG = System.getLogger(OutboundConnector.class.getName());

    private final EventLoopGroup group;
    private final S2sTargetResolver targets;
    private final HostResolver hosts;
    private final Duration connectTimeout;
    private final XmlLimits limits;
    private final S2sTls tls;
    private final SessionHealth health;
    private final Duration connectionAttemptDelay;
    private final ServerPings pings;
    private final boolean privateFederation;

    OutboundConnector(EventLoopGroup group, S2sTargetResolver targets, HostResolver hosts, Duration connectTimeout,
                      XmlLimits limits, S2sTls tls, SessionHealth health, ServerPings pings, boolean privateFederation) {
        this.group = group;
        this.targets = targets;
        this.hosts = hosts;
        this.connectTimeout = connectTimeout;
        this.limits = limits;
        this.tls = tls;
        this.health = health;
        this.connectionAttemptDelay = health.connectionAttemptDelay();
        this.pings = pings;
        this.privateFederation = privateFederation;
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
                    return tryTargets(domain, usable, new Attempts(), stream);
                });
    }

    /**
     * Every address of every target, raced in the targets' order; a target whose name fails is skipped. All names are
     * looked up at once, and each target joins the race as soon as it and the targets before it are known: a slow
     * lookup of a backup target delays nothing while the preferred one connects.
     */
    private CompletableFuture<Channel> tryTargets(String domain, List<S2sTarget> candidates, Attempts attempts,
                                                  OutboundStreamSpec stream) {
        AddressRace race = new AddressRace(attempts, stream);
        CompletableFuture<Void> inOrder = CompletableFuture.completedFuture(null);
        for (S2sTarget target : candidates) {
            CompletableFuture<List<Candidate>> lookup = hosts.addresses(target.host())
                    .handle((addresses, failure) -> {
                        if (failure != null) {
                            attempts.add(resolutionFailure(target.host(), failure).getMessage(), false);
                            return List.<Candidate>of();
                        }
                        return addresses.stream().filter(address -> mayConnect(target, address, attempts))
                                .map(address -> new Candidate(target, address)).toList();
                    }).toCompletableFuture();
            inOrder = inOrder.thenCombine(lookup, (before, found) -> {
                race.join(found);
                return null;
            });
        }
        inOrder.whenComplete((all, failure) -> race.allJoined());
        return race.outcome()
                .thenCompose(channel -> channel != null ? CompletableFuture.completedFuture(channel)
                        : CompletableFuture.failedFuture(attempts.failure(domain)));
    }

    /** Whether {@code address} of {@code target} may be connected to; if not, why not is among the attempts. */
    private boolean mayConnect(S2sTarget target, InetAddress address, Attempts attempts) {
        if (privateFederation) {
            return true;
        }
        Optional<String> kind = PrivateAddresses.kindOf(address);
        kind.ifPresent(notPublic -> attempts.add(target.host() + " " + address.getHostAddress() + ":" + target.port()
                + ": not connected to, " + notPublic + " (private federation is off)", false));
        return kind.isEmpty();
    }

    /** One address of one target. */
    private record Candidate(S2sTarget target, InetAddress address) {

        InetSocketAddress socketAddress() {
            return new InetSocketAddress(address, target.port());
        }
    }

    private ChannelFuture connect(S2sTarget target, InetSocketAddress address, OutboundStreamSpec stream) {
        return new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new OutboundChannelInitializer(limits, target.directTls()
                        ? Optional.of(channel -> tls.clientHandler(channel.alloc(), stream.localDomain(),
                                stream.remoteDomain(), target.port()))
                        : Optional.empty(), stream,
                        new OutboundStreamHandler(stream.localDomain(), stream.remoteDomain(), stream.events(), tls,
                                limits, stream.authenticate(), target.directTls()), health, pings))
                .connect(address);
    }

    /**
     * The targets' addresses racing to connect, in the targets' order and each target's in the
     * resolver's (IPv6 and IPv4 interleaved): each attempt gets the connection attempt delay before
     * the next starts alongside it, a failed attempt starts the next at once, and the first to
     * connect wins. A loser that connects anyway
     * loses its stream handler before it is closed, so that its end is reported to nobody.
     *
     * <p>Attempts settle on the event loops of their channels, the delay on another: state is
     * guarded by this object's lock, and the outcome completes outside it.
     */
    private final class AddressRace {

        private final List<Candidate> addresses = new ArrayList<>();
        private final Attempts attempts;
        private final OutboundStreamSpec stream;
        private final CompletableFuture<Channel> outcome = new CompletableFuture<>();
        private final List<ChannelFuture> running = new ArrayList<>();
        private int started;
        private boolean decided;
        /** Every target's addresses have joined. */
        private boolean allJoined;
        /** The next attempt is due, but its address is not known yet: it starts as soon as one joins. */
        private boolean due;
        private ScheduledFuture<?> nextAttempt;

        AddressRace(Attempts attempts, OutboundStreamSpec stream) {
            this.attempts = attempts;
            this.stream = stream;
        }

        /** The first channel to connect, or null when every address failed. */
        CompletableFuture<Channel> outcome() {
            return outcome;
        }

        /** The next target's addresses, behind the ones before; the first ones start the race. */
        void join(List<Candidate> more) {
            boolean startNow;
            synchronized (this) {
                addresses.addAll(more);
                startNow = !more.isEmpty() && (started == 0 || due);
                due = false;
            }
            if (startNow) {
                startNext();
            }
        }

        void allJoined() {
            boolean lost;
            synchronized (this) {
                allJoined = true;
                lost = !decided && running.isEmpty() && started == addresses.size();
                decided |= lost;
            }
            if (lost) {
                outcome.complete(null);
            }
        }

        private void startNext() {
            ChannelFuture attempt;
            Candidate candidate;
            synchronized (this) {
                if (decided) {
                    return;
                }
                if (started == addresses.size()) {
                    due = !allJoined;
                    return;
                }
                candidate = addresses.get(started++);
                if (nextAttempt != null) {
                    nextAttempt.cancel(false);
                }
                nextAttempt = started < addresses.size() || !allJoined
                        ? group.schedule(this::startNext, connectionAttemptDelay.toNanos(), TimeUnit.NANOSECONDS)
                        : null;
                attempt = connect(candidate.target(), candidate.socketAddress(), stream);
                running.add(attempt);
            }
            attempt.addListener(done -> settled(attempt, candidate));
        }

        private void settled(ChannelFuture attempt, Candidate candidate) {
            S2sTarget target = candidate.target();
            InetSocketAddress address = candidate.socketAddress();
            List<ChannelFuture> losers = List.of();
            boolean won = false;
            boolean allFailed = false;
            synchronized (this) {
                running.remove(attempt);
                if (decided) {
                    if (attempt.isSuccess()) {
                        discard(attempt.channel());
                    }
                    return;
                }
                if (attempt.isSuccess()) {
                    decided = true;
                    won = true;
                    losers = List.copyOf(running);
                    running.clear();
                    if (nextAttempt != null) {
                        nextAttempt.cancel(false);
                    }
                } else {
                    Throwable cause = attempt.cause();
                    boolean timeout = cause instanceof ConnectTimeoutException;
                    LOG.log(Level.DEBUG, "cannot connect to {0} ({1}): {2}", target.host(), address, cause.toString());
                    attempts.add(target.host() + " " + address.getAddress().getHostAddress() + ":" + target.port()
                            + ": " + (timeout ? "no answer in time" : AuditTexts.failure(cause)), timeout);
                    allFailed = running.isEmpty() && started == addresses.size() && allJoined;
                    decided = allFailed;
                }
            }
            if (won) {
                LOG.log(Level.DEBUG, "connected to {0} at {1}", target.host(), address);
                losers.forEach(loser -> loser.channel().eventLoop().execute(() -> discard(loser.channel())));
                outcome.complete(attempt.channel());
            } else if (allFailed) {
                outcome.complete(null);
            } else {
                startNext();
            }
        }

        /** A connection that lost the race: cut without telling anyone, since the winner serves the stream. */
        private static void discard(Channel channel) {
            if (channel.pipeline().get(OutboundChannelInitializer.STREAM_HANDLER) != null) {
                channel.pipeline().remove(OutboundChannelInitializer.STREAM_HANDLER);
            }
            channel.close();
        }
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
