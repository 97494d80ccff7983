package dev.parley.application.internal;

import dev.parley.domain.model.presence.Presence;
import dev.parley.domain.model.user.UserName;
import dev.parley.xmpp.jid.Jid;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The presence contacts last sent to local users, per contact session, in memory: after a restart Parley probes the
 * contacts again instead of showing presence that may have changed meanwhile.
 */
@ApplicationScoped
public class RemotePresences {

    private record Key(UserName user, String contact) {
    }

    /** Per user and contact bare JID: the presence of each of the contact's sessions (resources). */
    private final Map<Key, Map<String, Presence>> sessions = new ConcurrentHashMap<>();

    void record(UserName user, Jid from, Presence presence) {
        Map<String, Presence> ofContact = sessions.computeIfAbsent(new Key(user, from.asBareJid().toString()),
                key -> new ConcurrentHashMap<>());
        String resource = from.resourcepart().orElse("");
        if (presence.availability().online()) {
            ofContact.put(resource, presence);
        } else if (resource.isEmpty()) {
            // Unavailable from the bare JID: every session of the contact is gone.
            ofContact.clear();
        } else {
            ofContact.remove(resource);
        }
    }

    /** The contact's presence for the user: the most available of their sessions, else unavailable. */
    Presence of(UserName user, String contact) {
        return sessions.getOrDefault(new Key(user, contact), Map.of()).values().stream()
                .min((a, b) -> a.availability().compareTo(b.availability()))
                .orElse(Presence.UNAVAILABLE);
    }

    void forget(UserName user, String contact) {
        sessions.remove(new Key(user, contact));
    }
}
