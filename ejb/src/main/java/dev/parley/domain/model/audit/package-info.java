/**
 * The federation audit trail: what happened on the S2S streams (opened, closed, refused and why)
 * and to the federation settings, kept for a limited time and searchable by administrators.
 */
package dev.parley.domain.model.audit;
