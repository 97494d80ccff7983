package dev.parley.interfaces.console.chat;

import dev.parley.application.PresenceService;
import dev.parley.domain.model.presence.Availability;
import dev.parley.domain.model.presence.Presence;
import dev.parley.domain.model.user.UserName;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

/**
 * A local user's presence follows their chat sessions: the first page of a session announces them available (unless
 * they chose another presence already), the session's end (signing out, or timing out after the browser went away)
 * makes them unavailable. A user's explicit choice within the session, unavailable included, stays as chosen.
 */
@WebListener
public class ChatSessions implements HttpSessionListener {

    private static final System.Logger LOG = System.getLogger(ChatSessions.class.getName());

    /** The session attribute naming the local user whose chat session it is. */
    static final String USER = "parley.chat.user";

    @Inject
    PresenceService presence;

    /** The user's presence once this request's session announced them; the first time, available. */
    static Presence signedIn(HttpServletRequest request, PresenceService presence, UserName user) {
        HttpSession session = request.getSession();
        if (session.getAttribute(USER) == null) {
            session.setAttribute(USER, user.value());
            if (!presence.presenceOf(user).availability().online()) {
                presence.setPresence(user, Presence.of(Availability.AVAILABLE, null));
            }
        }
        return presence.presenceOf(user);
    }

    static void signOut(HttpServletRequest request, PresenceService presence, UserName user) throws ServletException {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(USER);
        }
        presence.setPresence(user, Presence.UNAVAILABLE);
        request.logout();
    }

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        Object user = event.getSession().getAttribute(USER);
        if (user == null) {
            return;
        }
        try {
            presence.setPresence(UserName.of((String) user), Presence.UNAVAILABLE);
        } catch (RuntimeException stopping) {
            // Sessions also end when the server stops, when Parley's beans may be gone already.
            LOG.log(System.Logger.Level.INFO, "{0} could not be shown unavailable as their chat session ended: {1}",
                    user, stopping.toString());
        }
    }
}
