/**
 * Tests of the inbound S2S stream: negotiation and termination on embedded channels, and the
 * listener on real loopback sockets. Answers are parsed, never matched as substrings.
 */
package dev.parley.xmpp.s2s;
