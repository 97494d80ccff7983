/**
 * The proxy's health endpoint: {@code GET /health} answers with the state of the S2S listener, the S2S sessions
 * and the link to Parley, as JSON, for monitoring and service managers.
 */
package dev.parley.proxy.health;
