package dev.parley.interfaces.console.security;

import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The secret of one signed-in session that every console form carries back (as {@value #PARAMETER}): a page of
 * another site can make the browser post to the console, with its cookie, but cannot read the token to post it along.
 */
public final class CsrfToken {

    /** The form field that carries the token. */
    public static final String PARAMETER = "parley-csrf";
    /** The session attribute that holds it, and that pages read it from ({@code #{sessionScope['parley.csrf']}}). */
    public static final String SESSION_ATTRIBUTE = "parley.csrf";

    private static final SecureRandom RANDOM = new SecureRandom();

    private CsrfToken() {
    }

    /** The session's token, made on first use. */
    public static String of(HttpSession session) {
        synchronized (session) {
            Object token = session.getAttribute(SESSION_ATTRIBUTE);
            if (token instanceof String existing) {
                return existing;
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String created = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SESSION_ATTRIBUTE, created);
            return created;
        }
    }

    /** Whether the token a request carries is the session's, compared in constant time. */
    public static boolean matches(String expected, String supplied) {
        if (expected == null || supplied == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), supplied.getBytes(StandardCharsets.UTF_8));
    }
}
