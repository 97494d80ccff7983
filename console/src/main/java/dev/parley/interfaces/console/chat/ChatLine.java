package dev.parley.interfaces.console.chat;

import java.time.Instant;

/**
 * One line of a conversation as the page shows it.
 *
 * @param mine  whether the signed-in user sent it
 * @param text  the message's text, or why it could not be delivered
 * @param error whether it is an error for a message the user sent
 */
public record ChatLine(boolean mine, String text, boolean error, Instant at) {
}
