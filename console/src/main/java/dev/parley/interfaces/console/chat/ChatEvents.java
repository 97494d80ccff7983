package dev.parley.interfaces.console.chat;

import dev.parley.application.LiveUpdates;
import dev.parley.domain.model.user.UserName;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The chat page's push: a WebSocket (under /chat/, so only a signed-in local user opens one, for themselves) on which
 * Parley sends {@code message} or {@code contacts} when something reached the user. It carries no content: the page
 * fetches what changed over its authenticated session, so nothing else ever sees it.
 */
@ServerEndpoint("/chat/events")
public class ChatEvents {

    private static final System.Logger LOG = System.getLogger(ChatEvents.class.getName());

    /** Per WebSocket session, the handle that stops following the user. */
    private static final Map<String, AutoCloseable> FOLLOWING = new ConcurrentHashMap<>();

    @Inject
    LiveUpdates updates;

    @OnOpen
    public void open(Session session) throws IOException {
        if (session.getUserPrincipal() == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "sign in first"));
            return;
        }
        UserName user = UserName.of(session.getUserPrincipal().getName());
        FOLLOWING.put(session.getId(), updates.follow(user, what -> {
            if (session.isOpen()) {
                session.getAsyncRemote().sendText(what.name().toLowerCase(Locale.ROOT));
            }
        }));
    }

    @OnClose
    public void close(Session session) throws Exception {
        AutoCloseable following = FOLLOWING.remove(session.getId());
        if (following != null) {
            following.close();
        }
    }

    @OnError
    public void failed(Session session, Throwable problem) {
        LOG.log(System.Logger.Level.DEBUG, "The chat push to a browser failed: {0}", problem.toString());
    }
}
