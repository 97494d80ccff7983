/** Real Prosody and ejabberd servers as federation peers for the end-to-end tests: loopback addresses, */
/** a private DNS, a test CA, the peer processes and logged-in clients, all started and stopped per test. */
package dev.parley.it.peers;
