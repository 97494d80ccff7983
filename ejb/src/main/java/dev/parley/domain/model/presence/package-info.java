/** Presence (RFC 6121): a user's {@link dev.parley.domain.model.presence.Availability} and status note. */
package dev.parley.domain.model.presence;
