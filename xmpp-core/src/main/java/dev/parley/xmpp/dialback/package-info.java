/**
 * Server Dialback (XEP-0220) as vocabulary: the {@code db:result} and {@code db:verify} elements,
 * their answer types, and the dialback keys of XEP-0185. No I/O; the engine in {@code s2s} speaks it.
 */
package dev.parley.xmpp.dialback;
