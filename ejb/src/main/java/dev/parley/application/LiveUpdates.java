package dev.parley.application;

import dev.parley.domain.model.user.UserName;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.lang.System.Logger.Level;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Tells whoever follows a local user (the chat page's WebSocket) what reached them, once the transaction that
 * delivered it succeeded. The followers register here, in the EJB module, because CDI events fired in this module do
 * not reach observers in the web modules.
 */
@ApplicationScoped
public class LiveUpdates {

    private static final System.Logger LOG = System.getLogger(LiveUpdates.class.getName());

    private final Map<UserName, Set<Consumer<LocalUserNotified.What>>> followers = new ConcurrentHashMap<>();

    /**
     * Calls {@code follower} with each kind of news for {@code user} until the returned handle is closed. The
     * follower must not block: it runs on the thread that delivered the news.
     */
    public AutoCloseable follow(UserName user, Consumer<LocalUserNotified.What> follower) {
        followers.computeIfAbsent(user, key -> ConcurrentHashMap.newKeySet()).add(follower);
        return () -> followers.computeIfPresent(user, (key, set) -> {
            set.remove(follower);
            return set.isEmpty() ? null : set;
        });
    }

    void delivered(@Observes(during = TransactionPhase.AFTER_SUCCESS) LocalUserNotified news) {
        for (Consumer<LocalUserNotified.What> follower : followers.getOrDefault(news.user(), Set.of())) {
            try {
                follower.accept(news.what());
            } catch (RuntimeException closing) {
                // One browser going away (its socket closing under the send) is no reason to leave the others untold.
                LOG.log(Level.DEBUG, "A follower of {0} could not be told: {1}", news.user(), closing.toString());
            }
        }
    }
}
