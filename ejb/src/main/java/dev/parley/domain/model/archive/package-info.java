/**
 * The UC messaging module's message archive: stanzas delivered to local users, kept so that
 * users (and administrators) can read what arrived.
 */
package dev.parley.domain.model.archive;
