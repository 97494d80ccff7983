/**
 * The UC messaging module's message archive: each local user's history of messages received and sent, kept for
 * {@code parley.archive.retention-days}, so that users (and administrators) can read what arrived and what was said.
 */
package dev.parley.domain.model.archive;
