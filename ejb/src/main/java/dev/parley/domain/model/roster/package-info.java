/**
 * Rosters (RFC 6121 §2, §3): each local user's contacts with the state of the presence subscriptions both ways, and
 * the state changes that subscription stanzas and the user's own choices cause.
 */
package dev.parley.domain.model.roster;
