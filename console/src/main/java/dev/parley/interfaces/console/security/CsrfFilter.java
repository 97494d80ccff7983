package dev.parley.interfaces.console.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Refuses every request that could change something (anything but GET, HEAD and OPTIONS) unless it carries the
 * session's {@link CsrfToken}; gives signed-in administrators their token for the forms of the page.
 */
@WebFilter(urlPatterns = "/*")
public class CsrfFilter extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(CsrfFilter.class.getName());
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!SAFE_METHODS.contains(request.getMethod())) {
            HttpSession session = request.getSession(false);
            String expected = session == null ? null : (String) session.getAttribute(CsrfToken.SESSION_ATTRIBUTE);
            String token;
            try {
                token = request.getParameter(CsrfToken.PARAMETER);
            } catch (RuntimeException tooLarge) {
                // Undertow refuses to parse a multipart body beyond the limits of web.xml (its exception types are its
                // own): the upload is refused before anything reads it.
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE,
                        "The file is larger than the console takes (4 MiB). Nothing was imported.");
                return;
            }
            if (!CsrfToken.matches(expected, token)) {
                // Never the token itself: only that one was missing or wrong, and where the request went.
                LOG.warning("Refused a " + request.getMethod() + " to " + request.getRequestURI() + " from "
                        + request.getRemoteAddr() + " without this session's form token (a cross-site request?)");
                response.sendError(HttpServletResponse.SC_FORBIDDEN,
                        "This form is outdated or was not sent from the console. Open the page again and retry.");
                return;
            }
        }
        if (request.getUserPrincipal() != null) {
            CsrfToken.of(request.getSession());
        }
        chain.doFilter(request, response);
    }
}
