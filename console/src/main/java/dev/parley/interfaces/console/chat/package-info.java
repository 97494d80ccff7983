/**
 * The web chat page for local users (role {@code user}): contacts with presence, requests to approve, a conversation,
 * the user's own presence; {@link dev.parley.interfaces.console.chat.ChatEvents} pushes news over a WebSocket so that
 * the page follows without reloading.
 */
package dev.parley.interfaces.console.chat;
