package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.diagnostics.ProbeLog.Conclusion;
import dev.parley.xmpp.diagnostics.ProbeLog.Stop;
import dev.parley.xmpp.diagnostics.ProbeStep.Kind;
import dev.parley.xmpp.diagnostics.ProbeStep.Outcome;
import dev.parley.xmpp.dns.DnsS2sTargetResolver;
import dev.parley.xmpp.dns.HostResolver;
import dev.parley.xmpp.dns.S2sDiscovery;
import dev.parley.xmpp.dns.S2sResolutionException;
import dev.parley.xmpp.dns.S2sTarget;
import dev.parley.xmpp.dns.S2sTargetResolver;
import dev.parley.xmpp.dns.SrvCandidate;
import dev.parley.xmpp.dns.SrvLookup;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * The DNS steps: how the engine's resolver finds the domain's targets (SRV records of both services, or the fallback
 * to the domain itself), then the addresses of each target, looked up together.
 */
final class DnsProbe {

    /** Targets probed at most; a domain with more is unusual, and each costs lookups and connections. */
    static final int MAX_TARGETS = 8;
    private static final String SKIPPED = "skipped: the domain could not be resolved";

    /** A target with the addresses its host has; empty when their lookup failed. */
    record Resolved(S2sTarget target, List<InetAddress> addresses) {
    }

    private final S2sTargetResolver targets;
    private final HostResolver hosts;
    private final Duration timeout;
    private final Deadline deadline;
    private final ProbeLog log;

    DnsProbe(ProbeSettings settings, Deadline deadline, ProbeLog log) {
        this.targets = settings.targets();
        this.hosts = settings.hosts();
        this.timeout = settings.timeouts().dns();
        this.deadline = deadline;
        this.log = log;
    }

    /** The targets with addresses, best first; empty when the run stops here. */
    List<Resolved> run(String domain) throws InterruptedException {
        Optional<S2sDiscovery> discovery = discover(domain);
        if (discovery.isEmpty()) {
            return List.of();
        }
        List<S2sTarget> found = discovery.get().targets();
        return resolve(found.subList(0, Math.min(found.size(), MAX_TARGETS)));
    }

    private Optional<S2sDiscovery> discover(String domain) throws InterruptedException {
        Deadline.Limit limit = deadline.limit(timeout);
        long start = System.nanoTime();
        S2sDiscovery discovery;
        try {
            discovery = Deadline.await(targets.discover(domain), limit);
        } catch (TimeoutException e) {
            String detail = "DNS did not answer " + limit.describe();
            log.fail(Kind.DNS_SRV, Deadline.since(start), detail, new Stop(Conclusion.UNREACHABLE, detail, SKIPPED));
            return Optional.empty();
        } catch (ExecutionException e) {
            // discover() never fails; a resolver of a host's that does is reported as it says.
            String detail = "the lookup failed: " + Texts.message(e.getCause());
            log.fail(Kind.DNS_SRV, Deadline.since(start), detail, new Stop(Conclusion.UNREACHABLE, detail, SKIPPED));
            return Optional.empty();
        }
        Duration took = Deadline.since(start);
        Optional<S2sResolutionException> failure = discovery.failure();
        String records = describe(domain, discovery);
        switch (discovery.source()) {
            case SRV -> {
                if (failure.isPresent()) {
                    log.fail(Kind.DNS_SRV, took, records,
                            new Stop(Conclusion.UNREACHABLE, failure.get().getMessage(), SKIPPED));
                } else {
                    boolean partly = discovery.srvLookups().stream().anyMatch(lookup -> lookup.failure().isPresent());
                    log.add(Kind.DNS_SRV, partly ? Outcome.WARNING : Outcome.PASSED, took, records);
                }
            }
            case ADDRESS_FALLBACK -> {
                log.add(Kind.DNS_SRV, Outcome.PASSED, took, records);
                failure.ifPresent(why -> log.fail(Kind.DNS_ADDRESSES, took, why.getMessage(),
                        new Stop(Conclusion.UNREACHABLE, why.getMessage(), SKIPPED)));
            }
            case OVERRIDE, RESOLVER -> {
                if (failure.isPresent()) {
                    log.fail(Kind.DNS_SRV, took, records,
                            new Stop(Conclusion.UNREACHABLE, failure.get().getMessage(), SKIPPED));
                } else {
                    log.add(Kind.DNS_SRV, Outcome.SKIPPED, took, records);
                }
            }
        }
        return failure.isPresent() ? Optional.empty() : Optional.of(discovery);
    }

