/**
 * The Jabber Component Protocol (XEP-0114) as Parley's proxy link uses it: {@link dev.parley.xmpp.component.ComponentListener}
 * accepts a component (the DMZ proxy's side, or any XMPP server hosting one), {@link dev.parley.xmpp.component.ComponentClient}
 * is the component (Parley's side, keeping the link up). Both speak the handshake of {@link
 * dev.parley.xmpp.component.Handshake} and carry stanzas that are in {@code jabber:server} everywhere else in Parley.
 */
package dev.parley.xmpp.component;
