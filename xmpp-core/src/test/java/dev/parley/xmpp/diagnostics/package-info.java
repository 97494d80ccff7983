/**
 * Tests of the federation tester against real engines, a hand-driven peer and a real DNS server (dnsmasq), all on
 * loopback addresses.
 */
package dev.parley.xmpp.diagnostics;
