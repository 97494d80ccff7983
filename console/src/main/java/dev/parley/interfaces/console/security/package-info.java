/**
 * What keeps the console safe in a browser: a token on every form that another site cannot know, and response
 * headers that stop framing, sniffing and foreign scripts.
 */
package dev.parley.interfaces.console.security;
