package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.diagnostics.DnsProbe.Resolved;
import dev.parley.xmpp.diagnostics.ProbeLog.Conclusion;
import dev.parley.xmpp.diagnostics.ProbeLog.Stop;
import dev.parley.xmpp.diagnostics.ProbeStep.Kind;
import dev.parley.xmpp.diagnostics.ProbeStep.Outcome;
import dev.parley.xmpp.dns.S2sTarget;
import dev.parley.xmpp.net.IpAddressLiteral;
import dev.parley.xmpp.net.PrivateAddresses;
import dev.parley.xmpp.tls.TlsPolicy;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ConnectTimeoutException;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;

import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The TCP step: a connection to every address of every target at once, each with its result and time, then the
 * first that connected in the order the engine would try them is kept for the stream, and the others are closed
 * before a byte is written.
 */
final class TcpProbe {

    /** Addresses connected to at most, across all targets. */
    static final int MAX_ADDRESSES = 16;
    /** What Netty's own connect timeout may lag behind. */
    private static final Duration GRACE = Duration.ofMillis(500);
    private static final String SKIPPED = "skipped: no connection";

    /** The connection the stream steps continue on. */
    record Connected(S2sTarget target, InetSocketAddress address, Channel channel) {

        /** {@code xmpp.example.com:5269}, as the verdict names where it got. */
        String reached() {
            return target.host() + ":" + target.port();
        }
    }

    private enum Result {
        CONNECTED, REFUSED, TIMED_OUT, FAILED
    }

    /** One connection attempt, settled on the event loop. */
    private static final class Attempt {

        private final S2sTarget target;
        private final InetSocketAddress address;
        private final long startedAt = System.nanoTime();
        private final ChannelFuture connecting;
        private volatile Duration took;

        Attempt(S2sTarget target, InetSocketAddress address, Bootstrap bootstrap) {
            this.target = target;
            this.address = address;
            this.connecting = bootstrap.connect(address);
            connecting.addListener(done -> took = Deadline.since(startedAt));
        }

        Result result() {
            if (connecting.isSuccess()) {
                return Result.CONNECTED;
            }
            Throwable cause = connecting.cause();
            // Cancelled: still connecting when the probe stopped waiting.
            if (cause == null || connecting.isCancelled() || cause instanceof ConnectTimeoutException) {
                return Result.TIMED_OUT;
            }
            boolean refused = cause instanceof ConnectException
                    && String.valueOf(cause.getMessage()).startsWith("Connection refused");
            return refused ? Result.REFUSED : Result.FAILED;
        }

        String where() {
            return IpAddressLiteral.format(address);
        }
    }

    private final EventLoopGroup group;
    private final Duration timeout;
    private final Deadline deadline;
    private final ProbeLog log;
    private final boolean privateFederation;

    TcpProbe(EventLoopGroup group, ProbeSettings settings, Deadline deadline, ProbeLog log) {
        this.group = group;
        this.timeout = settings.timeouts().connect();
        this.privateFederation = settings.privateFederation();
        this.deadline = deadline;
        this.log = log;
    }

