/**
 * Parley's S2S engine against real Prosody and ejabberd peers: the interop matrix of the engine
 * issue, one test class per row, the engine running in the test JVM (no WildFly).
 */
package dev.parley.it.interop;
