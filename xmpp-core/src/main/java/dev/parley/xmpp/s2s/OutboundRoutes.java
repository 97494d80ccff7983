package dev.parley.xmpp.s2s;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The routes of one {@link OutboundLink}, one per local domain that sends over it, in the order they were opened: the
 * questions the link asks about them all at once. Guarded by the link's lock, like each route.
 */
final class OutboundRoutes {

    private final Map<String, OutboundRoute> routes = new LinkedHashMap<>();
    private final int queueBound;

    /** {@code queueBound}: how many stanzas a route keeps while it waits for dialback. */
    OutboundRoutes(int queueBound) {
        this.queueBound = queueBound;
    }

    /** The route of {@code localDomain} (canonical form), opened now if it has none. */
    OutboundRoute of(String localDomain) {
        return routes.computeIfAbsent(localDomain, domain -> new OutboundRoute(domain, queueBound));
    }

    /** The route of {@code localDomain} (canonical form), if it has one. */
    Optional<OutboundRoute> find(String localDomain) {
        return Optional.ofNullable(routes.get(localDomain));
    }

    /** Whether {@code route} is still the one of its domain (not forgotten, nor replaced). */
    boolean holds(OutboundRoute route) {
        return routes.get(route.localDomain()) == route;
    }

    /** The routes whose dialback is not requested yet, in order; a copy, as asking may drop one. */
    List<OutboundRoute> unrequested() {
        return routes.values().stream().filter(route -> !route.requested()).toList();
    }

    Collection<OutboundRoute> all() {
        return routes.values();
    }

    /** The local domains the remote server accepted, in order. */
    List<String> established() {
        return routes.values().stream().filter(route -> route.state() == OutboundRoute.State.ESTABLISHED)
                .map(OutboundRoute::localDomain).toList();
    }

    /** Whether a route still waits for the remote server's answer to its dialback. */
    boolean anyPending() {
        return routes.values().stream().anyMatch(route -> route.state() == OutboundRoute.State.PENDING);
    }

    /** Whether stanzas wait in a route for its dialback. */
    boolean anyWaiting() {
        return routes.values().stream().anyMatch(OutboundRoute::hasWaiting);
    }

    /** Whether some local domain {@code which} accepts has a route. */
    boolean anyOf(Predicate<String> which) {
        return routes.keySet().stream().anyMatch(which);
    }

    /** Whether {@code localDomain} has the only route. */
    boolean onlyOf(String localDomain) {
        return routes.size() == 1 && routes.containsKey(localDomain);
    }

    boolean isEmpty() {
        return routes.isEmpty();
    }

    /** Every stanza that waits in a route, route by route in order; taken from them. */
    List<Outgoing> drainAll() {
        List<Outgoing> waiting = new ArrayList<>();
        routes.values().forEach(route -> waiting.addAll(route.drain()));
        return waiting;
    }

    /** Forgets the routes of the local domains {@code which} accepts; returns them, in order. */
    List<OutboundRoute> removeAll(Predicate<String> which) {
        List<OutboundRoute> removed = new ArrayList<>();
        for (Iterator<OutboundRoute> each = routes.values().iterator(); each.hasNext(); ) {
            OutboundRoute route = each.next();
            if (which.test(route.localDomain())) {
                each.remove();
                removed.add(route);
            }
        }
        return removed;
    }

    void remove(OutboundRoute route) {
        routes.remove(route.localDomain(), route);
    }

    void clear() {
        routes.clear();
    }
}
