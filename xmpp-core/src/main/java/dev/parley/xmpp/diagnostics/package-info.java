/**
 * The federation tester: {@link dev.parley.xmpp.diagnostics.FederationProbe} checks, step by step and within a bounded
 * time, whether a remote domain can be reached and federated with, and says so in a
 * {@link dev.parley.xmpp.diagnostics.ProbeReport}.
 */
package dev.parley.xmpp.diagnostics;
