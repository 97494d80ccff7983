package dev.parley.xmpp.diagnostics;

import dev.parley.xmpp.diagnostics.ProbeStep.Kind;
import dev.parley.xmpp.diagnostics.ProbeStep.Outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One run's record: its steps in order, the first failure that stops it, and what the verdict tells of a run that
 * went through. Used by one thread, the one running the probe.
 */
final class ProbeLog {

    /** What a stop says of the domain, as the verdict begins after its name. */
    enum Conclusion {
        /** DNS, TCP or the XMPP stream failed. */
        UNREACHABLE("cannot be reached"),
        /** TLS, the certificate, authentication or the ping failed. */
        NOT_FEDERATING("cannot federate"),
        /** The probe itself could not go on. */
        UNKNOWN("could not be probed");

        private final String words;

        Conclusion(String words) {
            this.words = words;
        }
    }

    /**
     * Why a run stopped.
     *
     * @param conclusion what it says of the domain
     * @param reason     the verdict's words for it, e.g. "every address refused the connection (127.0.0.9:5269)"
     * @param skipped    the detail of every step left out because of it, e.g. "skipped: no connection"
     */
    record Stop(Conclusion conclusion, String reason, String skipped) {
    }

    private final List<ProbeStep> steps = new ArrayList<>();
    private Optional<Stop> stop = Optional.empty();
    /** The target and port the probe's stream reached, e.g. {@code xmpp.example.com:5269}. */
    private Optional<String> reached = Optional.empty();
    /** The TLS protocol of that stream, empty while plaintext. */
    private Optional<String> protocol = Optional.empty();
    /** How the engine's session authenticated our domain, e.g. "dialback". */
    private Optional<String> authentication = Optional.empty();
    /** What became of the ping, e.g. "ping answered in 43 ms". */
    private Optional<String> ping = Optional.empty();
    /** Why authentication and ping did not run although nothing failed, e.g. "federation is switched off". */
    private Optional<String> notTried = Optional.empty();

    void add(Kind kind, Outcome outcome, Duration took, String detail) {
        steps.add(new ProbeStep(kind, outcome, took, detail));
    }

    /** Records a failed step that ends the run. */
    void fail(Kind kind, Duration took, String detail, Stop why) {
        add(kind, Outcome.FAILED, took, detail);
        stop(why);
    }

    /** Ends the run; the first reason stands. */
    void stop(Stop why) {
        if (stop.isEmpty()) {
            stop = Optional.of(why);
        }
    }

    boolean stopped() {
        return stop.isPresent();
    }

    void reached(String target) {
        reached = Optional.of(target);
    }

    void encrypted(String tlsProtocol) {
        protocol = Optional.of(tlsProtocol);
    }

    void authenticated(String method) {
        authentication = Optional.of(method);
    }

    void pinged(String outcome) {
        ping = Optional.of(outcome);
    }

    /** Authentication and ping are not tried, for {@code reason}: both are skipped, and the run's verdict says why. */
    void notTried(String reason) {
        notTried = Optional.of(reason);
        add(Kind.AUTHENTICATION, Outcome.SKIPPED, Duration.ZERO, "skipped: " + reason);
        add(Kind.PING, Outcome.SKIPPED, Duration.ZERO, "skipped: " + reason);
    }

    /** The steps, and after them every kind of step that has not run, skipped with the stop's reason. */
    List<ProbeStep> steps() {
        Set<Kind> ran = EnumSet.noneOf(Kind.class);
        steps.forEach(step -> ran.add(step.kind()));
        List<ProbeStep> all = new ArrayList<>(steps);
        String skipped = stop.map(Stop::skipped).orElse("skipped");
        for (Kind kind : Kind.values()) {
            if (!ran.contains(kind)) {
                all.add(new ProbeStep(kind, Outcome.SKIPPED, Duration.ZERO, skipped));
            }
        }
        return all;
    }

    /** The verdict on {@code domain}, one sentence. */
    String verdict(String domain) {
        if (stop.isPresent()) {
            return domain + " " + stop.get().conclusion().words + ": " + stop.get().reason();
        }
        String over = protocol.map(tls -> "over " + tls).orElse("without TLS");
        if (authentication.isPresent() && ping.isPresent()) {
            return domain + " federates: reached " + reached.orElse("its server") + " " + over + ", authenticated by "
                    + authentication.get() + ", " + ping.get();
        }
        return domain + " is reachable: " + reached.orElse("its server") + " answered " + over
                + "; authentication and ping were not tried: " + notTried.orElse("the probe ended early");
    }
}