    /** What each SRV lookup said, then where that leads. */
    private static String describe(String domain, S2sDiscovery discovery) {
        List<String> parts = new ArrayList<>();
        switch (discovery.source()) {
            case OVERRIDE -> parts.add("not looked up: an administrator's override names the targets of " + domain);
            case RESOLVER -> parts.add("not looked up: the configured resolver names the targets of " + domain
                    + " itself");
            case SRV, ADDRESS_FALLBACK -> discovery.srvLookups().forEach(lookup -> parts.add(describe(lookup)));
        }
        if (discovery.source() == S2sDiscovery.Source.ADDRESS_FALLBACK) {
            parts.add("no SRV records, so " + domain + " itself on port " + DnsS2sTargetResolver.DEFAULT_PORT
                    + " (RFC 6120 §3.2.2)");
        }
        if (discovery.source() == S2sDiscovery.Source.OVERRIDE || discovery.source() == S2sDiscovery.Source.RESOLVER) {
            // Where DNS was asked, each lookup said what went wrong, and the fallback's failure is the address step's.
            discovery.failure().ifPresent(failure -> parts.add(failure.getMessage()));
        }
        List<S2sTarget> found = discovery.targets();
        if (!found.isEmpty()) {
            parts.add("targets in the order tried: " + found.stream().map(DnsProbe::target)
                    .collect(Collectors.joining(", "))
                    + (found.size() > MAX_TARGETS ? " (only the first " + MAX_TARGETS + " are probed)" : ""));
        }
        return Texts.fromPeer(String.join("; ", parts));
    }

    private static String describe(SrvLookup lookup) {
        if (lookup.failure().isPresent()) {
            return lookup.owner() + ": the lookup failed: " + lookup.failure().get().getMessage();
        }
        if (lookup.declined()) {
            return lookup.owner() + ": target \".\", the service is declared not available";
        }
        if (lookup.records().isEmpty()) {
            return lookup.owner() + ": no record";
        }
        return lookup.owner() + ": "
                + lookup.records().stream().map(DnsProbe::record).collect(Collectors.joining(", "));
    }

    private static String record(SrvCandidate record) {
        return "priority " + record.priority() + ", weight " + record.weight() + ", port " + record.target().port()
                + ", target " + record.target().host();
    }

    /** {@code xmpp.example.com:5269 (STARTTLS)} or {@code (direct TLS)}. */
    static String target(S2sTarget target) {
        return target.host() + ":" + target.port() + (target.directTls() ? " (direct TLS)" : " (STARTTLS)");
    }

    /** Every target's addresses, looked up together; one step per target. */
    private List<Resolved> resolve(List<S2sTarget> found) throws InterruptedException {
        Deadline.Limit limit = deadline.limit(timeout);
        long start = System.nanoTime();
        List<CompletableFuture<Timed>> lookups = found.stream().map(target -> timed(hosts.addresses(target.host())))
                .toList();
        List<Resolved> resolved = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Runnable> steps = new ArrayList<>();
        for (int i = 0; i < found.size(); i++) {
            S2sTarget target = found.get(i);
            Deadline.Limit left = deadline.limit(Deadline.left(limit, start));
            try {
                Timed answer = Deadline.await(lookups.get(i), left);
                resolved.add(new Resolved(target, answer.addresses()));
                String detail = target.host() + ": " + answer.addresses().stream().map(InetAddress::getHostAddress)
                        .collect(Collectors.joining(", "));
                steps.add(() -> log.add(Kind.DNS_ADDRESSES, Outcome.PASSED, answer.took(), detail));
            } catch (TimeoutException e) {
                String detail = target.host() + ": no answer " + limit.describe();
                Duration took = Deadline.since(start);
                failures.add(detail);
                steps.add(() -> log.add(Kind.DNS_ADDRESSES, outcomeOfFailure(resolved), took, detail));
            } catch (ExecutionException e) {
                String detail = target.host() + ": " + Texts.message(e.getCause());
                Duration took = Deadline.since(start);
                failures.add(detail);
                steps.add(() -> log.add(Kind.DNS_ADDRESSES, outcomeOfFailure(resolved), took, detail));
            }
        }
        // Recorded once all are in: a failure is only a warning when another target has addresses.
        steps.forEach(Runnable::run);
        if (resolved.isEmpty()) {
            log.stop(new Stop(Conclusion.UNREACHABLE, failures.size() == 1 ? failures.get(0)
                    : "no target has an address (" + String.join("; ", failures) + ")", SKIPPED));
        }
        return resolved;
    }

    private static Outcome outcomeOfFailure(List<Resolved> resolved) {
        return resolved.isEmpty() ? Outcome.FAILED : Outcome.WARNING;
    }

    /** A lookup's addresses and how long it took by itself. */
    private record Timed(List<InetAddress> addresses, Duration took) {
    }

    private static CompletableFuture<Timed> timed(CompletableFuture<List<InetAddress>> lookup) {
        long start = System.nanoTime();
        return lookup.thenApply(addresses -> new Timed(addresses, Deadline.since(start)));
    }
}
