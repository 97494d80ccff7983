/**
 * Stanzas as the application sees them: the envelope (kind, from, to, type, id) beside the XML,
 * parsed without DTDs or entities, and the error replies RFC 6120 asks for.
 */
package dev.parley.domain.model.stanza;
