/**
 * How outbound stanzas are routed over time: which try this is, and whether a failed one is
 * tried again within the retry window or returned to its sender.
 */
package dev.parley.domain.model.routing;
