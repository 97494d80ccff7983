package dev.parley.application;

import dev.parley.domain.model.user.UserName;
import dev.parley.xmpp.jid.InvalidJidException;
import dev.parley.xmpp.jid.Jid;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The XMPP domain this server hosts, canonical: the domain of local users' addresses, and what certificates must
 * name. The system property {@value #PROPERTY} sets it, as it does for the resource adapter.
 */
@ApplicationScoped
public class ServedDomain {

    public static final String PROPERTY = "parley.xmpp.domain";
    /** The resourcepart of every local user's session. */
    public static final String SESSION_RESOURCE = "parley";

    private final Supplier<String> configured;

    public ServedDomain() {
        this(() -> System.getProperty(PROPERTY, "localhost"));
    }

    /** A served domain read from {@code configured}, e.g. a fixed one in tests. */
    public ServedDomain(Supplier<String> configured) {
        this.configured = Objects.requireNonNull(configured, "configured");
    }

    public String name() {
        String domain = configured.get().trim();
        try {
            return Jid.ofDomain(domain).domainpart();
        } catch (InvalidJidException e) {
            return domain.toLowerCase(Locale.ROOT);
        }
    }

    /** The bare JID of local user {@code user}. */
    public Jid jidOf(UserName user) {
        return user.jidOn(name());
    }

    /**
     * The full JID of {@code user}'s session, the one resource Parley gives a local user: presence and messages leave
     * from it, whichever of the user's browsers or applications sent them.
     */
    public Jid sessionOf(UserName user) {
        return new Jid(Optional.of(user.value()), name(), Optional.of(SESSION_RESOURCE));
    }

    /** Whether {@code domain}, canonical, is this one. */
    public boolean isServed(String domain) {
        return name().equals(domain);
    }
}
