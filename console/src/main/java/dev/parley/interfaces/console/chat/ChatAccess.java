package dev.parley.interfaces.console.chat;

import dev.parley.application.LocalUserService;
import dev.parley.domain.model.user.UserName;
import dev.parley.domain.model.user.UserNotFoundException;
import dev.parley.domain.model.user.UserSnapshot;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * Ends a chat session whose user was disabled or removed since signing in, or whose name now belongs to a new user:
 * the sign-in checked the password once, this checks at every request that the session's user is still the one who
 * signed in (by when that user was created).
 */
@WebFilter("/chat/*")
public class ChatAccess extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String CREATED = "parley.chat.user-created";

    @Inject
    transient LocalUserService users;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String name = request.getRemoteUser();
        if (name != null) {
            Optional<UserSnapshot> user = current(name);
            HttpSession session = request.getSession();
            Object signedIn = session.getAttribute(CREATED);
            if (signedIn == null && user.isPresent()) {
                session.setAttribute(CREATED, user.get().createdAt().toString());
            } else if (user.isEmpty() || !user.get().createdAt().toString().equals(signedIn)) {
                session.removeAttribute(ChatSessions.USER);
                request.logout();
                session.invalidate();
                response.sendError(HttpServletResponse.SC_FORBIDDEN, "Your account was disabled or removed.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The enabled user of that name, if there is one. */
    private Optional<UserSnapshot> current(String name) {
        if (UserName.problem(name).isPresent()) {
            return Optional.empty();
        }
        try {
            return Optional.of(users.get(UserName.of(name))).filter(UserSnapshot::enabled);
        } catch (UserNotFoundException e) {
            return Optional.empty();
        }
    }
}
