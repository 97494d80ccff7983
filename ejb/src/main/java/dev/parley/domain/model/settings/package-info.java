/**
 * The federation settings: the switch, direct or proxy mode, listener address, proxy link and
 * global TLS policy, with the rules that keep them valid.
 */
package dev.parley.domain.model.settings;