    /**
     * Connects to the addresses of {@code resolved}; the connection to go on with, or empty when the run stops here.
     * Direct-TLS targets are tried but not kept under the policy {@code NONE}, as the engine skips them then.
     */
    Optional<Connected> run(List<Resolved> resolved, TlsPolicy policy) throws InterruptedException {
        Deadline.Limit limit = deadline.limit(timeout);
        Bootstrap bootstrap = new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, limit.duration().toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel channel) {
                        // The stream step builds the pipeline of the one connection it keeps.
                    }
                });
        List<Attempt> attempts = new ArrayList<>();
        int notTried = 0;
        List<String> notPublic = new ArrayList<>();
        for (Resolved target : resolved) {
            for (InetAddress address : target.addresses()) {
                Optional<String> kind = privateFederation ? Optional.empty() : PrivateAddresses.kindOf(address);
                if (kind.isPresent()) {
                    String where = target.target().host() + " " + IpAddressLiteral.format(address,
                            target.target().port());
                    log.add(Kind.TCP, Outcome.FAILED, Duration.ZERO, where + ": not connected to, " + kind.get()
                            + " (private federation is off)");
                    notPublic.add(where);
                } else if (attempts.size() == MAX_ADDRESSES) {
                    notTried++;
                } else {
                    attempts.add(new Attempt(target.target(), new InetSocketAddress(address, target.target().port()),
                            bootstrap));
                }
            }
        }
        long start = System.nanoTime();
        for (Attempt attempt : attempts) {
            attempt.connecting.await(Deadline.left(limit, start).plus(GRACE).toMillis());
            if (!attempt.connecting.isDone()) {
                attempt.connecting.cancel(false);
            }
        }
        Optional<Attempt> kept = attempts.stream()
                .filter(attempt -> attempt.result() == Result.CONNECTED && usable(attempt.target, policy)).findFirst();
        for (Attempt attempt : attempts) {
            log.add(Kind.TCP, outcome(attempt, kept.isPresent()), took(attempt), detail(attempt, limit, policy));
            if (attempt.result() == Result.CONNECTED && kept.filter(attempt::equals).isEmpty()) {
                attempt.connecting.channel().close();
            }
        }
        if (notTried > 0) {
            log.add(Kind.TCP, Outcome.SKIPPED, Duration.ZERO, notTried + " more addresses not tried: the probe"
                    + " connects to " + MAX_ADDRESSES + " at most");
        }
        if (kept.isEmpty()) {
            log.stop(attempts.isEmpty() && !notPublic.isEmpty() ? new Stop(Conclusion.UNREACHABLE, "its addresses "
                    + String.join(", ", notPublic) + " are not public ones, and private federation is off", SKIPPED)
                    : stop(attempts, limit, policy));
            return Optional.empty();
        }
        Attempt winner = kept.get();
        return Optional.of(new Connected(winner.target, winner.address, winner.connecting.channel()));
    }

    private static boolean usable(S2sTarget target, TlsPolicy policy) {
        return !target.directTls() || policy != TlsPolicy.NONE;
    }

    private static Outcome outcome(Attempt attempt, boolean anyKept) {
        if (attempt.result() == Result.CONNECTED) {
            return Outcome.PASSED;
        }
        // The engine moves on to the next address, so one down among others that answer is a warning.
        return anyKept ? Outcome.WARNING : Outcome.FAILED;
    }

    private static Duration took(Attempt attempt) {
        Duration took = attempt.took;
        return took != null ? took : Deadline.since(attempt.startedAt);
    }

    private static String detail(Attempt attempt, Deadline.Limit limit, TlsPolicy policy) {
        String where = attempt.target.host() + " " + attempt.where()
                + (attempt.target.directTls() ? " (direct TLS)" : "");
        return switch (attempt.result()) {
            case CONNECTED -> where + ": connected" + (usable(attempt.target, policy) ? ""
                    : ", but the policy " + TlsPolicy.NONE + " does not use direct TLS");
            case REFUSED -> where + ": refused the connection";
            case TIMED_OUT -> where + ": no answer " + limit.describe();
            case FAILED -> where + ": " + Texts.message(attempt.connecting.cause());
        };
    }

    private static Stop stop(List<Attempt> attempts, Deadline.Limit limit, TlsPolicy policy) {
        if (attempts.isEmpty()) {
            return new Stop(Conclusion.UNREACHABLE, "no address to connect to", SKIPPED);
        }
        if (attempts.stream().anyMatch(attempt -> attempt.result() == Result.CONNECTED)) {
            return new Stop(Conclusion.NOT_FEDERATING, "it offers only direct TLS connections, and the policy for it"
                    + " is " + policy, "skipped: no connection the policy allows");
        }
        String addresses = attempts.stream().map(Attempt::where).collect(Collectors.joining(", "));
        if (attempts.stream().allMatch(attempt -> attempt.result() == Result.REFUSED)) {
            return new Stop(Conclusion.UNREACHABLE, "every address refused the connection (" + addresses + ")", SKIPPED);
        }
        if (attempts.stream().allMatch(attempt -> attempt.result() == Result.TIMED_OUT)) {
            return new Stop(Conclusion.UNREACHABLE, "no address answered " + limit.describe() + " (" + addresses + ")",
                    SKIPPED);
        }
        return new Stop(Conclusion.UNREACHABLE, "no address accepted a connection (" + attempts.stream()
                .map(attempt -> attempt.where() + " " + switch (attempt.result()) {
                    case REFUSED -> "refused";
                    case TIMED_OUT -> "timed out";
                    default -> Texts.message(attempt.connecting.cause());
                }).collect(Collectors.joining(", ")) + ")", SKIPPED);
    }
}
